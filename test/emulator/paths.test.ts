// Raw request paths, sent with node:http so nothing normalises them first (fetch resolves `%2e%2e` itself).
import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';

const AGENT = '65f1a2b3c4d5e6f708192a3b';
let emu: RunningEmulator;

function raw(method: string, path: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: emu.port,
        method,
        path: path.startsWith('http') ? path : `/atoms/v1${path}`,
        headers: { authorization: `Bearer ${emu.apiKey}` },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

beforeEach(async () => {
  emu = await startEmulator({
    versioning: 'v1',
    securityCheckMs: 0,
    seed: { agents: [{ _id: AGENT, versions: [{ isActive: true }] }] },
  });
});
afterEach(() => emu.close());

describe('request paths, as Express sees them', () => {
  it('never resolves dot segments: %2e%2e is an id, not a way up the path', async () => {
    const archive = await raw('DELETE', `/agent/${AGENT}/versions/%2e%2e/archive`);
    expect(archive.status).toBe(404);
    expect((await raw('GET', `/agent/${AGENT}`)).status).toBe(200);
    const draft = await raw('GET', `/agent/${AGENT}/drafts/%2e%2e`);
    expect(draft.status).toBe(404);
    expect(draft.text).toContain('Agent or draft not found');
    expect((await raw('GET', `/agent/${AGENT}/versions/..`)).status).toBe(400);
  });

  it('answers a malformed escape with 400, not a 500', async () => {
    for (const path of ['/agent/%ZZ', `/agent/${AGENT}/versions/%E0%A4%A`]) {
      const answer = await raw('GET', path);
      expect([path, answer.status]).toEqual([path, 400]);
      expect(JSON.parse(answer.text).status).toBe(false);
    }
  });

  it('takes an absolute-form request line (as through a proxy) like any other', async () => {
    const answer = await raw('GET', `http://127.0.0.1:${emu.port}/atoms/v1/agent/${AGENT}`);
    expect(answer.status).toBe(200);
  });
});
