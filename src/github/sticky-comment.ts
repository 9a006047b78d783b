/** One comment per pull request, workflow and job: found by marker and author, updated in place, never duplicated. */
import { findHeader, hasMarker, type CommentScope } from '../plan/marker.js';
import type { PlanMarkerHeader } from '../plan/types.js';
import type { GitHubClient, GitHubComment } from './client.js';

/** Ours: carries our marker for this scope and was written by this token's identity (a human quoting the marker is not us). */
export async function findStickyComment(client: GitHubClient, issueNumber: number, scope: CommentScope, login: string): Promise<GitHubComment | undefined> {
  const comments = await client.listComments(issueNumber);
  return comments.find((comment) => comment.authorLogin === login && hasMarker(comment.body, scope));
}

export async function upsertStickyComment(client: GitHubClient, issueNumber: number, scope: CommentScope, body: string, login: string): Promise<{ url: string; id: number; action: 'created' | 'updated' | 'unchanged' }> {
  const existing = await findStickyComment(client, issueNumber, scope, login);
  if (existing && existing.body === body) return { url: existing.htmlUrl, id: existing.id, action: 'unchanged' };
  const written = existing ? await client.updateComment(existing.id, body) : await client.createComment(issueNumber, body);
  return { url: written.htmlUrl, id: written.id, action: existing ? 'updated' : 'created' };
}

/** The plan header of the sticky comment on a pull request, when there is one. */
export async function readPlanHeader(client: GitHubClient, issueNumber: number, scope: CommentScope, login: string): Promise<{ header: PlanMarkerHeader; comment: GitHubComment } | undefined> {
  const comment = await findStickyComment(client, issueNumber, scope, login);
  const header = comment ? findHeader(comment.body) : undefined;
  return comment && header ? { header, comment } : undefined;
}
