/** Defaults the argument parser applies and the help texts quote (kept apart so parsing never loads the help). */
export const DEFAULT_API_URL = 'https://api.smallest.ai/atoms/v1';
export const DEFAULT_PATTERN = 'metrics/**/*.{json,yaml,yml}';
