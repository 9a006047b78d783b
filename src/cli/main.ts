/** The CLI: parse argv, run one command, return its exit code. Failures become one clear line, never a stack trace. */
import { parseCliArgs } from './args.js';
import { guarded, printHelp, registerCliSecrets } from './guard.js';
import type { CliIo } from './io.js';
import { VERSION } from '../version.js';

/** Runs the CLI and returns the exit code (0 ok, 1 failed check, 2 usage). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const secrets = registerCliSecrets(io);
  return guarded(io, secrets, async () => {
    const parsed = parseCliArgs(argv, io.env);
    const command =
      parsed.kind === 'emulator-args' ? (await import('./emulator-args.js')).parseEmulatorArgs(parsed.args) : parsed;
    switch (command.kind) {
      case 'help':
        return printHelp(command.topic, io);
      case 'version':
        io.stdout(`atoms-metrics ${VERSION}\n`);
        return 0;
      case 'validate': {
        const { runValidateCommand } = await import('./validate-command.js');
        return await runValidateCommand(command, io);
      }
      case 'plan': {
        const { runPlanCommand } = await import('./plan-command.js');
        return await runPlanCommand(command, io);
      }
      case 'drift': {
        const { runDriftCommand } = await import('./drift-command.js');
        return await runDriftCommand(command, io);
      }
      case 'apply': {
        const { runApplyCommand } = await import('./apply-command.js');
        return await runApplyCommand(command, io);
      }
      case 'list': {
        const { runListCommand } = await import('./list-command.js');
        return await runListCommand(command, io);
      }
      case 'init': {
        const { runInitCommand } = await import('./init-command.js');
        return await runInitCommand(command, io);
      }
      case 'rules': {
        const { runRulesCommand } = await import('./rules-command.js');
        return runRulesCommand(command, io);
      }
      case 'demo': {
        const { runDemoCommand } = await import('./demo-command.js');
        return await runDemoCommand(io, { versioning: command.versioning });
      }
      case 'pull': {
        const { runPullCommand } = await import('./pull-command.js');
        return await runPullCommand(command, io);
      }
      case 'history': {
        const { runHistoryCommand } = await import('./history-command.js');
        return await runHistoryCommand(command, io);
      }
      case 'rollback': {
        const { runRollbackCommand } = await import('./rollback-command.js');
        return await runRollbackCommand(command, io);
      }
      case 'stats': {
        const { runStatsCommand } = await import('./stats-command.js');
        return await runStatsCommand(command, io);
      }
      case 'doctor': {
        const { runDoctorCommand } = await import('./doctor-command.js');
        return await runDoctorCommand(command, io);
      }
      case 'emulator': {
        const { runEmulatorCommand } = await import('./emulator-command.js');
        return await runEmulatorCommand(command, io);
      }
    }
  });
}
