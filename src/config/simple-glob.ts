/**
 * The globs most `config` inputs are written in — `metrics/**\/*.{json,yaml,yml}` (the default), `metrics/*.yaml`,
 * `agents/support.yml` — turned into a RegExp without picomatch, which costs ~6 ms of start-up to load and compile.
 * The syntax: `/`-separated segments of letters, digits, `.`, `_`, `-` and spaces, `*` and `?` inside a segment,
 * `**` as a whole segment (not the last), and brace lists of such plain words (`{json,yaml}`, at most one per
 * segment). Anything else answers undefined and picomatch decides, so the match is picomatch's with `dot: true`
 * (test/config/simple-glob.test.ts holds picomatch as the oracle). Pure.
 */

export interface SimpleGlob {
  /** Anchored; tests relative `/`-separated paths. */
  regex: RegExp;
  /** The leading segments without glob syntax: where a walk starts ('' for the current directory). */
  base: string;
  /** False for a plain path (no `*`, `?` or braces). */
  isGlob: boolean;
}

const LITERAL = /^[A-Za-z0-9._ -]+$/;
const SEGMENT = /^(?:[A-Za-z0-9._ *?-]|\{[A-Za-z0-9._-]+(?:,[A-Za-z0-9._-]+)+\})+$/;

function escape(literal: string): string {
  return literal.replace(/[.\-]/g, '\\$&');
}

/** The RegExp source of one segment (no `/`), or undefined when it is not in the syntax. */
function segmentSource(segment: string): string | undefined {
  if (!SEGMENT.test(segment) || (segment.match(/\{/g)?.length ?? 0) > 1) return undefined;
  // picomatch treats `.` and `..` segments, and segments that only dots and stars make, in ways of their own.
  if (/^[.*?]*$/.test(segment) && segment !== '*') return undefined;
  let source = '';
  for (const part of segment.split(/(\{[^}]*\}|\*|\?)/)) {
    if (part === '') continue;
    if (part === '*') source += '[^/]*';
    else if (part === '?') source += '[^/]';
    else if (part.startsWith('{')) source += `(?:${part.slice(1, -1).split(',').map(escape).join('|')})`;
    else source += escape(part);
  }
  return source;
}

export function simpleGlob(pattern: string): SimpleGlob | undefined {
  const segments = pattern.split('/');
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..') || segments.at(-1) === '**')
    return undefined;
  let source = '^';
  const base: string[] = [];
  let globbing = false;
  for (const [index, segment] of segments.entries()) {
    const last = index === segments.length - 1;
    if (segment === '**') {
      globbing = true;
      // Zero or more whole directories, dot-directories included.
      source += '(?:[^/]+/)*';
      continue;
    }
    const part = segmentSource(segment);
    if (part === undefined) return undefined;
    if (!globbing && LITERAL.test(segment)) base.push(segment);
    else globbing = true;
    source += part + (last ? '' : '/');
  }
  return { regex: new RegExp(`${source}$`), base: globbing ? base.join('/') : pattern, isGlob: globbing };
}
