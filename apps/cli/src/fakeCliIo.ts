import { createBuiltInRegistry } from '@omniflow/flow-engine';
import type { CliIo } from './cliCommand.ts';

/** A `CliIo` for command tests: files in memory (written ones land in `files`), output lines collected, built-in types. */
export function fakeCliIo(files: Record<string, string>, input: string[]): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (line) => out.push(line),
    stderr: (line) => err.push(line),
    lines: async function* () {
      yield* input;
    },
    readFile: async (path) => {
      const text = files[path];
      if (text === undefined) throw new Error('ENOENT');
      return text;
    },
    writeFile: async (path, text) => {
      files[path] = text;
    },
    env: {},
    registry: async () => createBuiltInRegistry(),
  };
}
