/** What `init` asks git: where the repository's root is, and which branch is its default. */
import { execFileSync } from 'node:child_process';

/** One line of git's answer, or undefined when git is missing, fails, or says nothing. */
function askGit(cwd: string, args: readonly string[]): string | undefined {
  try {
    const answer = execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 10_000,
    }).trim();
    return answer === '' ? undefined : answer;
  } catch {
    return undefined;
  }
}

/** The working tree's top directory that holds `cwd`, or undefined outside a git repository. */
export function findRepositoryRoot(cwd: string): string | undefined {
  return askGit(cwd, ['rev-parse', '--show-toplevel']);
}

/** Where a detected default branch came from, for the message that names it. */
export type BranchSource = 'remote' | 'current';

/**
 * The repository's default branch: the remote's HEAD (`origin/HEAD`, set by a clone or `git remote set-head`),
 * else the branch checked out now (an unborn one too), else undefined (detached, or not a repository).
 */
export function detectDefaultBranch(root: string): { branch: string; source: BranchSource } | undefined {
  const remote = askGit(root, ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD']);
  if (remote?.startsWith('origin/')) return { branch: remote.slice('origin/'.length), source: 'remote' };
  const current = askGit(root, ['symbolic-ref', '--quiet', '--short', 'HEAD']);
  return current === undefined ? undefined : { branch: current, source: 'current' };
}
