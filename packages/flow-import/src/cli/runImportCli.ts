import { mkdir, writeFile } from 'node:fs/promises';
import type { NodeTypeCatalog } from '@omniflow/flow-schema';
import { runImportCommand } from './importCommand.ts';

/** What `omniflow import` takes from the `omniflow` CLI host (a structural subset of @omniflow/cli's `CliIo`). */
export interface ImportCliIo {
  stdout(line: string): void;
  stderr(line: string): void;
  readFile(path: string): Promise<string>;
  registry(): Promise<{ catalog(): NodeTypeCatalog }>;
}

/** `omniflow import …` on Node: files are written to disk (creating folders), the flow validated against the CLI registry. */
export async function runImportCli(args: readonly string[], io: ImportCliIo): Promise<number> {
  const registry = await io.registry();
  return runImportCommand(args, {
    catalog: registry.catalog(),
    readText: (path) => io.readFile(path),
    writeText: async (path, text) => {
      const folder = path.slice(0, Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')));
      if (folder !== '') await mkdir(folder, { recursive: true });
      await writeFile(path, text, 'utf8');
    },
    out: (line) => io.stdout(line),
    err: (line) => io.stderr(line),
  });
}
