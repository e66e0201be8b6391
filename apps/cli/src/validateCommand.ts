import { isRecord, validateFlow } from '@omniflow/flow-schema';
import type { CliCommand } from './cliCommand.ts';
import { readJsonFile } from './readJsonFile.ts';

/**
 * `omniflow validate <flow.json>…`: prints one problem per line (`CODE severity pointer message`, prefixed with the
 * file when there are several); exit 1 on errors. A subflow must call one of the flows named, as `simulate` and
 * `test` resolve subflows among them and the runtime among its published flows (#15).
 */
export const validateCommand: CliCommand = {
  name: 'validate',
  usage: 'validate <flow.json>…',
  async run(args, io) {
    if (args.length === 0) {
      io.stderr(`usage: omniflow ${this.usage}`);
      return 2;
    }
    const documents = await Promise.all(args.map(async (file) => ({ file, json: await readJsonFile(file, io) })));
    const knownFlowIds = new Set(
      documents.flatMap(({ json }) =>
        json.ok && isRecord(json.value) && typeof json.value['id'] === 'string' ? [json.value['id']] : [],
      ),
    );
    const catalog = (await io.registry()).catalog();
    let failed = false;
    for (const { file, json } of documents) {
      if (!json.ok) {
        failed = true;
        continue;
      }
      const result = validateFlow(json.value, catalog, { knownFlowIds });
      const prefix = args.length > 1 ? `${file}: ` : '';
      for (const issue of result.issues)
        io.stdout(`${prefix}${issue.code} ${issue.severity} ${issue.pointer || '/'} ${issue.message}`);
      if (result.ok)
        io.stderr(`${file}: valid${result.issues.length > 0 ? ` with ${result.issues.length} warning(s)` : ''}`);
      failed ||= !result.ok;
    }
    return failed ? 1 : 0;
  },
};
