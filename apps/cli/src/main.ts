import { readFile, writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { CliIo } from './cliCommand.ts';
import { loadCliRegistry } from './loadCliRegistry.ts';
import { runCli } from './omniflowCli.ts';

/** The process's own streams, files and environment as the commands' I/O; the registry loads on first use. */
function processIo(): CliIo {
  let registry: ReturnType<typeof loadCliRegistry> | undefined;
  const stderr = (line: string): void => void process.stderr.write(`${line}\n`);
  return {
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr,
    lines: () => createInterface({ input: process.stdin, crlfDelay: Infinity }),
    readFile: (path) => readFile(path, 'utf8'),
    readBytes: (path) => readFile(path),
    writeFile: (path, text) => writeFile(path, text, 'utf8'),
    env: process.env,
    registry: () => (registry ??= loadCliRegistry(process.env, stderr)),
  };
}

runCli(process.argv.slice(2), processIo()).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`omniflow: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
