/** The action's inputs and outputs, named once. action.yml must mirror this table (a test holds them together). */
import { DEFAULT_API_URL, DEFAULT_PATTERN } from '../defaults.js';

export const INPUT_DEFAULTS = {
  config: DEFAULT_PATTERN,
  mode: 'auto',
  'api-key': '',
  'api-url': DEFAULT_API_URL,
  'github-token': '${{ github.token }}',
  'agent-id': '',
  'allow-breaking': 'false',
  'breaking-label': 'allow-breaking-metrics',
  strict: 'false',
  'disable-rules': '',
  comment: 'true',
  'security-check-timeout': '180',
  'on-live-changed': 'fail',
  force: 'false',
  'allow-pull-request-target': 'false',
  'max-requests-per-second': '8',
  concurrency: '8',
  versioning: 'auto',
  to: '',
  'rollback-scope': 'metrics',
  'allow-invalid': 'false',
  insights: 'true',
  'insights-calls': '500',
  'insights-days': '14',
  'drift-label': 'metrics-drift',
} as const;

export type InputName = keyof typeof INPUT_DEFAULTS;

export const OUTPUT_NAMES = {
  valid: 'valid',
  changed: 'changed',
  breaking: 'breaking',
  plan: 'plan',
  commentUrl: 'comment-url',
  versions: 'versions',
  matrix: 'matrix',
  rolledBack: 'rolled-back',
  drifted: 'drifted',
} as const;

export const MODES = ['auto', 'validate', 'plan', 'apply', 'list', 'rollback', 'drift'] as const;
export type ModeInput = (typeof MODES)[number];
