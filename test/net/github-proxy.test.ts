// GitHub through a real local proxy: the client over a CONNECT tunnel (https), the action itself with HTTP_PROXY
// (plain forwarding), and NO_PROXY going past it. github.test resolves only in the proxy's table.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GitHubClient } from '../../src/github/client.js';
import { createDispatcher } from '../../src/net/dispatcher.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { instantGitHubWaits } from '../support/github-timing.js';
import { startProxy, startTlsFront, TEST_CA, type TestProxy } from '../support/proxy.js';
import { runAction } from '../support/run-action.js';
import { makeWorkspace, type Workspace } from '../support/workspace.js';

let gh: FakeGitHub;
let proxy: TestProxy;
let ghPort: number;
let restoreGitHubWaits = () => {};

beforeEach(async () => {
  restoreGitHubWaits = instantGitHubWaits();
  gh = await startFakeGitHub();
  ghPort = Number(new URL(gh.url).port);
  proxy = await startProxy({ 'github.test': ghPort });
});
afterEach(async () => {
  restoreGitHubWaits();
  await proxy.close();
  await gh.close();
});

describe('GitHub API behind a proxy', () => {
  it('tunnels https through CONNECT, and the comment round-trips', async () => {
    const tls = await startTlsFront(ghPort);
    await proxy.close();
    proxy = await startProxy({ 'github.test': tls.port });
    try {
      const client = new GitHubClient('ghp_token', 'acme', 'voice', `https://github.test:${tls.port}`, {
        dispatcher: createDispatcher({ env: { HTTPS_PROXY: proxy.url }, ca: TEST_CA }),
      });
      await client.createComment(7, 'through the tunnel');
      expect((await client.listComments(7)).map((c) => c.body)).toEqual(['through the tunnel']);
      expect(proxy.hits).toEqual([{ kind: 'connect', target: `github.test:${tls.port}` }]);
    } finally {
      await tls.close();
    }
  });

  it('NO_PROXY sends GitHub past the proxy', async () => {
    const client = new GitHubClient('ghp_token', 'acme', 'voice', `http://github.test:${ghPort}`, {
      dispatcher: createDispatcher({ env: { HTTP_PROXY: proxy.url, NO_PROXY: 'github.test:' + ghPort } }),
    });
    await expect(client.listComments(7)).rejects.toThrow(/GitHub API: listing comments of #7 failed/);
    expect(proxy.hits).toEqual([]);
  });

  describe('the action on a pull request, with HTTP_PROXY in its environment', () => {
    let ws: Workspace;
    beforeEach(() => {
      ws = makeWorkspace({ 'metrics/support-agent.yaml': readFileSync('examples/metrics/support-agent.yaml', 'utf8') });
    });
    afterEach(() => ws.remove());

    it('comments through the proxy (GITHUB_API_URL on a GitHub Enterprise-style host)', async () => {
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
        }),
      );
      const result = await runAction(
        ws.dir,
        { 'github-token': 'ghs_actions_token', config: 'metrics/*.yaml' },
        {
          GITHUB_EVENT_NAME: 'pull_request',
          GITHUB_EVENT_PATH: event,
          GITHUB_REPOSITORY: 'acme/voice',
          GITHUB_API_URL: `http://github.test:${ghPort}`,
          HTTP_PROXY: proxy.url,
          NO_PROXY: 'example.org',
        },
      );
      expect(result.stdout).not.toContain('::warning::Could not write');
      expect(gh.comments.get(7)).toHaveLength(1);
      expect(proxy.hits.length).toBeGreaterThan(0);
      expect(
        proxy.hits.every((hit) => hit.kind === 'forward' && hit.target.startsWith(`http://github.test:${ghPort}/`)),
      ).toBe(true);
    });
  });
});
