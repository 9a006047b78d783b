/** File-system and socket failures in words, the same way wherever a file or port is involved. */

/** Node's error code (`ENOENT`, `EADDRINUSE`, `ERR_PARSE_ARGS_…`), or '' when there is none. */
export function errnoCode(error: unknown): string {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : '';
}

const IN_WORDS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'it is a directory',
  EEXIST: 'a file of that name is in the way',
  ENOTDIR: 'a file of that name is in the way',
};

/** "no such file (ENOENT)": words for a person, the code for a search; the bare code or message otherwise. */
export function describeFsError(error: unknown): string {
  const code = errnoCode(error);
  const words = IN_WORDS[code];
  if (words) return `${words} (${code})`;
  return code || (error instanceof Error ? error.message : String(error));
}
