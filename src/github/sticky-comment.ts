/** One comment per pull request, workflow and job: found by marker and author, updated in place, never duplicated. */
import { findHeader, hasMarker, markerScope, type CommentScope } from '../plan/marker.js';
import type { PlanMarkerHeader } from '../plan/types.js';
import type { GitHubClient, GitHubComment } from './client.js';

/**
 * Written by this token's identity (see GitHubClient.ownLogin). Any bot will not do: another bot's comment may
 * carry our marker (one that quotes comments, say), and taken as the reviewed plan it would steer the apply.
 */
function writtenByUs(comment: GitHubComment, login: string): boolean {
  return comment.authorLogin === login;
}

/** Ours: carries our marker for this scope and was written by us (a human quoting the marker is not us). */
export async function findStickyComment(
  client: GitHubClient,
  issueNumber: number,
  scope: CommentScope,
  login: string,
): Promise<GitHubComment | undefined> {
  const comments = await client.listComments(issueNumber);
  return comments.find((comment) => writtenByUs(comment, login) && hasMarker(comment.body, scope));
}

export async function upsertStickyComment(
  client: GitHubClient,
  issueNumber: number,
  scope: CommentScope,
  body: string,
  login: string,
): Promise<{ url: string; id: number; action: 'created' | 'updated' | 'unchanged' }> {
  const existing = await findStickyComment(client, issueNumber, scope, login);
  if (existing && existing.body === body) return { url: existing.htmlUrl, id: existing.id, action: 'unchanged' };
  if (existing) {
    const written = await client.updateComment(existing.id, body);
    return { url: written.htmlUrl, id: written.id, action: 'updated' };
  }
  const written = await client.createComment(issueNumber, body);
  return { url: written.htmlUrl, id: written.id, action: 'created' };
}

/**
 * The plan header the merged pull request was reviewed with. The apply usually runs in another job of the same
 * workflow (a push job, or the slices of a matrix), so it takes this job's plan comment when there is one, else
 * the workflow's only plan comment; with several and none of this job, it cannot know which one was reviewed.
 */
export async function readPlanHeader(
  client: GitHubClient,
  issueNumber: number,
  scope: CommentScope,
  login: string,
): Promise<{ header: PlanMarkerHeader; comment: GitHubComment } | undefined> {
  const ours = (await client.listComments(issueNumber)).filter(
    (comment) => writtenByUs(comment, login) && markerScope(comment.body)?.workflow === scope.workflow,
  );
  const comment = ours.find((c) => hasMarker(c.body, scope)) ?? (ours.length === 1 ? ours[0] : undefined);
  const header = comment ? findHeader(comment.body) : undefined;
  return comment && header ? { header, comment } : undefined;
}
