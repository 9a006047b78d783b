// `atoms-metrics demo` reads the examples that ship with the package, so it runs from any directory.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { recordingIo } from '../support/cli-io.js';
import { makeWorkspace } from '../support/workspace.js';

describe('atoms-metrics demo', () => {
  it('runs from an empty directory and names the example files as the package holds them', async () => {
    const ws = makeWorkspace({});
    try {
      const io = recordingIo(ws.dir);
      expect(await runCli(['demo', '--versioning', 'v1'], io), io.err).toBe(0);
      expect(io.out).toContain('examples/metrics/support-agent.yaml');
      expect(io.out).toContain(
        'Demo finished: one new version, activated after its security check passed; nothing left to change.',
      );
    } finally {
      ws.remove();
    }
  }, 30_000);
});
