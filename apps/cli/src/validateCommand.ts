import { validateFlow } from '@omniflow/flow-schema';
import type { CliCommand } from './cliCommand.ts';
import { readJsonFile } from './readJsonFile.ts';

/** `omniflow validate <file>`: prints one problem per line (`CODE severity pointer message`); exit 1 on errors. */
export const validateCommand: CliCommand = {
  name: 'validate',
  usage: 'validate <flow.json>',
  async run(args, io) {
    const [file] = args;
    if (!file) {
      io.stderr(`usage: omniflow ${this.usage}`);
      return 2;
    }
    const json = await readJsonFile(file, io);
    if (!json.ok) return 1;
    const result = validateFlow(json.value, (await io.registry()).catalog());
    for (const issue of result.issues)
      io.stdout(`${issue.code} ${issue.severity} ${issue.pointer || '/'} ${issue.message}`);
    if (result.ok)
      io.stderr(`${file}: valid${result.issues.length > 0 ? ` with ${result.issues.length} warning(s)` : ''}`);
    return result.ok ? 0 : 1;
  },
};
