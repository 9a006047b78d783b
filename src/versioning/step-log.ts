/** The closing step of a failed apply; the run's summary (CLI, job summary, failed check) prints that failure once. */
const FAILURE_STEP = 'failed: ';

/** Whether a step is the closing `failed: …` one, which the log leaves to the summary. */
export const isFailureStep = (step: string): boolean => step.startsWith(FAILURE_STEP);

/** The steps of one agent's apply or rollback: kept for the result and the report, and logged as they happen (but the failure itself). */
export function stepLog(
  agentId: string,
  log: (line: string) => void,
): { steps: string[]; say: (line: string) => void } {
  const steps: string[] = [];
  return {
    steps,
    say: (line) => {
      steps.push(line);
      if (!isFailureStep(line)) log(`${agentId}: ${line}`);
    },
  };
}
