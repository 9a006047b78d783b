// A throwaway workspace directory with files, for tests that read real files.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface Workspace {
  dir: string;
  write(path: string, text: string): string;
  remove(): void;
}

export function makeWorkspace(files: Record<string, string> = {}): Workspace {
  const dir = mkdtempSync(join(tmpdir(), 'atoms-metrics-test-'));
  const write = (path: string, text: string) => {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
    return full;
  };
  for (const [path, text] of Object.entries(files)) write(path, text);
  return { dir, write, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export const VALID_YAML = `agentId: "65f1a2b3c4d5e6f708192a3b"
postCallAnalyticsConfig:
  dispositionMetrics:
    - identifier: call_resolved
      dispositionMetricType: BOOLEAN
      dispositionMetricPrompt: Was the customer's issue resolved during the call?
`;
