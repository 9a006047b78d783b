/** ObjectId-style ids and the 13 config-section block references (fact sheet §2 IDs, §6 `blocks`). */
import { randomBytes } from 'node:crypto';

const OBJECT_ID = /^[a-f\d]{24}$/;

export const BLOCK_SECTIONS = ['workflow_prompt', 'workflow_tools', 'workflow_graph', 'llm', 'voice', 'language', 'call_handling', 'detection', 'analytics', 'timeouts', 'audio', 'privacy', 'widget'] as const;

export type BlockSection = (typeof BLOCK_SECTIONS)[number];

/** True for a 24-char lowercase-hex MongoDB ObjectId, the only id form the API accepts in paths. */
export function isObjectId(value: unknown): value is string {
  return typeof value === 'string' && OBJECT_ID.test(value);
}

/** A fresh random ObjectId-shaped id. */
export function newObjectId(): string {
  return randomBytes(12).toString('hex');
}

/** A fresh block-reference map: every section pointing at a new id. */
export function newBlocks(): Record<string, string> {
  return Object.fromEntries(BLOCK_SECTIONS.map((section) => [section, newObjectId()]));
}
