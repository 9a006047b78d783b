// The Atoms client through a real local proxy: https through a CONNECT tunnel, http forwarded in plain form, and
// NO_PROXY sending a request past the proxy. The host names exist only in the proxy's table.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AtomsClient } from '../../src/atoms/client.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { createDispatcher } from '../../src/net/dispatcher.js';
import { startProxy, startTlsFront, TEST_CA, type TestProxy } from '../support/proxy.js';

const AGENT = '65f1a2b3c4d5e6f708192a3b';
let emu: RunningEmulator;
let proxy: TestProxy;
let tls: { port: number; close(): Promise<void> };
let emulatorPort: number;

beforeEach(async () => {
  emu = await startEmulator({
    versioning: 'v2',
    securityCheckMs: 0,
    seed: { agents: [{ _id: AGENT, versions: [{ postCallAnalyticsConfig: { dispositionMetrics: [] } }] }] },
  });
  emulatorPort = Number(new URL(emu.url).port);
  tls = await startTlsFront(emulatorPort);
  proxy = await startProxy({ 'atoms.test': emulatorPort });
});
afterEach(async () => {
  await proxy.close();
  await tls.close();
  await emu.close();
});

const client = (baseUrl: string, env: NodeJS.ProcessEnv) =>
  new AtomsClient({
    apiKey: emu.apiKey,
    baseUrl,
    dispatcher: createDispatcher({ env, ca: TEST_CA }),
    sleep: async () => {},
  });

describe('Atoms API behind a proxy', () => {
  it('tunnels https through CONNECT (HTTPS_PROXY)', async () => {
    // The tunnel ends at the TLS front, so the proxy maps atoms.test:<tls port> there.
    await proxy.close();
    proxy = await startProxy({ 'atoms.test': tls.port });
    const branches = await client(`https://atoms.test:${tls.port}/atoms/v1`, {
      HTTPS_PROXY: proxy.url,
    }).branches.listBranches(AGENT);
    expect(branches.length).toBeGreaterThan(0);
    expect(proxy.hits).toEqual([{ kind: 'connect', target: `atoms.test:${tls.port}` }]);
    expect(emu.requests.length).toBe(1);
  });

  it('forwards plain http (http_proxy, lower case) and reuses one connection', async () => {
    const api = client(`http://atoms.test:${emulatorPort}/atoms/v1`, { http_proxy: proxy.url });
    await api.branches.listBranches(AGENT);
    await api.getAgent(AGENT);
    expect(proxy.hits.map((hit) => hit.kind)).toEqual(['forward', 'forward']);
    expect(proxy.hits[0]?.target).toBe(`http://atoms.test:${emulatorPort}/atoms/v1/agent/${AGENT}/branches`);
  });

  it('goes past the proxy for a NO_PROXY host, and never proxies loopback', async () => {
    const bypassed = client(`http://atoms.test:${emulatorPort}/atoms/v1`, {
      HTTP_PROXY: proxy.url,
      NO_PROXY: 'example.org,.test',
    });
    // atoms.test resolves nowhere without the proxy: the failure proves the request did not go through it.
    await expect(bypassed.getAgent(AGENT)).rejects.toThrow(/Could not reach the Atoms API at http:\/\/atoms\.test/);
    await client(emu.url, { HTTP_PROXY: proxy.url }).getAgent(AGENT);
    expect(proxy.hits).toEqual([]);
  });
});
