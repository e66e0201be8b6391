import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { CliCommand, CliIo } from './cliCommand.ts';
import { importCommand } from './importCommand.ts';
import { loadCliRegistry } from './loadCliRegistry.ts';
import { simulateCommand } from './simulateCommand.ts';
import { validateCommand } from './validateCommand.ts';

/** The `omniflow` subcommands; a new one is added here. */
export const cliCommands: readonly CliCommand[] = [validateCommand, simulateCommand, importCommand];

/** Runs `omniflow <command> …` and answers the exit code. */
export async function runCli(argv: readonly string[], io: CliIo, commands: readonly CliCommand[] = cliCommands): Promise<number> {
  const [name, ...args] = argv;
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    io.stderr(`usage:\n${commands.map((candidate) => `  pnpm omniflow ${candidate.usage}`).join('\n')}`);
    return name === undefined || name === '--help' ? 0 : 2;
  }
  return command.run(args, io);
}

function processIo(): CliIo {
  let registry: ReturnType<typeof loadCliRegistry> | undefined;
  return {
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
    lines: () => createInterface({ input: process.stdin, crlfDelay: Infinity }),
    readFile: (path) => readFile(path, 'utf8'),
    env: process.env,
    registry: () => (registry ??= loadCliRegistry()),
  };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  runCli(process.argv.slice(2), processIo()).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`omniflow: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
