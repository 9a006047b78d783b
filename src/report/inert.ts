/** Makes text from files or from the API inert in GitHub markdown and in workflow logs. */

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Everything a markdown renderer or the runner's log reader may take as the end of a line, a lone CR included. */
const LINE_BREAKS = /\r\n|[\r\n\u0085\u2028\u2029]/g;

/**
 * Escapes text for markdown: HTML, link/image syntax, emphasis, headings and `@mentions` cannot act.
 * `@` gets a zero-width joiner so GitHub neither pings nor links.
 */
export function inertText(text: string): string {
  return text
    .replace(/[&<>"]/g, (ch) => HTML[ch] ?? ch)
    .replace(/([\\`*_[\]()#!|~])/g, '\\$1')
    .replace(/@/g, '@\u200d')
    // GitHub turns bare URLs into links; a zero-width space after the scheme (or `www`) keeps them text.
    .replace(/\b(https?|ftp):\/\//gi, '$1:\u200b//')
    .replace(/\bwww\./gi, 'www\u200b.')
    .replace(LINE_BREAKS, ' ');
}

/** For a table cell: inert, one line, pipes escaped. */
export function inertCell(text: string): string {
  return inertText(text);
}

/** Inline code whose fence is longer than any backtick run inside, so the content cannot close it. */
export function inertInlineCode(text: string, options: { inTable?: boolean } = {}): string {
  // Code spans show their content literally (no HTML, no entities, no mentions); only the fence needs care.
  const oneLine = text.replace(LINE_BREAKS, ' ');
  const longest = Math.max(0, ...[...oneLine.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = oneLine.startsWith('`') || oneLine.endsWith('`') || oneLine === '' ? ' ' : '';
  // GFM splits table cells on `|` even inside code spans, unless escaped.
  const body = options.inTable ? oneLine.replace(/\|/g, '\\|') : oneLine;
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** A fenced code block that the content cannot close (fence longer than any backtick run). */
export function inertCodeBlock(text: string, language = ''): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${text}\n${fence}`;
}

/**
 * For log lines: `::` at the start of a line is a workflow command to the runner (`::add-mask::`, `::error::`),
 * and the runner splits lines on CR as well as LF and trims Unicode spaces (NEL included) before looking.
 * Breaking every `::` with a zero-width space is simpler than predicting where the runner sees a line start.
 */
export function inertForLog(text: string): string {
  return text.replace(/::/g, ':\u200b:');
}

/** Code inside raw HTML (e.g. `<summary>`), where markdown code spans are not rendered. */
export function inertHtmlCode(text: string): string {
  return `<code>${text.replace(/[&<>"]/g, (ch) => HTML[ch] ?? ch).replace(/@/g, '@\u200d').replace(LINE_BREAKS, ' ')}</code>`;
}
