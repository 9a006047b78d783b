/**
 * Config patterns: glob matching (the common syntax by simple-glob.ts, the rest — `[abc]`, extglobs, escapes — by
 * picomatch) and the directory walk, which never enters a directory whose real path is outside the workspace.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import type Picomatch from 'picomatch';
import { orElse } from './fs-or.js';
import { simpleGlob } from './simple-glob.js';

/** `*` matches dots like any other character (as our own matcher did); the walk skips dot-entries anyway. */
const OPTIONS: Picomatch.PicomatchOptions = { dot: true };

interface CompiledGlob {
  test: (path: string) => boolean;
  /** The part before any glob syntax, where a walk starts. */
  base: string;
  isGlob: boolean;
}

/** simple-glob.ts's RegExp, or picomatch, loaded the first time a pattern is outside that syntax (the default is inside it). */
async function compile(pattern: string): Promise<CompiledGlob> {
  const simple = simpleGlob(pattern);
  if (simple !== undefined)
    return { test: (path) => simple.regex.test(path), base: simple.base, isGlob: simple.isGlob };
  const picomatch = (await import('picomatch')).default;
  const scan = picomatch.scan(pattern);
  return { test: picomatch(pattern, OPTIONS), base: scan.base, isGlob: scan.isGlob };
}

function withoutDotSlash(pattern: string): string {
  return pattern.replace(/^\.\//, '');
}

/** True when the pattern has glob syntax (otherwise it names a file or directory). */
export async function isGlobPattern(pattern: string): Promise<boolean> {
  return (await compile(withoutDotSlash(pattern))).isGlob;
}

/**
 * A predicate for one pattern: a glob matches paths as picomatch does; a plain path matches itself and, as a
 * directory, everything below it (the way a plain directory in `config` means "the metrics files in it").
 */
export async function pathMatcher(pattern: string): Promise<(path: string) => boolean> {
  const clean = withoutDotSlash(pattern).replace(/\/+$/, '');
  const compiled = await compile(clean);
  if (compiled.isGlob) return compiled.test;
  return (path) => path === clean || path.startsWith(`${clean}/`);
}

export function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** A directory the walk did not enter, and why. */
export interface SkippedLink {
  /** Relative to `cwd`, `/`-separated. */
  path: string;
  reason: string;
}

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);
const OUTSIDE =
  'is a symbolic link to a directory outside the workspace; not entered (only files inside the workspace are read)';

export interface GlobResult {
  /** Absolute paths. */
  files: string[];
  skipped: SkippedLink[];
  /** The start directory (relative to `cwd`), when it exists and holds no file at all yet (dot-files aside). */
  emptyStart: string | undefined;
}

/**
 * Files under `cwd` matching `pattern`, as absolute paths, and the links it refused to enter. The start directory
 * (the pattern's part before any glob character) is entered only when its real path is inside `workspace`, which
 * must be a real path; links to directories met on the way are never followed — one leading outside is reported.
 * Links to files are listed, for the caller to check where they lead. Dot-entries and node_modules are skipped.
 */
export async function globFiles(pattern: string, cwd: string, workspace: string): Promise<GlobResult> {
  const { test: matches, base } = await compile(withoutDotSlash(pattern));
  const start = join(cwd, base);
  const files: string[] = [];
  const skipped: SkippedLink[] = [];
  const rel = (path: string) => relative(cwd, path).split(sep).join('/');
  const realStart = orElse(() => realpathSync(start), undefined);
  if (realStart === undefined) return { files, skipped, emptyStart: undefined };
  if (!isInside(workspace, realStart))
    return { files, skipped: [{ path: rel(start) || '.', reason: OUTSIDE }], emptyStart: undefined };
  let seen = 0;
  const walk = (dir: string): void => {
    const entries = orElse(() => readdirSync(dir, { withFileTypes: true }), []);
    for (const entry of entries) {
      if (entry.name.startsWith('.') || SKIPPED_DIRECTORIES.has(entry.name)) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(full);
        continue;
      }
      seen++;
      if (entry.isSymbolicLink()) {
        const target = orElse(() => statSync(full), undefined);
        if (target?.isDirectory()) {
          const real = orElse(() => realpathSync(full), full);
          if (!isInside(workspace, real)) skipped.push({ path: rel(full), reason: OUTSIDE });
          continue;
        }
        if (target?.isFile() && matches(rel(full))) files.push(full);
        continue;
      }
      if (entry.isFile() && matches(rel(full))) files.push(full);
    }
  };
  walk(start);
  const emptyStart =
    seen === 0 && skipped.length === 0 && orElse(() => statSync(start).isDirectory(), false)
      ? rel(start) || '.'
      : undefined;
  return { files: files.sort(), skipped, emptyStart };
}
