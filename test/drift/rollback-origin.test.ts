// rollbackOf as a table: which live entries are a rollback's work, and what drift says they went back to.
import { expect, it } from 'vitest';
import { rollbackOf } from '../../src/drift/rollback-origin.js';
import type { HistoryEntry } from '../../src/versioning/model.js';

const entry = (number: number, extra: Partial<HistoryEntry> = {}): HistoryEntry => ({
  id: `id${number}`,
  number,
  label: null,
  by: 'Ana',
  at: '2026-12-01T00:00:00Z',
  scan: 'passed',
  scanReason: null,
  live: false,
  restoredFrom: null,
  ...extra,
});

it.each<[string, 'v1' | 'v2', HistoryEntry, HistoryEntry[], string | undefined]>([
  [
    'a metrics-only rollback label',
    'v2',
    entry(4, {
      label:
        'atoms-metrics rollback to v2 revision 1 (abc) of branch Main (metrics only, over v2 revision 3 (def) of branch Main) [atoms-metrics:0123456789abcdef]',
    }),
    [],
    'v2 revision 1 (abc) of branch Main (metrics only)',
  ],
  ['a v2 restore', 'v2', entry(4, { restoredFrom: 'abc' }), [], 'revision abc (the whole revision restored)'],
  [
    'a v1 re-activation',
    'v1',
    entry(1),
    [entry(1), entry(2)],
    'v1 version 1 (the whole version re-activated; version 2 is newer)',
  ],
  ['an ordinary v2 publish', 'v2', entry(4, { label: 'Published by Ana' }), [], undefined],
  ['the newest v1 version', 'v1', entry(2), [entry(1), entry(2)], undefined],
])('%s', (_, model, live, entries, expected) => {
  expect(rollbackOf(model, live, entries.length > 0 ? entries : [live])).toBe(expected);
});
