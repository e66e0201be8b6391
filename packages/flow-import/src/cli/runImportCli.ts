import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import type { NodeTypeRegistry } from '@omniflow/flow-engine';
import { runImportCommand } from './importCommand.ts';

/** What `omniflow import` takes from the `omniflow` CLI host (a structural subset of @omniflow/cli's `CliIo`). */
export interface ImportCliIo {
  stdout(line: string): void;
  stderr(line: string): void;
  readFile(path: string): Promise<string>;
  registry(): Promise<NodeTypeRegistry>;
}

/** `omniflow import …` on Node: folders are read recursively, files written to disk (creating folders). */
export async function runImportCli(args: readonly string[], io: ImportCliIo): Promise<number> {
  return runImportCommand(args, {
    registry: await io.registry(),
    readText: (path) => io.readFile(path),
    writeText: async (path, text) => {
      const folder = path.slice(0, Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')));
      if (folder !== '') await mkdir(folder, { recursive: true });
      await writeFile(path, text, 'utf8');
    },
    listJsonFiles: async (path) => {
      const found = await stat(path).catch(() => undefined);
      if (found === undefined || !found.isDirectory()) return undefined;
      const entries = await readdir(path, { recursive: true, encoding: 'utf8' });
      const folder = path.replace(/[\\/]+$/, '');
      return entries.filter((entry) => entry.toLowerCase().endsWith('.json')).map((entry) => `${folder}/${entry}`);
    },
    out: (line) => io.stdout(line),
    err: (line) => io.stderr(line),
  });
}
