import fc from 'fast-check';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { configsEqual } from '../../src/config/canonical.js';
import { normalizeConfig } from '../../src/config/normalize.js';
import { METRIC_TYPES } from '../../src/config/types.js';
import { validateText } from '../../src/config/validate-text.js';
import { loadSeedFile, startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { fileNameFor, renderMetricsFile } from '../../src/pull/render-file.js';
import { updateYamlFile } from '../../src/pull/update-file.js';
import { makeWorkspace, type Workspace } from '../support/workspace.js';

const AGENT = '65f1a2b3c4d5e6f708192a3b';

const tricky = fc
  .oneof(
    fc.constantFrom(
      'yes',
      'no',
      'null',
      '~',
      'true',
      '0x1F',
      '1e3',
      ' leading space',
      'trailing space ',
      'a: b',
      '# not a comment',
      '- dash',
      "it's",
      '"quoted"',
      'multi\nline\nprompt',
      'tab\there',
      'ünïcödé ✓',
      '{flow}',
      '[seq]',
      '@at',
      '`tick`',
      '*alias',
      '&anchor',
      '!tag',
      '%directive',
      '---',
      '...',
    ),
    fc.string({ minLength: 1, maxLength: 60 }),
  )
  .filter((s) => s.trim() !== '');

const metricArb = fc
  .record({
    identifier: fc.stringMatching(/^[a-z0-9_]{1,20}$/),
    dispositionMetricType: fc.constantFrom(...METRIC_TYPES),
    dispositionMetricPrompt: tricky,
    choices: fc.uniqueArray(tricky, { minLength: 1, maxLength: 4 }),
  })
  .map(({ choices, ...m }) => (m.dispositionMetricType === 'ENUM' ? { ...m, choices } : m));

describe('renderMetricsFile', () => {
  it('round-trips exactly through validation, in YAML and JSON', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(metricArb, { maxLength: 6, selector: (m) => m.identifier }),
        fc.boolean(),
        fc.boolean(),
        (metrics, internal, reasoning) => {
          const config = normalizeConfig({
            dispositionMetrics: metrics,
            useInternalAnalyticsModel: internal,
            useReasoningModel: reasoning,
          });
          for (const format of ['yaml', 'json'] as const) {
            const result = validateText(
              `pulled.${format}`,
              renderMetricsFile('65f1a2b3c4d5e6f708192a3b', config, format, { name: 'x' }),
            );
            expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
            expect(result.file && configsEqual(result.file.config, config)).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('updateYamlFile', () => {
  it('keeps comments, quoting and other keys; a metric keeps its comment when the order changes', () => {
    const text = `# top\nagentId: "${AGENT}" # the prod agent\nlint: {disable: [vague-prompt]}\npostCallAnalyticsConfig:\n  useReasoningModel: false # costly\n  dispositionMetrics:\n    # first\n    - identifier: a\n      dispositionMetricType: STRING\n      dispositionMetricPrompt: "A?"\n    # second\n    - identifier: b\n      dispositionMetricType: BOOLEAN\n      dispositionMetricPrompt: B?\n`;
    const config = normalizeConfig({
      useReasoningModel: true,
      dispositionMetrics: [
        { identifier: 'b', dispositionMetricType: 'BOOLEAN', dispositionMetricPrompt: 'B now?' },
        { identifier: 'a', dispositionMetricType: 'STRING', dispositionMetricPrompt: 'A?' },
      ],
    });
    const out = updateYamlFile(text, config) ?? '';
    expect(out).toContain('useReasoningModel: true # costly');
    expect(out).toContain('agentId: "65f1a2b3c4d5e6f708192a3b" # the prod agent');
    expect(out).toContain('lint: { disable: [ vague-prompt ] }');
    expect(out).toMatch(/# second\n\s+- identifier: b/);
    const result = validateText('x.yaml', out);
    expect(result.file && configsEqual(result.file.config, config)).toBe(true);
  });
});

describe('atoms-metrics pull', () => {
  let emu: RunningEmulator | undefined;
  let ws: Workspace | undefined;
  const io = (cwd: string) => {
    const state = { out: '', err: '' };
    return Object.assign(state, {
      cwd,
      env: { SMALLEST_API_KEY: emu?.apiKey ?? '', ATOMS_API_URL: emu?.url ?? '' },
      isTTY: false,
      stdout: (t: string) => void (state.out += t),
      stderr: (t: string) => void (state.err += t),
    });
  };
  afterEach(async () => {
    await emu?.close();
    ws?.remove();
  });

  it.each(['v1', 'v2'] as const)(
    'on %s: writes files from live config; planning them shows no changes; pulling again changes nothing',
    async (versioning) => {
      emu = await startEmulator({
        versioning,
        securityCheckMs: 0,
        seed: await loadSeedFile('examples/emulator-seed.json'),
      });
      ws = makeWorkspace({});
      const out = { text: '', err: '' };
      const io = {
        cwd: ws.dir,
        env: { SMALLEST_API_KEY: emu.apiKey, ATOMS_API_URL: emu.url },
        isTTY: false,
        stdout: (t: string) => void (out.text += t),
        stderr: (t: string) => void (out.err += t),
      };
      expect(await runCli(['pull', '65f1a2b3c4d5e6f708192a3b', '--out', 'metrics'], io)).toBe(0);
      expect(out.text).toContain('metrics/support-agent.atoms-metrics.yaml');
      expect(readFileSync(`${ws.dir}/metrics/support-agent.atoms-metrics.yaml`, 'utf8')).toContain(
        'identifier: call_outcome',
      );
      expect(readFileSync(`${ws.dir}/metrics/support-agent.atoms-metrics.yaml`, 'utf8')).toContain(
        versioning === 'v1' ? '# Pulled from the live v1 version ' : '# Pulled from the live v2 revision 1 (',
      );
      // One read of the agent record on either model: v1's live read brings the name; v2 reads it only for the name.
      expect(emu.requests.filter((r) => r.path === '/agent/65f1a2b3c4d5e6f708192a3b')).toHaveLength(1);
      out.text = '';
      expect(await runCli(['plan', 'metrics'], io)).toBe(0);
      expect(out.text).toContain('No changes.');
      expect(await runCli(['pull', '65f1a2b3c4d5e6f708192a3b', '--out', 'metrics'], io)).toBe(0);
      expect(out.text).toContain('metrics/support-agent.atoms-metrics.yaml (already matches live)');
    },
  );

  it('points editors at the published schema (a first-line modeline in YAML, $schema in JSON), and names a path that is in the way', async () => {
    emu = await startEmulator({
      versioning: 'v1',
      securityCheckMs: 0,
      seed: await loadSeedFile('examples/emulator-seed.json'),
    });
    ws = makeWorkspace({ 'schema/metrics.schema.json': '{}', 'README.md': 'hello' });
    const out = { text: '', err: '' };
    const io = {
      cwd: ws.dir,
      env: { SMALLEST_API_KEY: emu.apiKey, ATOMS_API_URL: emu.url },
      isTTY: false,
      stdout: (t: string) => void (out.text += t),
      stderr: (t: string) => void (out.err += t),
    };
    expect(await runCli(['pull', '65f1a2b3c4d5e6f708192a3b', '--out', 'agents/prod/eu'], io)).toBe(0);
    const yaml = readFileSync(`${ws.dir}/agents/prod/eu/support-agent.atoms-metrics.yaml`, 'utf8');
    expect(yaml.split('\n')[0]).toBe(
      '# yaml-language-server: $schema=https://raw.githubusercontent.com/atoms-metrics/atoms-metrics/v0/schema/metrics.schema.json',
    );
    expect(yaml).not.toContain('$schema:');
    expect(await runCli(['pull', '65f1a2b3c4d5e6f708192a3b', '--out', 'json', '--format', 'json'], io)).toBe(0);
    expect(JSON.parse(readFileSync(`${ws.dir}/json/support-agent.atoms-metrics.json`, 'utf8')).$schema).toBe(
      'https://raw.githubusercontent.com/atoms-metrics/atoms-metrics/v0/schema/metrics.schema.json',
    );
    expect(await runCli(['pull', '65f1a2b3c4d5e6f708192a3b', '--out', 'README.md'], io)).toBe(1);
    expect(out.err).toContain('cannot create the directory');
    expect(out.err).toContain('a file of that name is in the way');
    expect(out.err).not.toContain('Unexpected');
  });

  it('says at pull time when the live config breaks a rule of validate (it still writes the file, to fix)', async () => {
    emu = await startEmulator({ securityCheckMs: 0, seed: await loadSeedFile('examples/emulator-seed.json') });
    emu.simulateDashboardChange(AGENT, {
      dispositionMetrics: [
        {
          identifier: 'Call-Outcome',
          dispositionMetricType: 'STRING',
          dispositionMetricPrompt: 'What was the outcome of the call, in a sentence?',
        },
      ],
    });
    ws = makeWorkspace({});
    const cli = io(ws.dir);
    expect(await runCli(['pull', AGENT], cli)).toBe(1);
    expect(cli.err).toContain('metrics/support-agent.atoms-metrics.yaml was written, but validate will refuse it');
    expect(cli.err).toMatch(
      /metrics\/support-agent\.atoms-metrics\.yaml:\d+:\d+: error: identifier "Call-Outcome" must use only lowercase letters/,
    );
  });

  it('updates the file that already holds the agent, wherever it was moved, keeping its comments — never a second file', async () => {
    emu = await startEmulator({
      versioning: 'v1',
      securityCheckMs: 0,
      seed: await loadSeedFile('examples/emulator-seed.json'),
    });
    ws = makeWorkspace({});
    const cli = io(ws.dir);
    expect(await runCli(['pull', AGENT], cli)).toBe(0);
    const pulled = readFileSync(`${ws.dir}/metrics/support-agent.atoms-metrics.yaml`, 'utf8');
    const annotated = pulled
      .replace('postCallAnalyticsConfig:', '# Owned by the support team.\npostCallAnalyticsConfig:')
      .replace(
        '    - identifier: call_outcome',
        '    # Exported to the CRM: do not rename.\n    - identifier: call_outcome',
      );
    mkdirSync(`${ws.dir}/metrics/team`);
    writeFileSync(`${ws.dir}/metrics/team/support.yaml`, annotated);
    rmSync(`${ws.dir}/metrics/support-agent.atoms-metrics.yaml`);
    const live = emu.getAgentState(AGENT)?.versions.find((v) => v.isActive)?.postCallAnalyticsConfig;
    const metrics = normalizeConfig(live).dispositionMetrics;
    emu.simulateDashboardChange(AGENT, {
      dispositionMetrics: [
        ...metrics.slice(0, 2).reverse(),
        ...metrics.slice(2),
        {
          identifier: 'new_one',
          dispositionMetricType: 'BOOLEAN',
          dispositionMetricPrompt: 'Did the customer ask for a manager?',
        },
      ],
    });

    expect(await runCli(['pull', AGENT], cli)).toBe(1);
    expect(cli.err).toContain('metrics/team/support.yaml holds this agent and differs from live; use --force');
    expect(await runCli(['pull', AGENT, '--force'], cli)).toBe(0);
    expect(cli.out).toContain('metrics/team/support.yaml (updated in place)');
    expect(readdirSync(`${ws.dir}/metrics`)).toEqual(['team']);
    const updated = readFileSync(`${ws.dir}/metrics/team/support.yaml`, 'utf8');
    expect(updated).toContain('# Owned by the support team.');
    expect(updated).toContain('# Exported to the CRM: do not rename.\n    - identifier: call_outcome');
    expect(updated).toContain('identifier: new_one');
    cli.out = '';
    expect(await runCli(['plan'], cli)).toBe(0);
    expect(cli.out).toContain('No changes.');
  });

  it('updating a JSON file adds $schema, as YAML gets its modeline; --format yaml on a JSON file is refused, not silently kept', async () => {
    emu = await startEmulator({
      versioning: 'v1',
      securityCheckMs: 0,
      seed: await loadSeedFile('examples/emulator-seed.json'),
    });
    const handWritten = `${JSON.stringify({ agentId: AGENT, postCallAnalyticsConfig: { dispositionMetrics: [] } }, null, 2)}\n`;
    ws = makeWorkspace({ 'metrics/support.json': handWritten });
    const cli = io(ws.dir);
    expect(await runCli(['pull', AGENT, '--format', 'yaml', '--force'], cli)).toBe(1);
    expect(cli.err).toContain(
      'metrics/support.json holds this agent in JSON; pull updates a file in its own format and does not convert it to YAML',
    );
    expect(readFileSync(`${ws.dir}/metrics/support.json`, 'utf8')).toBe(handWritten);
    expect(readdirSync(`${ws.dir}/metrics`)).toEqual(['support.json']);
    expect(await runCli(['pull', AGENT, '--force'], cli)).toBe(0);
    const updated = JSON.parse(readFileSync(`${ws.dir}/metrics/support.json`, 'utf8'));
    expect(Object.keys(updated)).toEqual(['$schema', 'agentId', 'postCallAnalyticsConfig']);
    expect(updated.$schema).toBe(
      'https://raw.githubusercontent.com/atoms-metrics/atoms-metrics/v0/schema/metrics.schema.json',
    );
    expect(await runCli(['pull', AGENT, '--format', 'json', '--force'], cli)).toBe(0);
  });
});

describe('pulled file names', () => {
  it('match the fileMatch the schema suggests to editors (SchemaStore entry)', () => {
    const entry = JSON.parse(readFileSync('schema/schemastore-catalog-entry.json', 'utf8'));
    const patterns: RegExp[] = entry.fileMatch.map(
      (glob: string) => new RegExp(`^${glob.replace(/\./g, '\\.').replace(/\*/g, '[^/]*')}$`),
    );
    const names = (['yaml', 'json'] as const).flatMap((format) => [
      fileNameFor(AGENT, 'Support Agent', format, new Set()),
      fileNameFor(AGENT, 'Support Agent', format, new Set([`support-agent.atoms-metrics.${format}`])),
      fileNameFor(AGENT, '', format, new Set()),
    ]);
    expect(names.slice(0, 2)).toEqual(['support-agent.atoms-metrics.yaml', 'support-agent-192a3b.atoms-metrics.yaml']);
    for (const name of names) expect([name, patterns.some((p) => p.test(name))]).toEqual([name, true]);
  });
});
