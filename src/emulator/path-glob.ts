/** Paths in `--fault` and `--act` specs: below the API's base path, `*` for any characters. */
import { BASE_PATH } from './constants.js';

/** Turns a `*` glob into an anchored RegExp (`*` = any characters, `/` included); a path without `*` stays an exact string. */
export function globToPath(glob: string): string | RegExp {
  const path = glob.startsWith(`${BASE_PATH}/`) ? glob.slice(BASE_PATH.length) : glob;
  if (!path.includes('*')) return path;
  return new RegExp(
    `^${path
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
}
