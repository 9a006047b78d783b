/** File I/O for validation: expand the config globs inside the workspace, then read and validate each file. */
import { isUtf8 } from 'node:buffer';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { checkAgentsAcrossFiles } from './cross-file.js';
import { orElse } from './fs-or.js';
import { describeFsError } from '../report/fs-error.js';
import { globFiles, isGlobPattern, isInside, pathMatcher } from './glob.js';
import { MAX_BYTES } from './source-map.js';
import type { Diagnostic, FileResult, ValidateOptions } from './types.js';
import { parseYamlFast } from './parse-yaml-fast.js';
import type { ParsedDocument } from './source-map.js';
import { detectFormat, stripBom, validateSource, type Parsers } from './validate-source.js';

function usageProblem(file: string, message: string, rule: string): Diagnostic {
  return { file, line: 1, column: 1, severity: 'error', message, rule };
}

/** Pins the first byte that is not UTF-8 (a file saved as Latin-1, say) so the author can find it. */
function invalidUtf8(file: string, buffer: Buffer): Diagnostic {
  const decoded = buffer.toString('utf8');
  // Every bad sequence decodes to U+FFFD; skip the ones the file really spells (EF BF BD).
  let index = decoded.indexOf('\uFFFD');
  while (index >= 0) {
    const offset = Buffer.byteLength(decoded.slice(0, index));
    if (!(buffer[offset] === 0xef && buffer[offset + 1] === 0xbf && buffer[offset + 2] === 0xbd)) break;
    index = decoded.indexOf('\uFFFD', index + 1);
  }
  index = Math.max(0, index);
  const before = decoded.slice(0, index).split('\n');
  const line = before.length;
  const column = (before.at(-1) ?? '').length + 1;
  return {
    file,
    line,
    column,
    severity: 'error',
    message: 'the file is not valid UTF-8 (save it as UTF-8; this is the first bad byte)',
    rule: 'encoding',
  };
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

export interface ResolvedConfigFiles {
  /** Relative to `cwd`, `/`-separated, sorted. */
  files: string[];
  errors: Diagnostic[];
  /**
   * Directories that patterns matching no file start from, which exist and hold no file yet (a new project's
   * `metrics/` with only a .gitkeep): "no metrics files yet", not a typo, so no error.
   */
  emptyDirectories: string[];
}

/**
 * Expands the patterns, in order, relative to `cwd`: a glob (`**`, `*`, `?`, `{a,b}`, `[abc]`), a file, or a
 * directory (its metrics files). A line starting with `!` removes what the lines before it matched, and a later
 * line can add it back — the semantics of GitHub's own `paths` filters. A pattern matching nothing is an error
 * naming it, unless it starts from an existing directory that holds no file yet; anything outside `workspace` (absolute paths elsewhere, `..`, symbolic links leading out) is refused.
 */
export async function resolveConfigFiles(
  patterns: readonly string[],
  options: { cwd: string; workspace: string },
): Promise<ResolvedConfigFiles> {
  const workspace = orElse(() => realpathSync(options.workspace), resolve(options.workspace));
  const errors: Diagnostic[] = [];
  const found = new Set<string>();
  const emptyDirectories = new Set<string>();
  if (patterns.length > 0 && patterns.every((pattern) => pattern.startsWith('!'))) {
    errors.push(
      usageProblem(
        patterns[0] ?? '',
        `only exclusions ('!' lines) were given, so nothing is included: add a pattern that names files, e.g. 'metrics/**/*.yaml'`,
        'no-match',
      ),
    );
  }
  for (const pattern of patterns) {
    if (pattern.startsWith('!')) {
      const excluded = await pathMatcher(pattern.slice(1));
      for (const path of [...found]) if (excluded(path)) found.delete(path);
      continue;
    }
    const absolute = resolve(options.cwd, pattern);
    if (!isInside(workspace, absolute) && !isInside(resolve(options.workspace), absolute)) {
      errors.push(
        usageProblem(
          pattern,
          `'${pattern}' is outside the workspace (${options.workspace}); only files inside it are read`,
          'outside-workspace',
        ),
      );
      continue;
    }
    const named = (await isGlobPattern(pattern)) ? undefined : orElse(() => statSync(absolute), null);
    const walked =
      named === undefined
        ? await globFiles(pattern, options.cwd, workspace)
        : named?.isFile()
          ? { files: [absolute], skipped: [], emptyStart: undefined }
          : named?.isDirectory()
            ? await globFiles(
                `${toPosix(relative(options.cwd, absolute)) || '.'}/**/*.{json,yaml,yml}`,
                options.cwd,
                workspace,
              )
            : { files: [], skipped: [], emptyStart: undefined };
    for (const link of walked.skipped)
      errors.push(usageProblem(link.path, `'${link.path}' ${link.reason}`, 'outside-workspace'));
    if (walked.files.length === 0) {
      if (walked.emptyStart !== undefined) emptyDirectories.add(walked.emptyStart);
      else if (walked.skipped.length === 0)
        errors.push(usageProblem(pattern, `'${pattern}' matches no file`, 'no-match'));
      continue;
    }
    for (const match of walked.files) {
      const real = orElse(() => realpathSync(match), match);
      if (!isInside(workspace, real)) {
        errors.push(
          usageProblem(
            toPosix(relative(options.cwd, match)),
            `'${toPosix(relative(options.cwd, match))}' leads outside the workspace (through a symbolic link); refused`,
            'outside-workspace',
          ),
        );
        continue;
      }
      found.add(toPosix(relative(options.cwd, match)));
    }
  }
  return { files: [...found].sort(), errors, emptyDirectories: [...emptyDirectories].sort() };
}

/** Reads and validates each file (paths relative to `cwd`). An unreadable file is a diagnostic with rule `unreadable`. */
export async function validateFiles(
  paths: readonly string[],
  options: ValidateOptions & { cwd: string },
): Promise<FileResult[]> {
  return checkAgentsAcrossFiles(await readAndValidateEach(paths, options));
}

/** A file's text, or the diagnostic that says why there is none. */
type ReadOutcome = { path: string; text: string } | { path: string; result: FileResult };

async function readText(path: string, cwd: string): Promise<ReadOutcome> {
  try {
    const buffer = readFileSync(resolve(cwd, path));
    if (buffer.byteLength > MAX_BYTES) {
      return {
        path,
        result: {
          path,
          diagnostics: [usageProblem(path, `file is larger than ${MAX_BYTES / 1024 / 1024} MiB`, 'too-large')],
        },
      };
    }
    if (!isUtf8(buffer)) return { path, result: { path, diagnostics: [invalidUtf8(path, buffer)] } };
    return { path, text: buffer.toString('utf8') };
  } catch (error) {
    return {
      path,
      result: {
        path,
        diagnostics: [usageProblem(path, `cannot read the file: ${describeFsError(error)}`, 'unreadable')],
      },
    };
  }
}

/**
 * The parsers the files need. YAML within the common subset is parsed by parseYamlFast; the yaml package (the
 * largest part of the bundle) is loaded only when a YAML file is outside it, and the JSON parser (with its
 * locator) only when there is a JSON file, so a YAML-only run compiles neither. Each YAML text is tried here
 * once, and its answer kept for validateSource.
 */
async function parsersFor(reads: readonly ReadOutcome[]): Promise<Parsers> {
  const parsedFast = new Map<string, ParsedDocument>();
  let needsPackage = false;
  let needsJson = false;
  for (const read of reads) {
    if (!('text' in read)) continue;
    const body = stripBom(read.text);
    if (detectFormat(read.path, body) !== 'yaml') {
      needsJson = true;
      continue;
    }
    const parsed = parseYamlFast(body);
    if (parsed === undefined) needsPackage = true;
    else parsedFast.set(body, parsed);
  }
  const parsePackage = needsPackage ? (await import('./parse-yaml.js')).parseYaml : undefined;
  const parseJson = needsJson ? (await import('./parse-json.js')).parseJson : undefined;
  return {
    json: (body) => {
      if (parseJson === undefined) throw new Error('internal: the JSON parser was not loaded for a JSON file');
      return parseJson(body);
    },
    yaml: (body) => {
      // Taken out once used, so two files with the same text never share one value.
      const kept = parsedFast.get(body);
      parsedFast.delete(body);
      const parsed = kept ?? parseYamlFast(body) ?? parsePackage?.(body);
      if (parsed === undefined) throw new Error('internal: the YAML parser was not loaded for a YAML file');
      return parsed;
    },
  };
}

async function readAndValidateEach(
  paths: readonly string[],
  options: ValidateOptions & { cwd: string },
): Promise<FileResult[]> {
  const reads = await Promise.all(paths.map((path) => readText(path, options.cwd)));
  const parsers = await parsersFor(reads);
  return reads.map((read) => ('text' in read ? validateSource(read.path, read.text, parsers, options) : read.result));
}
