/** The product's defaults that the action's inputs, the CLI and the API client share (a module with no imports, so any start-up path can read it). */
export const DEFAULT_API_URL = 'https://api.smallest.ai/atoms/v1';
export const DEFAULT_PATTERN = 'metrics/**/*.{json,yaml,yml}';
