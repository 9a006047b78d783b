/** The test-call routes: v2 `POST …/branches/{id}/test-call` (fact sheet v2 §1.10) and the v1 ones kept under v2 (§2; v1 §4.9, §5.6). */
import { conflict } from './guards-v2.js';
import { fail, isRecord, ok, type Reply, type RouteContext } from './reply.js';
import { OBJECT_ID, newObjectId, type AgentRecord } from './state.js';
import { findRevision, headOf, type BranchRecord } from './state-v2.js';

const MODES = ['webcall', 'chat', 'telephony'] as const;
type Mode = (typeof MODES)[number];
const isMode = (value: unknown): value is Mode => MODES.some((mode) => mode === value);

/** The call's `mode` (default webcall) from the body; 400 for another mode or a telephony call without `toPhone`. */
function readMode(body: Record<string, unknown>): Mode | Reply {
  const mode = body.mode ?? 'webcall';
  if (!isMode(mode))
    return fail(400, `mode: Invalid enum value. Expected 'webcall' | 'chat' | 'telephony', received '${String(mode)}'`);
  if (mode === 'telephony' && (typeof body.toPhone !== 'string' || body.toPhone.trim() === ''))
    return fail(400, 'toPhone is required for telephony mode');
  return mode;
}

/** A started test call: ids, plus the room to join for a webcall. */
function startedCall(ctx: RouteContext, mode: Mode): Record<string, unknown> {
  const conversationId = newObjectId();
  const call: Record<string, unknown> = {
    conversationId,
    callId: `CALL-${String(ctx.state.now()).padStart(13, '0')}-${newObjectId().slice(0, 6)}`,
  };
  if (mode === 'webcall')
    Object.assign(call, {
      token: `emulator-token-${newObjectId()}`,
      roomName: `test-call-${conversationId}`,
      host: 'wss://emulator.invalid',
    });
  return call;
}

/** `POST /agent/{id}/branches/{branchId}/test-call` `{includeDraft?, revisionId?, mode, toPhone?}`: the head by default. */
export function branchTestCall(ctx: RouteContext, agent: AgentRecord, branch: BranchRecord): Reply {
  const body = isRecord(ctx.body) ? ctx.body : {};
  const mode = readMode(body);
  if (typeof mode !== 'string') return mode;
  const { includeDraft, revisionId } = body;
  if (includeDraft !== undefined && typeof includeDraft !== 'boolean')
    return fail(400, 'includeDraft: Expected boolean');
  if (includeDraft === true && revisionId !== undefined)
    return fail(400, 'Send either includeDraft or revisionId, not both');
  if (includeDraft === true)
    return branch.draft ? ok(startedCall(ctx, mode)) : fail(404, 'No open draft on this branch');
  if (revisionId !== undefined) {
    if (typeof revisionId !== 'string' || !OBJECT_ID.test(revisionId))
      return fail(400, 'Invalid ID, or the revision does not belong to this branch');
    const found = findRevision(agent, revisionId);
    if (!found) return fail(404, 'Revision not found');
    if (found.branch !== branch) return fail(400, 'Invalid ID, or the revision does not belong to this branch');
    return ok(startedCall(ctx, mode));
  }
  return headOf(branch)
    ? ok(startedCall(ctx, mode))
    : conflict('no_committed_revision', 'The branch has no committed revision');
}

/** `POST /agent/{id}/versions/{versionId}/test-call` and `POST /agent/{id}/drafts/{draftId}/test-call`, on a v1 agent or (kept) a v2 one. */
export function v1TestCall(ctx: RouteContext, agent: AgentRecord, kind: 'versions' | 'drafts', id: string): Reply {
  const body = isRecord(ctx.body) ? ctx.body : {};
  if (kind === 'versions') {
    if (!OBJECT_ID.test(id)) return fail(400, 'Invalid versionId format');
    const exists =
      agent.versioning === 'v2' ? findRevision(agent, id) !== undefined : agent.versions.some((v) => v._id === id);
    if (!exists) return fail(404, 'Agent or version not found');
  } else {
    const exists =
      agent.versioning === 'v2'
        ? agent.branches.some((b) => b.draft?.draftId === id)
        : agent.drafts.some((d) => d.draftId === id && !d.discarded && !d.published);
    if (!exists) return fail(404, 'Agent or draft not found');
  }
  const mode = readMode(body);
  if (typeof mode !== 'string') return mode;
  const call = startedCall(ctx, mode);
  // The v1 draft route answers only the call's id (fact sheet v1 §4.9).
  return ok(kind === 'drafts' ? { callId: call.callId } : call);
}
