/** Keeps one drift issue per workflow up to date: found by its hidden marker and author, opened on drift, closed when drift is gone. */
import type { GitHubClient, GitHubIssue } from './client.js';

export const DRIFT_ISSUE_TITLE = 'Live post-call metrics drifted from the files';

export type DriftIssueAction = 'created' | 'updated' | 'unchanged' | 'closed' | 'none';

/** What to do with the issue, from whether there is drift and what the open issue says now. Pure. */
export function decideDriftIssue(existing: GitHubIssue | undefined, drifted: boolean, body: string): DriftIssueAction {
  if (!drifted) return existing ? 'closed' : 'none';
  if (!existing) return 'created';
  return existing.body === body ? 'unchanged' : 'updated';
}

/** Creates, updates or closes (with a comment) the one drift issue. Throws GitHubApiError when the token may not. */
export async function syncDriftIssue(
  client: GitHubClient,
  options: { marker: string; label: string; drifted: boolean; body: string; closingComment: string; login: string },
): Promise<{ action: DriftIssueAction; url?: string; number?: number }> {
  const existing = (await client.openIssuesWithLabel(options.label)).find(
    (issue) => issue.body.includes(options.marker) && issue.authorLogin === options.login,
  );
  const action = decideDriftIssue(existing, options.drifted, options.body);
  switch (action) {
    case 'none':
      return { action };
    case 'unchanged':
      return { action, url: existing?.htmlUrl, number: existing?.number };
    case 'created': {
      const issue = await client.createIssue(DRIFT_ISSUE_TITLE, options.body, [options.label]);
      return { action, url: issue.htmlUrl, number: issue.number };
    }
    case 'updated':
    case 'closed': {
      if (!existing) return { action: 'none' };
      if (action === 'closed') await client.createComment(existing.number, options.closingComment);
      const issue = await client.updateIssue(
        existing.number,
        action === 'closed' ? { body: options.body, state: 'closed' } : { body: options.body },
      );
      return { action, url: issue.htmlUrl, number: issue.number };
    }
  }
}
