/** Rules that need every file at once: today, that one agent is described by one file only. */
import type { Diagnostic, FileResult } from './types.js';

/**
 * Two files for one agent would fight: each apply would undo the other's metrics. The later file (in path
 * order) gets the error, naming where the first one is, and becomes invalid so nothing is planned or applied
 * from it.
 */
export function checkAgentsAcrossFiles(results: readonly FileResult[]): FileResult[] {
  const firstSeen = new Map<string, { path: string; line: number }>();
  return [...results]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((result) => {
      if (!result.file) return result;
      const { file } = result;
      const clashes: Diagnostic[] = [];
      file.agentIds.forEach((agentId, index) => {
        const position = file.agentIdPositions[index] ?? { line: 1, column: 1 };
        const first = firstSeen.get(agentId);
        if (first) {
          clashes.push({
            file: result.path,
            ...position,
            severity: 'error',
            message: `agent ${agentId} already has a metrics file: ${first.path}:${first.line}; one agent, one file (each apply would undo the other's metrics)`,
            rule: 'agent-in-two-files',
          });
        } else firstSeen.set(agentId, { path: result.path, line: position.line });
      });
      return clashes.length === 0 ? result : { path: result.path, diagnostics: [...result.diagnostics, ...clashes] };
    });
}
