import { createBuiltInRegistry } from '@omniflow/flow-engine';
import type { CliIo } from './cliCommand.ts';

/** A `CliIo` for command tests: files (text or bytes) in memory (written ones land in `files`), output lines collected, built-in types. */
export function fakeCliIo(
  files: Record<string, string | Uint8Array>,
  input: string[],
): CliIo & { out: string[]; err: string[] } {
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
      const content = files[path];
      if (content === undefined) throw new Error('ENOENT');
      return typeof content === 'string' ? content : new TextDecoder().decode(content);
    },
    readBytes: async (path) => {
      const content = files[path];
      if (content === undefined) throw new Error('ENOENT');
      return typeof content === 'string' ? new TextEncoder().encode(content) : content;
    },
    writeFile: async (path, text) => {
      files[path] = text;
    },
    env: {},
    registry: async () => createBuiltInRegistry(),
  };
}
