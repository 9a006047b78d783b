/** Renders a metrics file from a live config, so pulling and then planning shows no changes (exact round trip). */
import { stringify } from 'yaml';
import type { PostCallAnalyticsConfig } from '../config/types.js';

/** `schemaRef`: the schema's path relative to the file, for editors; left out when there is none to point at. */
export function renderMetricsFile(agentId: string, config: PostCallAnalyticsConfig, format: 'yaml' | 'json', meta: { name?: string; versionId?: string | null; schemaRef?: string } = {}): string {
  const body = { ...(meta.schemaRef ? { $schema: meta.schemaRef } : {}), agentId, postCallAnalyticsConfig: config };
  if (format === 'json') return `${JSON.stringify(body, null, 2)}\n`;
  const header = [`# Pulled from the live ${meta.versionId ? meta.versionId : 'active version'}${meta.name ? ` of "${meta.name.replace(/[\r\n]/g, ' ')}"` : ''} by atoms-metrics pull.`];
  // The yaml package quotes anything that would read back differently (yes/no, numbers, leading spaces, `#`, `: `).
  return `${header.join('\n')}\n${stringify(body, { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN', version: '1.2' })}`;
}

/** A file name from the agent's name, falling back to its id. */
export function fileNameFor(agentId: string, name: string, format: 'yaml' | 'json', taken: ReadonlySet<string>): string {
  const slug = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  const base = slug === '' ? agentId : slug;
  const candidate = `${base}.${format}`;
  return taken.has(candidate) ? `${base}-${agentId.slice(-6)}.${format}` : candidate;
}
