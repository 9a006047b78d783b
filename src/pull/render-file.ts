/** Renders a metrics file from a live config, so pulling and then planning shows no changes (exact round trip). */
import { stringify } from 'yaml';
import { SCHEMA_URL } from '../config/schema-url.js';
import type { PostCallAnalyticsConfig } from '../config/types.js';

/** How pulled YAML is written, new or updated: no line folding, plain scalars where they read back the same. */
export const YAML_OPTIONS = {
  lineWidth: 0,
  defaultStringType: 'PLAIN',
  defaultKeyType: 'PLAIN',
  version: '1.2',
} as const;

/** The first line VS Code's YAML extension (and other yaml-language-server editors) read the schema from. */
export const YAML_SCHEMA_LINE = `# yaml-language-server: $schema=${SCHEMA_URL}`;

export function renderMetricsFile(
  agentId: string,
  config: PostCallAnalyticsConfig,
  format: 'yaml' | 'json',
  meta: { name?: string; versionId?: string | null } = {},
): string {
  if (format === 'json')
    return `${JSON.stringify({ $schema: SCHEMA_URL, agentId, postCallAnalyticsConfig: config }, null, 2)}\n`;
  const origin = `# Pulled from the live ${meta.versionId ? meta.versionId : 'active version'}${meta.name ? ` of "${meta.name.replace(/[\r\n]/g, ' ')}"` : ''} by atoms-metrics pull.`;
  // The yaml package quotes anything that would read back differently (yes/no, numbers, leading spaces, `#`, `: `).
  return `${YAML_SCHEMA_LINE}\n${origin}\n${stringify({ agentId, postCallAnalyticsConfig: config }, YAML_OPTIONS)}`;
}

/** What every pulled file's name ends with, before `.yaml`/`.json`: the schema's `fileMatch` (schema/schemastore-catalog-entry.json) names it. */
export const FILE_SUFFIX = '.atoms-metrics';

/** A file name from the agent's name, falling back to its id: `support-agent.atoms-metrics.yaml`. */
export function fileNameFor(
  agentId: string,
  name: string,
  format: 'yaml' | 'json',
  taken: ReadonlySet<string>,
): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  const base = slug === '' ? agentId : slug;
  const candidate = `${base}${FILE_SUFFIX}.${format}`;
  return taken.has(candidate) ? `${base}-${agentId.slice(-6)}${FILE_SUFFIX}.${format}` : candidate;
}
