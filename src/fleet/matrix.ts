/** Splits files into balanced slices for a `strategy.matrix` fan-out (GitHub allows at most 256 jobs per matrix). */

export interface MatrixSlice {
  slice: string;
  files: string[];
  agents: string[];
}

const GITHUB_MATRIX_LIMIT = 256;

/** Greedy balancing by agent count, largest files first; deterministic for the same input. */
export function buildMatrix(
  files: readonly { path: string; agentIds: string[] }[],
  maxSlices: number,
): { include: MatrixSlice[] } {
  const count = Math.max(1, Math.min(maxSlices, GITHUB_MATRIX_LIMIT, files.length));
  const slices: MatrixSlice[] = Array.from({ length: count }, (_, i) => ({
    slice: String(i + 1),
    files: [],
    agents: [],
  }));
  const sorted = [...files].sort((a, b) => b.agentIds.length - a.agentIds.length || (a.path < b.path ? -1 : 1));
  for (const file of sorted) {
    const lightest = slices.reduce((best, s) => (s.agents.length < best.agents.length ? s : best));
    lightest.files.push(file.path);
    lightest.agents.push(...file.agentIds);
  }
  for (const s of slices) s.files.sort();
  return { include: slices.filter((s) => s.files.length > 0) };
}
