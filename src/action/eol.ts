/** The line end of the runner's log and command files: node:os's EOL, without loading node:os at start-up. */
export const EOL = process.platform === 'win32' ? '\r\n' : '\n';
