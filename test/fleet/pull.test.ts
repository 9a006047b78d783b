import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { configsEqual } from '../../src/config/canonical.js';
import { normalizeConfig } from '../../src/config/normalize.js';
import { METRIC_TYPES } from '../../src/config/types.js';
import { validateText } from '../../src/config/validate-text.js';
import { loadSeedFile, startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { renderMetricsFile } from '../../src/pull/render-file.js';
import { makeWorkspace, type Workspace } from '../support/workspace.js';

const tricky = fc.oneof(
  fc.constantFrom('yes', 'no', 'null', '~', 'true', '0x1F', '1e3', ' leading space', 'trailing space ', 'a: b', '# not a comment', '- dash', "it's", '"quoted"', 'multi\nline\nprompt', 'tab\there', 'ünïcödé ✓', '{flow}', '[seq]', '@at', '`tick`', '*alias', '&anchor', '!tag', '%directive', '---', '...'),
  fc.string({ minLength: 1, maxLength: 60 }),
).filter((s) => s.trim() !== '');

const metricArb = fc.record({ identifier: fc.stringMatching(/^[a-z0-9_]{1,20}$/), dispositionMetricType: fc.constantFrom(...METRIC_TYPES), dispositionMetricPrompt: tricky, choices: fc.uniqueArray(tricky, { minLength: 1, maxLength: 4 }) }).map(({ choices, ...m }) => (m.dispositionMetricType === 'ENUM' ? { ...m, choices } : m));

describe('renderMetricsFile', () => {
  it('round-trips exactly through validation, in YAML and JSON', () => {
    fc.assert(
      fc.property(fc.uniqueArray(metricArb, { maxLength: 6, selector: (m) => m.identifier }), fc.boolean(), fc.boolean(), (metrics, internal, reasoning) => {
        const config = normalizeConfig({ dispositionMetrics: metrics, useInternalAnalyticsModel: internal, useReasoningModel: reasoning });
        for (const format of ['yaml', 'json'] as const) {
          const result = validateText(`pulled.${format}`, renderMetricsFile('65f1a2b3c4d5e6f708192a3b', config, format, { name: 'x' }));
          expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
          expect(result.file && configsEqual(result.file.config, config)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('atoms-metrics pull', () => {
  let emu: RunningEmulator | undefined;
  let ws: Workspace | undefined;
  afterEach(async () => {
    await emu?.close();
    ws?.remove();
  });

  it.each(['v1', 'v2'] as const)('on %s: writes files from live config; planning them shows no changes; existing files are kept unless --force', async (versioning) => {
    emu = await startEmulator({ versioning, securityCheckMs: 0, seed: await loadSeedFile('examples/emulator-seed.json') });
    ws = makeWorkspace({});
    const out = { text: '', err: '' };
    const io = { cwd: ws.dir, env: { SMALLEST_API_KEY: emu.apiKey, ATOMS_API_URL: emu.url }, isTTY: false, stdout: (t: string) => void (out.text += t), stderr: (t: string) => void (out.err += t) };
    expect(await runCli(['pull', '65f1a2b3c4d5e6f708192a3b', '--out', 'metrics'], io)).toBe(0);
    expect(out.text).toContain('metrics/support-agent.yaml');
    expect(readFileSync(`${ws.dir}/metrics/support-agent.yaml`, 'utf8')).toContain('identifier: call_outcome');
    expect(readFileSync(`${ws.dir}/metrics/support-agent.yaml`, 'utf8')).toContain(versioning === 'v1' ? '# Pulled from the live v1 version ' : '# Pulled from the live v2 revision 1 (');
    out.text = '';
    expect(await runCli(['plan', 'metrics'], io)).toBe(0);
    expect(out.text).toContain('No changes.');
    expect(await runCli(['pull', '65f1a2b3c4d5e6f708192a3b', '--out', 'metrics'], io)).toBe(1);
    expect(out.err).toContain('exists; use --force');
    expect(await runCli(['pull', '65f1a2b3c4d5e6f708192a3b', '--out', 'metrics', '--force'], io)).toBe(0);
  });

  it('points $schema at the schema it can find, relative to each file, and names a path that is in the way', async () => {
    emu = await startEmulator({ versioning: 'v1', securityCheckMs: 0, seed: await loadSeedFile('examples/emulator-seed.json') });
    ws = makeWorkspace({ 'schema/metrics.schema.json': '{}', 'README.md': 'hello' });
    const out = { text: '', err: '' };
    const io = { cwd: ws.dir, env: { SMALLEST_API_KEY: emu.apiKey, ATOMS_API_URL: emu.url }, isTTY: false, stdout: (t: string) => void (out.text += t), stderr: (t: string) => void (out.err += t) };
    expect(await runCli(['pull', '65f1a2b3c4d5e6f708192a3b', '--out', 'agents/prod/eu'], io)).toBe(0);
    expect(readFileSync(`${ws.dir}/agents/prod/eu/support-agent.yaml`, 'utf8')).toContain('$schema: ../../../schema/metrics.schema.json');
    expect(await runCli(['pull', '65f1a2b3c4d5e6f708192a3b', '--out', 'README.md'], io)).toBe(1);
    expect(out.err).toContain('cannot create the directory');
    expect(out.err).toContain('a file of that name is in the way');
    expect(out.err).not.toContain('Unexpected');
  });
});
