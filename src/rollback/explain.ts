/** What a rollback's preview and outcome say besides the metrics' diff, as plain lines both renderers share. Pure. */
import { configsEqual } from '../config/canonical.js';
import type { RollbackResult } from '../versioning/model.js';

export interface ExplainOptions {
  /** How the reader asks for the whole revision: `--whole-revision` / `rollback-scope: whole`. */
  wholeFlag: string;
}

/** The sections other than the metrics, and what happens to them in this rollback's scope. */
export function explainOtherSections(result: RollbackResult, options: ExplainOptions): string[] {
  if (!result.to) return [];
  const target = result.to.name;
  if (result.otherSectionsUnknown !== undefined) {
    return [
      `Other sections: unknown (${result.otherSectionsUnknown}).`,
      result.scope === 'whole'
        ? `The whole of ${target} is restored: any other section that differs is reverted too.`
        : 'Only the metrics change; every other section stays as live has it.',
    ];
  }
  const sections = result.otherSections ?? [];
  if (sections.length === 0) return [`Other sections: none differ between live and ${target}.`];
  const list = sections.map((s) => `  ${s.section}: ${s.summary}`);
  if (result.scope === 'whole')
    return [`Other sections that differ (whole revision: these are reverted to ${target} too):`, ...list];
  return [
    `Other sections that differ (they stay as live has them; metrics-only is the default, ${options.wholeFlag} reverts them too):`,
    ...list,
  ];
}

/** Validation errors, breaking reasons (unless the metrics' diff shows them already), overrides used and the refusal, in that order. */
export function explainChecks(result: RollbackResult, options: { listBreaking: boolean }): string[] {
  const lines: string[] = [];
  if ((result.invalid ?? []).length > 0)
    lines.push(
      `The target's metrics are invalid under today's rules:`,
      ...(result.invalid ?? []).map((e) => `  - ${e}`),
    );
  if (options.listBreaking && (result.breaking ?? []).length > 0)
    lines.push(`Breaking for consumers of the metrics:`, ...(result.breaking ?? []).map((e) => `  - ${e}`));
  lines.push(...(result.warnings ?? []));
  if (result.refusal) lines.push(`Would be refused: ${result.refusal}`);
  return lines;
}

/** After a rollback went live: the repository's files no longer match live. */
export function explainRepository(result: RollbackResult): string | undefined {
  if (result.status !== 'rolled-back') return undefined;
  return `The metrics files in git now differ from live, and the next apply would publish them again. Either adopt live: \`atoms-metrics pull ${result.agentId} --force\` and merge that change, or revert the pull request that brought the change you rolled back.`;
}

/** What the scope does, in one line. */
export function describeScope(result: RollbackResult): string {
  const target = result.to?.name ?? 'the target';
  if (result.scope === 'metrics' && result.from && result.to && configsEqual(result.from.config, result.to.config)) {
    return `Scope: metrics only (the default). Live already holds the metrics of ${target}: nothing is published, and every other section stays as live has it.`;
  }
  return result.scope === 'whole'
    ? `Scope: whole revision. ${result.model === 'v2' ? `Restores ${target} as a new revision` : `Activates ${target}`}: the metrics and every other section go back.`
    : `Scope: metrics only (the default). Publishes the metrics of ${target} over live as a new ${result.model === 'v2' ? 'revision' : 'version'}; every other section stays as live has it.`;
}
