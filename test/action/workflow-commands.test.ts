// The validate path's own workflow commands write exactly what @actions/core writes for the same call.
import * as core from '@actions/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkflowCommands, type AnnotationProperties } from '../../src/action/workflow-commands.js';

/** What @actions/core writes to process.stdout for `call`. */
function coreWrites(call: () => void): string {
  let text = '';
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
    return true;
  }) as typeof process.stdout.write;
  try {
    call();
  } finally {
    process.stdout.write = write;
  }
  return text;
}

describe('workflow commands', () => {
  const savedExitCode = process.exitCode;
  afterEach(() => void (process.exitCode = savedExitCode));

  const properties: AnnotationProperties[] = [
    {},
    { file: 'metrics/a,b:c.yaml', startLine: 10, startColumn: 30, title: 'atoms-metrics: metric-type' },
    { file: 'x.yaml', startLine: 0, endLine: 4, endColumn: 2, title: '' },
  ];
  it.each(properties)('annotations with %o are the lines @actions/core writes', (props) => {
    let ours = '';
    const commands = createWorkflowCommands((text) => void (ours += text));
    const message = 'unknown metric type "NUMBER"\r\n100% sure: a::b';
    commands.error(message, props);
    commands.warning(message, props);
    expect(ours).toBe(coreWrites(() => (core.error(message, props), core.warning(message, props))));
  });

  it('info, add-mask and setFailed are the lines @actions/core writes, and setFailed sets exit code 1', () => {
    let ours = '';
    const commands = createWorkflowCommands((text) => void (ours += text));
    commands.info('Validated 1 file — ok.');
    commands.setSecret('sk_secret%value');
    process.exitCode = undefined;
    commands.setFailed('Metrics files are invalid:\n2 errors');
    expect(process.exitCode).toBe(1);
    process.exitCode = undefined;
    expect(ours).toBe(
      coreWrites(
        () => (
          core.info('Validated 1 file — ok.'),
          core.setSecret('sk_secret%value'),
          core.setFailed('Metrics files are invalid:\n2 errors')
        ),
      ),
    );
    expect(process.exitCode).toBe(1);
  });
});

describe('step outputs', () => {
  it('are written to GITHUB_OUTPUT as @actions/core writes them (delimiters aside), and refuse the delimiter', async () => {
    const { mkdtempSync, readFileSync, rmSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { setOutput, formatOutputEntry } = await import('../../src/action/outputs.js');
    const dir = mkdtempSync(join(tmpdir(), 'atoms-outputs-'));
    const saved = process.env.GITHUB_OUTPUT;
    try {
      const written = (file: string, call: () => void) => {
        writeFileSync(join(dir, file), '');
        process.env.GITHUB_OUTPUT = join(dir, file);
        call();
        return readFileSync(join(dir, file), 'utf8').replace(/ghadelimiter_[0-9a-f-]+/g, 'DELIMITER');
      };
      const value = '{"changed":true,\n"note":"100%: a::b"}';
      expect(written('ours', () => setOutput('plan', value))).toBe(
        written('core', () => core.setOutput('plan', value)),
      );
      expect(() => formatOutputEntry('plan', 'x ghadelimiter_1 y', 'ghadelimiter_1')).toThrow(
        'should not contain the delimiter',
      );
    } finally {
      if (saved === undefined) delete process.env.GITHUB_OUTPUT;
      else process.env.GITHUB_OUTPUT = saved;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
