import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CliCommand } from './cliCommand.ts';

const importerPath = fileURLToPath(new URL('../../../flow-import/src/cli/runImportCli.ts', import.meta.url));

/**
 * `omniflow import <export.json>`: converts an Amazon Connect or Twilio Studio export with @omniflow/flow-import,
 * loaded by path so the engine package keeps no dependency on its own consumers.
 */
export const importCommand: CliCommand = {
  name: 'import',
  usage: 'import <export.json> [--from connect|twilio] [--locale en-US] [--out flow.json] [--report report.json]',
  async run(args, io) {
    if (!existsSync(importerPath)) {
      io.stderr('omniflow import needs packages/flow-import in this checkout');
      return 1;
    }
    const loaded: unknown = await import(pathToFileURL(importerPath).href);
    const run = typeof loaded === 'object' && loaded !== null && 'runImportCli' in loaded ? loaded.runImportCli : undefined;
    if (typeof run !== 'function') {
      io.stderr('omniflow import: packages/flow-import does not export runImportCli');
      return 1;
    }
    const code: unknown = await run(args, io);
    return typeof code === 'number' ? code : 1;
  },
};
