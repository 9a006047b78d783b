/** The steps of one agent's apply or rollback: kept for the result and the report, and logged as they happen. */
export function stepLog(agentId: string, log: (line: string) => void): { steps: string[]; say: (line: string) => void } {
  const steps: string[] = [];
  return {
    steps,
    say: (line) => {
      steps.push(line);
      log(`${agentId}: ${line}`);
    },
  };
}
