/**
 * Makes text from files or from the API inert in GitHub markdown, in workflow logs and in terminals.
 * Every function here first takes out the run's secrets (before any escaping changes their spelling), then
 * shows control characters as escapes, then applies the escaping of its target.
 */
import { redactSecrets } from './secrets.js';

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Everything a markdown renderer or the runner's log reader may take as the end of a line, a lone CR included. */
const LINE_BREAKS = /\r\n|[\r\n\u0085\u2028\u2029]/g;

/**
 * C0 and C1 controls, DEL, and the bidirectional embeddings, overrides and isolates: an ANSI sequence recolours
 * or rewrites a log line, a bidi override shows text in another order than it is ("Trojan source").
 */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** `\u001b` for ESC: visible, unambiguous, and what JSON would write. */
function escapeCodePoint(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Shows control characters as `\uXXXX`, except the ones `keep` names (e.g. line feed and tab in a log). */
export function escapeControls(text: string, keep = ''): string {
  return text.replace(CONTROLS, (ch) => (keep.includes(ch) ? ch : escapeCodePoint(ch)));
}

/** Secrets out, one line, controls visible: the start of every single-line form. */
function oneLine(text: string): string {
  return escapeControls(redactSecrets(text).replace(LINE_BREAKS, ' '), '\t');
}

/**
 * Escapes text for markdown: HTML, link/image syntax, emphasis, headings and `@mentions` cannot act.
 * `@` gets a zero-width joiner so GitHub neither pings nor links.
 */
export function inertText(text: string): string {
  return (
    oneLine(text)
      .replace(/[&<>"]/g, (ch) => HTML[ch] ?? ch)
      .replace(/([\\`*_[\]()#!|~])/g, '\\$1')
      .replace(/@/g, '@\u200d')
      // GitHub turns bare URLs into links; a zero-width space after the scheme (or `www`) keeps them text.
      .replace(/\b(https?|ftp):\/\//gi, '$1:\u200b//')
      .replace(/\bwww\./gi, 'www\u200b.')
  );
}

/** For a table cell: inert, one line, pipes escaped. */
export function inertCell(text: string): string {
  return inertText(text);
}

/** Inline code whose fence is longer than any backtick run inside, so the content cannot close it. */
export function inertInlineCode(text: string, options: { inTable?: boolean } = {}): string {
  // Code spans show their content literally (no HTML, no entities, no mentions, no backslash escapes): only the
  // fence needs care, and a backslash added here would be shown as one.
  const line = oneLine(text);
  const longest = Math.max(0, ...[...line.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = line.startsWith('`') || line.endsWith('`') || line === '' || /^ .* $/.test(line) ? ' ' : '';
  // GFM splits table cells on `|` even inside code spans, unless escaped (the table removes the backslash).
  const body = options.inTable ? line.replace(/\|/g, '\\|') : line;
  return `${fence}${pad}${body}${pad}${fence}`;
}

/**
 * Prose of our own that quotes identifiers in backticks (a breaking reason: "`refund_reason` is removed: …"):
 * the quoted parts become code spans, shown exactly, and the rest is escaped as text. Escaping the whole line
 * and then restoring the backticks showed `refund\_reason`, because code spans print backslashes.
 */
export function inertTextWithCode(text: string, options: { inTable?: boolean } = {}): string {
  const parts: string[] = [];
  let last = 0;
  for (const match of text.matchAll(/`([^`\r\n]+)`/g)) {
    parts.push(inertText(text.slice(last, match.index)), inertInlineCode(match[1] ?? '', options));
    last = match.index + match[0].length;
  }
  parts.push(inertText(text.slice(last)));
  return parts.join('');
}

/** A fenced code block that the content cannot close (fence longer than any backtick run). */
export function inertCodeBlock(text: string, language = ''): string {
  const body = escapeControls(redactSecrets(text), '\n\t');
  const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${body}\n${fence}`;
}

/**
 * `::` at the start of a line is a workflow command to the runner (`::add-mask::`, `::error::`), and the runner
 * splits lines on CR as well as LF and trims Unicode spaces (NEL included) before looking. Breaking every `::`
 * with a zero-width space is simpler than predicting where the runner sees a line start.
 */
export function breakWorkflowCommands(text: string): string {
  return text.replace(/::/g, ':\u200b:');
}

/**
 * For log lines and annotations: secrets out, controls (ANSI escapes, lone CRs) visible, no workflow commands.
 * `singleLine` shows line feeds as `\u000a` too, for a line that tools read one per line (`path:line:col: …`).
 */
export function inertForLog(text: string, options: { singleLine?: boolean } = {}): string {
  return breakWorkflowCommands(escapeControls(redactSecrets(text), options.singleLine ? '\t' : '\n\t'));
}

/** Code inside raw HTML (e.g. `<summary>`), where markdown code spans are not rendered. */
export function inertHtmlCode(text: string): string {
  return `<code>${oneLine(text)
    .replace(/[&<>"]/g, (ch) => HTML[ch] ?? ch)
    .replace(/@/g, '@\u200d')}</code>`;
}
