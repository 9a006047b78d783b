/**
 * Stands in for node:crypto inside @actions/core's file-command module (scripts/build.mjs maps it there), whose
 * only use of it is `randomUUID()` for the heredoc delimiter of outputs and saved state. Loading node:crypto and
 * its fifteen internal modules was ~2 ms of every run's start-up, validate included, and nothing else on that path
 * needs it. The delimiter does not have to be unguessable: @actions/core refuses any name or value that contains
 * it, so a guessed delimiter could only fail a step, never inject an output. Math.random gives the same format.
 */
export function randomUUID(): string {
  const hex = (digits: number) =>
    Array.from({ length: digits }, () => Math.floor(Math.random() * 16).toString(16)).join('');
  const variant = (8 + Math.floor(Math.random() * 4)).toString(16);
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
}
