/** The metric `doctor --write` adds on its scratch branch to learn how the API merges; it is never live. */
import type { DispositionMetric } from '../config/types.js';

export const PROBE_METRIC: DispositionMetric = {
  identifier: 'atoms_metrics_doctor_probe',
  dispositionMetricType: 'BOOLEAN',
  dispositionMetricPrompt:
    'Written by atoms-metrics doctor on a scratch branch to learn how the API merges; never live.',
};
