/**
 * What a rollback would change besides the metrics: one short line per config section, from the platform's diff
 * (v2 `GET /agent/{id}/diff`) or from two v1 version details' section-keyed `resolvedConfig`. Pure.
 */
import { diffArrays } from 'diff';
import type { DiffResult } from '../atoms/branch-types.js';
import { isMetricsPath } from '../versioning/v2/draft-content.js';

export interface SectionChange {
  section: string;
  /** "3 lines changed" / "2 fields changed (firstMessage, tools)". */
  summary: string;
}

type Change = DiffResult['diffs'][number]['changes'][number];

/** Lines a text edit touches: the larger of lines removed and lines added. */
export function changedLines(before: string, after: string): number {
  let removed = 0;
  let added = 0;
  for (const part of diffArrays(before.split('\n'), after.split('\n'))) {
    if (part.removed) removed += part.value.length;
    else if (part.added) added += part.value.length;
  }
  return Math.max(removed, added, before === after ? 0 : 1);
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** One section's changes in a few words. */
export function summariseSection(changes: readonly Change[]): string {
  const texts = changes.filter((c) => typeof c.oldValue === 'string' && typeof c.newValue === 'string');
  if (texts.length === changes.length && texts.length > 0) {
    return `${plural(
      texts.reduce((sum, c) => sum + changedLines(String(c.oldValue), String(c.newValue)), 0),
      'line',
    )} changed`;
  }
  const paths = [...new Set(changes.map((c) => c.path))];
  const shown = paths.slice(0, 3).join(', ') + (paths.length > 3 ? ', …' : '');
  return `${plural(paths.length, 'field')} changed (${shown})`;
}

/** Every section in which `diff` (live → target) has changes besides the metrics; analytics only for what lies beside them. */
export function otherSectionChanges(diff: DiffResult): SectionChange[] {
  return diff.diffs
    .map((d) =>
      d.section === 'analytics'
        ? { section: 'analytics (besides the metrics)', changes: d.changes.filter((c) => !isMetricsPath(c.path)) }
        : d,
    )
    .filter((d) => d.changes.length > 0)
    .map((d) => ({ section: d.section, summary: summariseSection(d.changes) }));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Leaf changes between two values, as dot-paths below `prefix`. Arrays compare whole. */
function leafChanges(a: unknown, b: unknown, prefix: string): Change[] {
  if (isRecord(a) && isRecord(b)) {
    return [...new Set([...Object.keys(a), ...Object.keys(b)])].flatMap((key) =>
      leafChanges(a[key], b[key], prefix === '' ? key : `${prefix}.${key}`),
    );
  }
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
    ? []
    : [{ path: prefix || '(whole section)', oldValue: a ?? null, newValue: b ?? null }];
}

/** The diff of two section-keyed configs (v1 version detail `resolvedConfig`), in the v2 diff's shape. */
export function diffResolvedSections(live: unknown, target: unknown): DiffResult {
  const a = isRecord(live) ? live : {};
  const b = isRecord(target) ? target : {};
  const sections = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  const diffs = sections
    .map((section) => ({ section, changes: leafChanges(a[section], b[section], '') }))
    .filter((d) => d.changes.length > 0);
  return { unchangedSections: sections.filter((s) => !diffs.some((d) => d.section === s)), diffs };
}
