/** GitHub's JSON answers read into plain data, tolerating missing fields. */

export interface GitHubComment {
  id: number;
  body: string;
  htmlUrl: string;
  authorLogin: string;
  /** `Bot` for apps and the Actions token, `User` for people. */
  authorType: string;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function toComment(value: unknown): GitHubComment {
  const c = isRecord(value) ? value : {};
  const user = isRecord(c.user) ? c.user : {};
  // A comment edited in GitHub's web editor comes back with CRLF line ends; every reader of a body expects LF.
  return {
    id: typeof c.id === 'number' ? c.id : 0,
    body: typeof c.body === 'string' ? c.body.replace(/\r\n/g, '\n') : '',
    htmlUrl: typeof c.html_url === 'string' ? c.html_url : '',
    authorLogin: typeof user.login === 'string' ? user.login : '',
    authorType: typeof user.type === 'string' ? user.type : '',
  };
}

/** Label names from a `labels` array of GitHub objects. */
export function labelsOf(value: unknown): string[] {
  return Array.isArray(value)
    ? value.map((l) => (isRecord(l) && typeof l.name === 'string' ? l.name : '')).filter((name) => name !== '')
    : [];
}

export interface GitHubIssue {
  number: number;
  title: string;
  body: string;
  htmlUrl: string;
  authorLogin: string;
  state: string;
}

export function toIssue(value: unknown): GitHubIssue {
  const i = isRecord(value) ? value : {};
  const user = isRecord(i.user) ? i.user : {};
  return {
    number: typeof i.number === 'number' ? i.number : 0,
    title: typeof i.title === 'string' ? i.title : '',
    // Edited in the web editor, a body comes back with CRLF line ends, as comments do.
    body: typeof i.body === 'string' ? i.body.replace(/\r\n/g, '\n') : '',
    htmlUrl: typeof i.html_url === 'string' ? i.html_url : '',
    authorLogin: typeof user.login === 'string' ? user.login : '',
    state: typeof i.state === 'string' ? i.state : '',
  };
}
