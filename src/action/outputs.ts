/** Sets a step output. Outputs reach later steps and their logs unmasked, so the run's secrets are taken out first. */
import * as core from '@actions/core';
import { redactSecrets } from '../report/secrets.js';
import type { OUTPUT_NAMES } from './contract.js';

export function setOutput(name: (typeof OUTPUT_NAMES)[keyof typeof OUTPUT_NAMES], value: string): void {
  core.setOutput(name, redactSecrets(value));
}
