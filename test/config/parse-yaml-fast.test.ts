// The YAML shortcut against the yaml package's path as its oracle: wherever the shortcut answers, the value, the
// source map and the problems must be the package path's own. Documents are generated (metrics-like, in many
// styles, with the characters YAML treats specially) and then mutated a character at a time.
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/config/parse-yaml.js';
import { parseYamlFast } from '../../src/config/parse-yaml-fast.js';
import type { ParsedDocument } from '../../src/config/source-map.js';

/** mulberry32: the same documents on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYS = [
  'agentId',
  'postCallAnalyticsConfig',
  'dispositionMetrics',
  'identifier',
  'dispositionMetricType',
  'dispositionMetricPrompt',
  'choices',
  'useReasoningModel',
  'a',
  'b',
  'a',
  '_x9',
  '__proto__',
  'true',
  'null',
  'a-b',
  '"quoted"',
  "'single'",
  'k y',
  '1',
  '<<',
];
const PLAIN = [
  'Was the customer issue resolved during the call?',
  "it's fine",
  'a: b',
  'a:b',
  'x #y',
  'x#y',
  '-x',
  '- x',
  '--x',
  '~',
  'null',
  'Null',
  'True',
  'FALSE',
  'yes',
  '12',
  '-7',
  '0x1F',
  '0o17',
  '1e3',
  '.5',
  '+1',
  '.inf',
  '.NaN',
  '65f1a2b3c4d5e6f708192a3b',
  '[x]',
  '{a: b}',
  '&a x',
  '*b',
  '!t x',
  '|',
  '>-',
  '%d',
  '@x',
  '`x`',
  '?x',
  ':x',
  'a,b',
  'ünï 中文 ✓',
  '...',
  '---',
  'trailing:',
  'http://x.y:8/z?q#f',
  'BOOLEAN',
  'ENUM',
  'call_resolved',
  'a  b',
  'a\u00a0b',
  'zero\u200bwidth',
];
const QUOTED = [
  '"plain"',
  '"q\\"x"',
  '"tab\\tnew\\nline"',
  '"slash\\/ back\\\\"',
  '"\\u0041"',
  '"\\x41"',
  '"\\e"',
  '"unterminated',
  "'it''s'",
  "'x'",
  "''",
  '""',
  '"a" b',
  "'a'#c",
  '"a"  # c',
];
const FLOW = [
  '[]',
  '[a, b]',
  '[ a , "b" ]',
  "['x', y]",
  '[a,b,]',
  '[a, [b]]',
  '[a: b]',
  '[1, 2]',
  '[a b, c]',
  '[a,, b]',
  '[a] x',
  '[a]  # c',
  '[a#b]',
  '[ ]',
];

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)] as T;
}

/** Values inside the subset, so that many documents are answered by the shortcut and compared. */
const SAFE = [
  'Was the customer issue resolved during the call?',
  "it's fine",
  'a:b',
  'x #y',
  'call_resolved',
  'ENUM',
  'true',
  '~',
  '"q\\"x"',
  "'it''s'",
  '[a, "b"]',
  '[]',
  '65f1a2b3c4d5e6f708192a3b',
  'ünï 中文 ✓',
  '',
];
/** How often a document draws from everything rather than from SAFE (set per document). */
let weirdness = 1;

function scalar(rnd: () => number): string {
  if (rnd() > weirdness) return pick(rnd, SAFE);
  const r = rnd();
  if (r < 0.2) return randomText(rnd);
  if (r < 0.55) return pick(rnd, PLAIN);
  if (r < 0.8) return pick(rnd, QUOTED);
  if (r < 0.95) return pick(rnd, FLOW);
  return '';
}

/** A short string of the characters YAML gives meaning to, and a few plain ones. */
function randomText(rnd: () => number): string {
  const alphabet = 'ab  -:#,[]{}&*!|>\'"%@`?~.09eExo+\\/';
  let text = '';
  for (let n = 1 + Math.floor(rnd() * 8); n > 0; n--) text += alphabet[Math.floor(rnd() * alphabet.length)];
  return text;
}

function comment(rnd: () => number): string {
  return pick(rnd, [' # note', '  #x', '#tight', ' #']);
}

/** Renders a random block node at `indent`; `out` collects lines. */
function block(rnd: () => number, indent: number, depth: number, out: string[], sameIndentSeq = false): void {
  const pad = ' '.repeat(indent);
  const step = 1 + Math.floor(rnd() * 4);
  const count = 1 + Math.floor(rnd() * 4);
  const asSeq = sameIndentSeq || rnd() < 0.4;
  for (let i = 0; i < count; i++) {
    if (rnd() < 0.1) out.push(rnd() < 0.5 ? '' : `${' '.repeat(Math.floor(rnd() * (indent + 3)))}# comment`);
    if (rnd() < 0.05) out.push(pad);
    const nested = depth < 4 && rnd() < 0.35;
    if (asSeq) {
      const spaces = ' '.repeat(1 + Math.floor(rnd() * 2));
      if (nested && rnd() < 0.5) {
        // A compact mapping: `- key: value`, the rest of it at the key's column.
        const inner: string[] = [];
        block(rnd, indent + 1 + spaces.length, depth + 1, inner);
        const first = inner.findIndex((line) => line.trim() !== '' && !line.trim().startsWith('#'));
        if (first >= 0 && !(inner[first] ?? '').trimStart().startsWith('-')) {
          inner[first] = `${pad}-${spaces}${(inner[first] ?? '').trimStart()}`;
          out.push(...inner);
          continue;
        }
      }
      if (nested) {
        out.push(`${pad}-${rnd() < 0.2 ? comment(rnd) : ''}`);
        block(rnd, indent + step, depth + 1, out);
      } else {
        const value = scalar(rnd);
        out.push(
          `${pad}-${value === '' ? '' : spaces + value}${rnd() < 0.1 ? comment(rnd) : ''}${rnd() < 0.05 ? '  ' : ''}`,
        );
      }
    } else {
      const key = rnd() > weirdness ? pick(rnd, KEYS.slice(0, 11)) : rnd() < 0.1 ? randomText(rnd) : pick(rnd, KEYS);
      if (nested) {
        out.push(`${pad}${key}:${rnd() < 0.2 ? comment(rnd) : ''}`);
        const same = rnd() < 0.3;
        block(rnd, same ? indent : indent + step, depth + 1, out, same);
      } else {
        const value = scalar(rnd);
        out.push(
          `${pad}${key}:${value === '' ? '' : ' '.repeat(1 + Math.floor(rnd() * 2)) + value}${rnd() < 0.1 ? comment(rnd) : ''}${rnd() < 0.05 ? '  ' : ''}`,
        );
      }
    }
  }
}

function documentText(rnd: () => number): string {
  weirdness = rnd() < 0.5 ? 1 : rnd() * 0.15;
  const lines: string[] = [];
  if (rnd() < 0.15) lines.push(pick(rnd, ['---', '--- # doc', '# header', '%YAML 1.2\n---']));
  block(rnd, rnd() < 0.1 ? 2 : 0, 0, lines);
  if (rnd() < 0.05) lines.push(pick(rnd, ['...', '---', '# end']));
  return lines.join('\n') + (rnd() < 0.8 ? '\n' : '');
}

const MUTATIONS = [' ', '\n', ':', '-', '#', '"', "'", '[', ']', ',', '&', '*', '!', '|', '>', '\t', 'x', '\r', '  '];

function mutate(rnd: () => number, text: string): string {
  const at = Math.floor(rnd() * (text.length + 1));
  const r = rnd();
  if (r < 0.4) return text.slice(0, at) + pick(rnd, MUTATIONS) + text.slice(at);
  if (r < 0.7) return text.slice(0, at) + text.slice(at + 1);
  return text.slice(0, at) + pick(rnd, MUTATIONS) + text.slice(at + 1);
}

function comparable(parsed: ParsedDocument): unknown {
  return {
    value: parsed.value,
    problems: parsed.problems,
    map: Object.fromEntries(parsed.map as Map<string, unknown>),
  };
}

/** Answers whether the shortcut took the text, and fails the test if it answered differently from the package's path. */
function agrees(text: string): boolean {
  const fast = parseYamlFast(text);
  if (fast === undefined) return false;
  expect(comparable(fast), JSON.stringify(text)).toEqual(comparable(parseYaml(text)));
  return true;
}

describe('the YAML shortcut', () => {
  it('answers as the yaml package path does on generated documents, or leaves them to it', () => {
    const rnd = random(20261201);
    let taken = 0;
    const total = 4000;
    for (let i = 0; i < total; i++) if (agrees(documentText(rnd))) taken++;
    // Most generated documents carry something outside the subset; enough must be inside for this to test anything.
    expect(taken).toBeGreaterThan(total * 0.15);
  });

  it('answers as the yaml package path does on documents mutated a character at a time', () => {
    const rnd = random(7);
    let taken = 0;
    const total = 6000;
    for (let i = 0; i < total; i++) {
      let text = documentText(rnd);
      for (let k = 1 + Math.floor(rnd() * 3); k > 0; k--) text = mutate(rnd, text);
      if (agrees(text)) taken++;
    }
    expect(taken).toBeGreaterThan(total * 0.05);
  });

  it('takes the files people write: a metrics file with comments, a document start, lists in both styles', () => {
    const text = [
      '---',
      '# Support line agent',
      'agentId: 65f1a2b3c4d5e6f708192a3b',
      'postCallAnalyticsConfig:',
      '  useReasoningModel: false',
      '  dispositionMetrics:',
      '    - identifier: call_outcome',
      '      dispositionMetricType: ENUM',
      "      dispositionMetricPrompt: 'How did the call end? Answer one of the choices.'",
      '      choices: [resolved, escalated, "call back"]',
      '',
      '    - identifier: customer_name # who called',
      '      dispositionMetricType: STRING',
      '      dispositionMetricPrompt: "What is the caller\'s full name, as they said it?"',
      '      choices:',
      '      - a',
      '      -',
      '',
    ].join('\n');
    expect(agrees(text)).toBe(true);
    expect(parseYamlFast(text)?.value).toMatchObject({
      agentId: '65f1a2b3c4d5e6f708192a3b',
      postCallAnalyticsConfig: {
        dispositionMetrics: [{ choices: ['resolved', 'escalated', 'call back'] }, { choices: ['a', null] }],
      },
    });
  });

  it('leaves block scalars, anchors, tags, numbers, tabs and multi-line scalars to the package', () => {
    for (const text of [
      'a: |\n  text\n',
      'a: &x b\nc: *x\n',
      'a: !!str b\n',
      'a: 12\n',
      'a:\tb\n',
      'a: b\n  c\n',
      'a: "b\n  c"\n',
      'a: b\r\n',
      '',
    ]) {
      expect(parseYamlFast(text), JSON.stringify(text)).toBeUndefined();
    }
  });
});
