/** Which versioning model each agent is on: detected read-only, once per agent per run, so a mixed fleet works. */
import type { BranchSummary } from '../atoms/branch-types.js';
import { AtomsApiError } from '../atoms/errors.js';
import type { AtomsApi } from '../atoms/types.js';
import type { VersioningChoice, VersioningKind, VersioningModel } from './model.js';
import { createV1Model } from './v1/model.js';
import { createV2Model } from './v2/model.js';

export interface ModelResolver {
  forAgent(agentId: string): Promise<VersioningModel>;
}

/**
 * Detection (v2 fact sheet §2): `GET /agent/{id}/branches` with a live branch → v2, and the list is kept for the
 * read that follows. No such route (an HTML 404) or no branches → v1. Any other refusal of that route (a server
 * with the branch model switched off answers in a way nobody has recorded) → ask the v1 list: its 409
 * `versioning_v2_migration_required` means v2, a 200 means v1.
 */
async function detect(api: AtomsApi, agentId: string, primed: Map<string, BranchSummary[]>): Promise<VersioningKind> {
  try {
    const branches = await api.branches.listBranches(agentId);
    if (branches.some((b) => b.isLive)) {
      primed.set(agentId, branches);
      return 'v2';
    }
    return 'v1';
  } catch (error) {
    if (!(error instanceof AtomsApiError)) throw error;
    if (error.kind === 'no-route') return 'v1';
    if (!['bad-request', 'forbidden', 'not-found', 'conflict'].includes(error.kind)) throw error;
  }
  try {
    await api.listVersions(agentId, { limit: 1 });
    return 'v1';
  } catch (error) {
    if (error instanceof AtomsApiError && error.kind === 'branch-model') return 'v2';
    throw error;
  }
}

export function createModelResolver(api: AtomsApi, choice: VersioningChoice): ModelResolver {
  const primed = new Map<string, BranchSummary[]>();
  const models = { v1: createV1Model(api), v2: createV2Model(api, primed) };
  const detected = new Map<string, Promise<VersioningKind>>();
  return {
    async forAgent(agentId) {
      if (choice !== 'auto') return models[choice];
      let kind = detected.get(agentId);
      if (!kind) {
        kind = detect(api, agentId, primed);
        detected.set(agentId, kind);
        // A failed detection is not cached: the next call may succeed.
        kind.catch(() => detected.delete(agentId));
      }
      return models[await kind];
    },
  };
}
