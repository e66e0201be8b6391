import { runImportCli } from '@omniflow/flow-import/cli';
import type { CliCommand } from './cliCommand.ts';

/** `omniflow import <export.json>`: converts an Amazon Connect or Twilio Studio export with @omniflow/flow-import. */
export const importCommand: CliCommand = {
  name: 'import',
  usage: 'import <export.json> [--from connect|twilio] [--locale en-US] [--out flow.json] [--report report.json]',
  run: (args, io) => runImportCli(args, io),
};
