// A person edits something other than the metrics and makes it live, as in the dashboard: v2 publishes a prompt
// edit on the live branch; v1 publishes a new version with a changed first message and activates it.
import type { RunningEmulator } from '../../src/emulator/index.js';

async function call(
  emu: RunningEmulator,
  method: string,
  path: string,
  body?: unknown,
): Promise<Record<string, unknown>> {
  const response = await fetch(`${emu.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${emu.apiKey}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json: unknown = await response.json();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
  const data = typeof json === 'object' && json !== null && 'data' in json ? json.data : json;
  return typeof data === 'object' && data !== null ? { ...data } : {};
}

/** Makes a new live revision (v2) or version (v1) whose metrics equal live's and whose other sections differ. */
export async function publishNonMetricsEdit(emu: RunningEmulator, agentId: string, model: 'v1' | 'v2'): Promise<void> {
  if (model === 'v2') {
    emu.act({
      method: 'GET',
      path: `/agent/${agentId}/branches`,
      action: 'publish-edit',
      arg: 'workflow_prompt',
      by: 'Dana Person',
    });
    await call(emu, 'GET', `/agent/${agentId}/branches`);
    return;
  }
  const agent = await call(emu, 'GET', `/agent/${agentId}`);
  const draft = await call(emu, 'POST', `/agent/${agentId}/drafts`, { sourceVersionId: agent.activeVersionId });
  const draftId = String(draft.draftId ?? draft._id);
  await call(emu, 'PATCH', `/agent/${agentId}/drafts/${draftId}/config`, {
    firstMessage: 'Hello! This call may be recorded.',
  });
  const version = await call(emu, 'POST', `/agent/${agentId}/drafts/${draftId}/publish`, { label: 'Dana: greeting' });
  await call(emu, 'PATCH', `/agent/${agentId}/versions/${String(version._id ?? version.versionId)}/activate`);
}
