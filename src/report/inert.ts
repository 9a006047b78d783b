/** Makes text from files or from the API inert in GitHub markdown and in workflow logs. */

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * Escapes text for markdown: HTML, link/image syntax, emphasis, headings and `@mentions` cannot act.
 * `@` gets a zero-width joiner so GitHub neither pings nor links.
 */
export function inertText(text: string): string {
  return text
    .replace(/[&<>"]/g, (ch) => HTML[ch] ?? ch)
    .replace(/([\\`*_[\]()#!|~])/g, '\\$1')
    .replace(/@/g, '@\u200d')
    .replace(/\r?\n/g, ' ');
}

/** For a table cell: inert, one line, pipes escaped. */
export function inertCell(text: string): string {
  return inertText(text);
}

/** Inline code whose fence is longer than any backtick run inside, so the content cannot close it. */
export function inertInlineCode(text: string, options: { inTable?: boolean } = {}): string {
  // Code spans show their content literally (no HTML, no entities, no mentions); only the fence needs care.
  const oneLine = text.replace(/\r?\n/g, ' ');
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
 * For log lines: a line starting with `::` is a workflow command to the runner (`::add-mask::`, `::error::`);
 * prefixing a zero-width space keeps any text from files or the API from issuing one.
 */
export function inertForLog(text: string): string {
  return text.replace(/(^|\r?\n)(\s*)::/g, '$1$2\u200b::').replace(/%/g, '%25');
}

/** Code inside raw HTML (e.g. `<summary>`), where markdown code spans are not rendered. */
export function inertHtmlCode(text: string): string {
  return `<code>${text.replace(/[&<>"]/g, (ch) => HTML[ch] ?? ch).replace(/@/g, '@\u200d')}</code>`;
}
