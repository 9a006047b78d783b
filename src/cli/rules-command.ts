/** `atoms-metrics rules`: every lint rule and error id with one line each. */
import { buildRulesReference, renderRulesMarkdown, renderRulesText } from '../report/rules-reference.js';
import type { CliIo } from './io.js';

export function runRulesCommand(command: { format: 'text' | 'json' | 'markdown' }, io: CliIo): number {
  const reference = buildRulesReference();
  if (command.format === 'json') io.stdout(`${JSON.stringify(reference, null, 2)}\n`);
  else if (command.format === 'markdown') io.stdout(renderRulesMarkdown(reference));
  else io.stdout(renderRulesText(reference));
  return 0;
}
