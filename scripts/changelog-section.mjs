#!/usr/bin/env node
// Prints the `## <version>` section of CHANGELOG.md (without its heading) for the GitHub release notes.
// Used by .github/workflows/release.yml; exits 1 when the section is missing, so a tag cannot be released
// without notes (run `npm run version-packages` first).
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** The body of the `## <version>` section of a changesets CHANGELOG, trimmed; undefined when there is none. */
export function changelogSection(changelog, version) {
  const lines = changelog.split(/\r?\n/);
  const start = lines.findIndex((line) => line.trim() === `## ${version}`);
  if (start === -1) return undefined;
  const end = lines.findIndex((line, index) => index > start && /^## /.test(line));
  const body = lines
    .slice(start + 1, end === -1 ? undefined : end)
    .join('\n')
    .trim();
  return body === '' ? undefined : body;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const version = (process.argv[2] ?? '').replace(/^v/, '');
  const section = changelogSection(readFileSync(process.argv[3] ?? 'CHANGELOG.md', 'utf8'), version);
  if (section === undefined) {
    process.stderr.write(
      `CHANGELOG.md has no "## ${version}" section; run 'npm run version-packages' before tagging.\n`,
    );
    process.exitCode = 1;
  } else {
    process.stdout.write(`${section}\n`);
  }
}
