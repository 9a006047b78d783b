// The API key must not reach any place a person reads, in any spelling, even when the API echoes it back.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { instantGitHubWaits } from '../support/github-timing.js';
import { findHeader } from '../../src/plan/marker.js';
import { startEchoAtoms, type EchoAtoms } from '../support/echo-atoms.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { runAction } from '../support/run-action.js';
import { makeWorkspace, type Workspace } from '../support/workspace.js';

const KEY = 'sk_live_Echo_Secret_42';
const TOKEN = 'ghs_actions_token_Echo_Token_99';
const AGENT = '65f1a2b3c4d5e6f708192a3b';
const BROKEN = '65f1a2b3c4d5e6f708192a3c';
let atoms: EchoAtoms;
let gh: FakeGitHub;
let ws: Workspace;
let restoreGitHubWaits = () => {};

beforeEach(async () => {
  restoreGitHubWaits = instantGitHubWaits();
  atoms = await startEchoAtoms();
  gh = await startFakeGitHub();
  ws = makeWorkspace({
    'metrics/a.yaml': `agentId: "${AGENT}"\npostCallAnalyticsConfig:\n  dispositionMetrics:\n    - identifier: call_resolved\n      dispositionMetricType: BOOLEAN\n      dispositionMetricPrompt: Was the customer's issue resolved during the call?\n`,
    'metrics/b.yaml': `agentId: "${BROKEN}"\npostCallAnalyticsConfig:\n  dispositionMetrics: []\n`,
  });
});
afterEach(async () => {
  restoreGitHubWaits();
  await atoms.close();
  await gh.close();
  ws.remove();
});

describe('a key the API echoes back', () => {
  it('is redacted before escaping or encoding, in the log, annotations, summary, comment, outputs and plan header', async () => {
    // The answer quotes the caller's key in an id, a prompt, an identifier, a choice and an error message.
    atoms.answers.set(AGENT, (key) => [
      200,
      {
        status: true,
        data: {
          _id: AGENT,
          name: `Agent of ${key}`,
          activeVersionId: key,
          _resolvedConfig: {
            postCallAnalyticsConfig: {
              dispositionMetrics: [
                {
                  identifier: 'call_resolved',
                  dispositionMetricType: 'BOOLEAN',
                  dispositionMetricPrompt: `Was the customer's issue resolved during the call? (${key})`,
                },
                {
                  identifier: key,
                  dispositionMetricType: 'ENUM',
                  dispositionMetricPrompt: `Which key? ${key}`,
                  choices: [key, 'other'],
                },
              ],
            },
          },
        },
      },
    ]);
    atoms.answers.set(BROKEN, (key) => [400, { status: false, errors: [`invalid request from ${key}`] }]);
    const event = join(ws.dir, '.event.json');
    writeFileSync(
      event,
      JSON.stringify({
        pull_request: {
          number: 7,
          labels: [],
          head: { repo: { full_name: 'acme/voice' } },
          base: { repo: { full_name: 'acme/voice' } },
        },
        repository: { default_branch: 'main' },
      }),
    );
    const result = await runAction(
      ws.dir,
      {
        'api-key': KEY,
        'api-url': atoms.url,
        'github-token': TOKEN,
        config: 'metrics/*.yaml',
        'max-requests-per-second': '0',
        versioning: 'v1',
      },
      {
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: event,
        GITHUB_REPOSITORY: 'acme/voice',
        GITHUB_API_URL: gh.url,
        GITHUB_WORKFLOW: 'metrics',
        GITHUB_JOB: 'plan',
      },
    );
    const comment = gh.comments.get(7)?.[0]?.body ?? '';
    expect(comment).toContain('➖ `***`');
    const header = findHeader(comment);
    expect(header?.agents.find((a) => a.agentId === AGENT)?.liveVersionId).toBe('***');
    const log = result.stdout
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n');
    const everything = [log, result.summary, JSON.stringify(result.outputs), comment, JSON.stringify(header)].join(
      '\n',
    );
    // Any spelling: verbatim, markdown-escaped (sk\_live\_…), or with zero-width characters between its parts.
    expect(everything).not.toMatch(/Echo[^A-Za-z0-9]{0,4}(Secret|Token)/);
    expect(everything).toContain('***');
    expect(result.failed).toBe(true);
  });

  it('is redacted in every CLI output format: text, markdown and JSON', async () => {
    atoms.answers.set(AGENT, (key) => [
      200,
      {
        status: true,
        data: {
          _id: AGENT,
          name: 'x',
          activeVersionId: key,
          _resolvedConfig: {
            postCallAnalyticsConfig: {
              dispositionMetrics: [
                { identifier: key, dispositionMetricType: 'STRING', dispositionMetricPrompt: `Echo ${key}` },
              ],
            },
          },
        },
      },
    ]);
    atoms.answers.set(BROKEN, (key) => [400, { status: false, errors: [`invalid request from ${key}`] }]);
    for (const format of ['text', 'markdown', 'json']) {
      const state = { out: '', err: '' };
      await runCli(['plan', '--format', format], {
        cwd: ws.dir,
        env: { SMALLEST_API_KEY: KEY, ATOMS_API_URL: atoms.url, ATOMS_VERSIONING: 'v1' },
        isTTY: false,
        stdout: (t) => void (state.out += t),
        stderr: (t) => void (state.err += t),
      });
      expect(state.out).toContain('***');
      expect(state.out + state.err).not.toMatch(/Echo[^A-Za-z0-9]{0,4}Secret/);
    }
  });
});
