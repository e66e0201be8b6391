import { runImportCli } from '@omniflow/flow-import/cli';
import type { CliCommand } from './cliCommand.ts';

/** `omniflow import <export.json|folder>…`: converts Amazon Connect or Twilio Studio exports, together, with @omniflow/flow-import. */
export const importCommand: CliCommand = {
  name: 'import',
  usage:
    'import <export.json|folder>… [--from connect|twilio] [--locale en-US] [--out flow.json | --out-dir dir] [--report report.json]',
  run: (args, io) => runImportCli(args, io),
};
