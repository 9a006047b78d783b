/** Minimal globbing for config patterns (`**`, `*`, `?`, `{a,b}`, `[abc]`): pattern → RegExp, plus a directory walk. */
import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** True when the pattern has glob syntax (otherwise it names a file or directory). */
export function isGlobPattern(pattern: string): boolean {
  return /[*?{[]/.test(pattern);
}

function expandBraces(pattern: string): string[] {
  const match = /\{([^{}]*)\}/.exec(pattern);
  if (!match) return [pattern];
  const [whole, inner = ''] = match;
  const before = pattern.slice(0, match.index);
  const after = pattern.slice(match.index + whole.length);
  return inner.split(',').flatMap((option) => expandBraces(`${before}${option}${after}`));
}

function segmentToRegex(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i] ?? '';
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        // `**/` matches zero or more directories; a trailing `**` matches everything below.
        const slash = glob[i + 2] === '/';
        out += slash ? '(?:[^/]*(?:/|$))*' : '.*';
        i += slash ? 2 : 1;
      } else out += '[^/]*';
    } else if (ch === '?') out += '[^/]';
    else if (ch === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) out += '\\[';
      else {
        out += `[${glob.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else out += ch.replace(/[.+^$()|\\/]/g, '\\$&');
  }
  return out;
}

/** Compiles a glob (relative, `/`-separated) into an anchored RegExp. Hidden files are matched only when named. */
export function globToRegExp(pattern: string): RegExp {
  const alternatives = expandBraces(pattern.replace(/^\.\//, '')).map(segmentToRegex);
  return new RegExp(`^(?:${alternatives.join('|')})$`);
}

/** The directory part before the first glob character, so the walk starts as deep as it can. */
function globBase(pattern: string): string {
  const parts = pattern.replace(/^\.\//, '').split('/');
  const base: string[] = [];
  for (const part of parts.slice(0, -1)) {
    if (isGlobPattern(part)) break;
    base.push(part);
  }
  return base.join('/');
}

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

/** Files under `cwd` matching `pattern`, as absolute paths. Does not follow symbolic links; skips dot-entries and node_modules. */
export async function globFiles(pattern: string, cwd: string): Promise<string[]> {
  const regex = globToRegExp(pattern);
  const start = join(cwd, globBase(pattern));
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.name.startsWith('.') || SKIPPED_DIRECTORIES.has(entry.name)) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (!regex.test(relative(cwd, full).split(sep).join('/'))) continue;
      // A link to a file is reported so the caller can refuse it if it leads outside; links to directories are not followed.
      else if (entry.isFile() || (entry.isSymbolicLink() && (await stat(full).then((s) => s.isFile(), () => false)))) out.push(full);
    }
  };
  await walk(start);
  return out.sort();
}
