/** The sticky comment's hidden marker (scoped per workflow and job) and the JSON header the apply step reads back. */
import { createRequire } from 'node:module';
import type { PlanMarkerHeader } from './types.js';

// The bundle is one file, so a static import of node:zlib would load it on every path, validate included;
// only the plan and apply paths need it, and they reach it through here.
const zlib = (): typeof import('node:zlib') =>
  createRequire(import.meta.url)('node:zlib') as typeof import('node:zlib');

export interface CommentScope {
  workflow: string;
  job: string;
}

/** Scope values are URI-encoded so they cannot close the HTML comment (`-->`) or fake another scope. */
export function renderMarker(scope: CommentScope): string {
  return `<!-- atoms-metrics:plan workflow=${encodeURIComponent(scope.workflow)} job=${encodeURIComponent(scope.job)} -->`;
}

/** The scope a plan comment's marker names, or undefined when the body does not start with one. */
export function markerScope(body: string): CommentScope | undefined {
  const match = /^<!-- atoms-metrics:plan workflow=(\S*) job=(\S*) -->(?:\n|$)/.exec(body);
  if (!match) return undefined;
  try {
    return { workflow: decodeURIComponent(match[1] ?? ''), job: decodeURIComponent(match[2] ?? '') };
  } catch {
    return undefined;
  }
}

export function hasMarker(body: string, scope: CommentScope): boolean {
  const found = markerScope(body);
  return found?.workflow === scope.workflow && found.job === scope.job;
}

/** Deflated then base64url: hex ids compress well, and the header must fit next to the plan under GitHub's cap. */
export function renderHeader(header: PlanMarkerHeader): string {
  return `<!-- atoms-metrics:header ${zlib().deflateRawSync(JSON.stringify(header)).toString('base64url')} -->`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The header of a plan comment, or undefined when absent or malformed. */
export function findHeader(body: string): PlanMarkerHeader | undefined {
  const match = /<!-- atoms-metrics:header ([A-Za-z0-9_-]{1,65536}) -->/.exec(body);
  if (!match?.[1]) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(
      zlib()
        .inflateRawSync(Buffer.from(match[1], 'base64url'), { maxOutputLength: 4 * 1024 * 1024 })
        .toString('utf8'),
    );
  } catch {
    return undefined;
  }
  if (!isRecord(parsed) || parsed.v !== 1 || typeof parsed.actionVersion !== 'string' || !Array.isArray(parsed.agents))
    return undefined;
  const agents: PlanMarkerHeader['agents'] = [];
  for (const agent of parsed.agents) {
    if (!isRecord(agent) || typeof agent.agentId !== 'string' || typeof agent.desiredHash !== 'string')
      return undefined;
    agents.push({
      agentId: agent.agentId,
      desiredHash: agent.desiredHash,
      liveVersionId: typeof agent.liveVersionId === 'string' ? agent.liveVersionId : null,
    });
  }
  return { v: 1, actionVersion: parsed.actionVersion, agents };
}
