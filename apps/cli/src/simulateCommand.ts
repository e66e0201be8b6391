import { CHANNELS, type Channel } from '@omniflow/flow-schema';
import { compileFlow, FlowSession, type InputEvent } from '@omniflow/flow-engine';
import type { CliCommand } from './cliCommand.ts';
import { CONTACT_OPTION_KEYS, contactOptions } from './contactOptions.ts';
import { flowsByIdOf } from './flowsByIdOf.ts';
import { readJsonFile } from './readJsonFile.ts';

/**
 * `omniflow simulate <file> [subflow files…] --channel dtmf|voice|chat [--locale L] [--contact key=value…]`: runs the
 * first file (its subflows resolved among the other files) for a contact described by the `--contact` options
 * ({@link contactOptions}); one caller input per stdin line (an empty line is no input), every output event printed as
 * one JSON line, until the flow ends or stdin closes. Handler secrets come from environment variables of the same name.
 */
export const simulateCommand: CliCommand = {
  name: 'simulate',
  usage: `simulate <flow.json> [subflow.json…] --channel dtmf|voice|chat [--locale L] [--contact key=value…] (keys: ${CONTACT_OPTION_KEYS.join(', ')})`,
  async run(args, io) {
    const [file, ...subflowFiles] = args.filter(
      (arg, index) => !arg.startsWith('--') && !args[index - 1]?.startsWith('--'),
    );
    const channel = CHANNELS.find((name) => name === option(args, '--channel'));
    const locale = option(args, '--locale');
    if (!file || !channel) {
      io.stderr(`usage: omniflow ${this.usage}`);
      return 2;
    }
    const contact = contactOptions(args);
    if (!contact.ok) {
      io.stderr(`omniflow simulate: ${contact.error}`);
      return 2;
    }
    const json = await readJsonFile(file, io);
    if (!json.ok) return 1;
    const registry = await io.registry();
    const others = await Promise.all(subflowFiles.map((other) => readJsonFile(other, io)));
    const byId = flowsByIdOf(
      others.flatMap((other) => (other.ok ? [other.value] : [])),
      registry.catalog(),
    );
    const compiled = compileFlow(json.value, registry, { resolveFlow: (id) => byId.get(id) });
    if (!compiled.ok) {
      for (const issue of compiled.issues)
        io.stderr(`${issue.code} ${issue.severity} ${issue.pointer || '/'} ${issue.message}`);
      return 1;
    }
    const { session, turn } = await FlowSession.start(compiled.compiled, {
      sessionId: `cli-${Date.now().toString(36)}`,
      channel,
      ...(locale ? { locale } : {}),
      ...(contact.contact ? { contact: contact.contact } : {}),
      secrets: (name) => io.env[name],
    });
    for (const output of turn.outputs) io.stdout(JSON.stringify(output));
    if (session.status === 'ended') return 0;
    for await (const line of io.lines()) {
      const result = await session.send(toInput(line, channel));
      for (const output of result.outputs) io.stdout(JSON.stringify(output));
      if (result.status === 'ended') break;
    }
    return 0;
  },
};

function option(args: readonly string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

/** A stdin line as the channel's input: keys on DTMF, a transcript on voice, text on chat; empty is no input. */
export function toInput(line: string, channel: Channel): InputEvent {
  const text = line.trim();
  if (text === '') return { type: 'noInput' };
  switch (channel) {
    case 'dtmf':
      return { type: 'dtmf', digits: text };
    case 'voice':
      return { type: 'speech', transcript: text, confidence: 1 };
    case 'chat':
      return { type: 'text', text };
  }
}
