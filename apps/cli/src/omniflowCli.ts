import { analyzeCommand } from './analyzeCommand.ts';
import type { CliCommand, CliIo } from './cliCommand.ts';
import { importCommand } from './importCommand.ts';
import { recognizeCommand } from './recognizeCommand.ts';
import { simulateCommand } from './simulateCommand.ts';
import { testCommand } from './testCommand.ts';
import { validateCommand } from './validateCommand.ts';

/** The `omniflow` subcommands; a new one is added here. */
export const cliCommands: readonly CliCommand[] = [
  validateCommand,
  simulateCommand,
  importCommand,
  analyzeCommand,
  testCommand,
  recognizeCommand,
];

/** Runs `omniflow <command> …` and answers the exit code. */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  commands: readonly CliCommand[] = cliCommands,
): Promise<number> {
  const [name, ...args] = argv;
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    io.stderr(`usage:\n${commands.map((candidate) => `  pnpm omniflow ${candidate.usage}`).join('\n')}`);
    return name === undefined || name === '--help' ? 0 : 2;
  }
  return command.run(args, io);
}
