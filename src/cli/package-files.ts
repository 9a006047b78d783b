/** Files that ship in the package next to dist/ (the examples the demo and the emulator start from). */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The example agent the documentation and `npm run demo` use, and its metrics file. */
export const EXAMPLE_SEED = 'examples/emulator-seed.json';
export const EXAMPLE_METRICS = 'examples/metrics';

/**
 * The package's root: the nearest directory above the running code that holds a package.json. From the
 * repository's src/cli/ and from an installed package's dist/chunks/ alike, so `demo` and `emulator` work from
 * any directory, not only from the repository's root.
 */
export function findPackageRoot(from: string = fileURLToPath(import.meta.url)): string | undefined {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}
