// `npm run bench`: every benchmark prints its figure next to a baseline measured in the same run.
import { existsSync } from 'node:fs';
import { benchStartup } from './startup.mjs';
import { benchValidateLarge } from './validate-large.mjs';

if (!existsSync('dist/index.js')) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(2);
}
const rows = [benchStartup(), benchValidateLarge()];
console.table(rows);
