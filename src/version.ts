/** The product version, injected by the build (scripts/build.mjs); `dev` when running from source. */
declare const __ATOMS_METRICS_VERSION__: string | undefined;

export const VERSION: string = typeof __ATOMS_METRICS_VERSION__ === 'string' ? __ATOMS_METRICS_VERSION__ : 'dev';
