/**
 * The metrics earlier commits of a file held: what an earlier run of ours may have written for its agents. Only read
 * when an agent's branch has an open draft whose content has to be judged, so it costs nothing on the usual path.
 */
import { execFile } from 'node:child_process';
import { basename, dirname } from 'node:path';
import type { PostCallAnalyticsConfig } from './types.js';

const MAX_OUTPUT = 8 * 1024 * 1024;

function git(args: string[], cwd: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, maxBuffer: MAX_OUTPUT, timeout: 10_000, windowsHide: true }, (error, stdout) =>
      resolve(error ? undefined : stdout),
    );
  });
}

/**
 * The valid contents of `absolutePath` in its last `limit` commits, newest first. Empty outside a git checkout,
 * and only as deep as the clone (a shallow checkout knows its own commit alone): a missing history only means a
 * leftover draft of an earlier change is not recognised, and so is refused, never taken.
 */
export async function readEarlierContents(absolutePath: string, limit = 30): Promise<PostCallAnalyticsConfig[]> {
  const cwd = dirname(absolutePath);
  const name = basename(absolutePath);
  const log = await git(['log', `-n${limit}`, '--format=%H', '--', name], cwd);
  if (!log) return [];
  const { validateText } = await import('./validate-text.js');
  const out: PostCallAnalyticsConfig[] = [];
  for (const sha of log.split('\n').filter((line) => /^[0-9a-f]{40}$/.test(line))) {
    const text = await git(['show', `${sha}:./${name}`], cwd);
    const config = text === undefined ? undefined : validateText(name, text).file?.config;
    if (config) out.push(config);
  }
  return out;
}
