// The schema as editors and other tools see it: every example, and the README's metrics-file snippets, checked
// with a second JSON Schema 2020-12 implementation (@hyperjump/json-schema) instead of the ajv build we ship,
// so a schema that only ajv reads "right" cannot pass unnoticed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Json } from '@hyperjump/json-pointer';
import { registerSchema, validate } from '@hyperjump/json-schema/draft-2020-12';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import validateWithAjv from '../../src/config/generated/schema-validator.js';
import { INVALID_CASES, WARNING_CASES } from './cases.js';

const SCHEMA_URL = 'https://raw.githubusercontent.com/atoms-metrics/atoms-metrics/v0/schema/metrics.schema.json';
const schema = JSON.parse(readFileSync('schema/metrics.schema.json', 'utf8')) as { $id: string };
registerSchema(schema);

/** Parsed YAML/JSON is plain data; this guard proves it to the type checker instead of casting. */
function isJson(value: unknown): value is Json {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return true;
  if (Array.isArray(value)) return value.every(isJson);
  if (typeof value !== 'object' || ![Object.prototype, null].includes(Object.getPrototypeOf(value))) return false;
  return Object.values(value).every(isJson);
}

async function isValid(value: unknown): Promise<boolean> {
  if (!isJson(value)) throw new Error('not plain JSON data');
  return (await validate(SCHEMA_URL, value)).valid;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(json|ya?ml)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The README's YAML and JSON code blocks that are metrics files (they have postCallAnalyticsConfig). */
function readmeMetricsSnippets(): { index: number; value: unknown }[] {
  const blocks = [...readFileSync('README.md', 'utf8').matchAll(/^```(yaml|json)\n([\s\S]*?)^```/gm)];
  return blocks
    .map((block, index) => ({ index, value: block[1] === 'json' ? JSON.parse(block[2] ?? '') : parse(block[2] ?? '') }))
    .filter(({ value }) => typeof value === 'object' && value !== null && 'postCallAnalyticsConfig' in value);
}

describe('schema/metrics.schema.json, read by a second validator', () => {
  it('has the $id of its released raw file, which editors and SchemaStore fetch', () => {
    expect(schema.$id).toBe(SCHEMA_URL);
    const entry = JSON.parse(readFileSync('schema/schemastore-catalog-entry.json', 'utf8')) as {
      url: string;
      fileMatch: string[];
    };
    expect(entry.url).toBe(SCHEMA_URL);
    expect(entry.fileMatch.length).toBeGreaterThan(0);
  });

  it.each(filesUnder('examples/metrics'))('accepts %s', async (path) => {
    expect(await isValid(parse(readFileSync(path, 'utf8')))).toBe(true);
  });

  it.each(filesUnder('examples/invalid'))('rejects %s', async (path) => {
    expect(await isValid(parse(readFileSync(path, 'utf8')))).toBe(false);
  });

  it('accepts every metrics file shown in the README', async () => {
    const snippets = readmeMetricsSnippets();
    expect(snippets.length).toBeGreaterThan(0);
    for (const { index, value } of snippets) expect(await isValid(value), `README code block ${index}`).toBe(true);
  });

  it('agrees with the shipped ajv validator on every test case that parses as plain data', async () => {
    let compared = 0;
    for (const { name, text } of [...INVALID_CASES, ...WARNING_CASES]) {
      let value: unknown;
      try {
        value = parse(text, { logLevel: 'silent' }); // JSON is YAML; duplicate keys and the like throw: the parser's business
      } catch {
        continue;
      }
      if (!isJson(value)) continue; // a YAML tag made a Date or the like, which the parser refuses before any schema
      expect(await isValid(value), name).toBe(validateWithAjv(value));
      compared++;
    }
    expect(compared).toBeGreaterThan(20);
  });
});
