import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHANNELS, validateFlow, type FlowDocument } from '@omniflow/flow-schema';
import { compileFlow, createBuiltInRegistry, FlowSession, type OutputEvent } from '@omniflow/flow-engine';
import { startTestSession } from '@omniflow/flow-engine/testing';
import { SHARED_FIXTURES_DIR, sharedFixtureFiles } from './foreignFixtures.ts';
import { importFlows } from './importFlows.ts';

// What a caller meets first: a prompt to answer, or a clean end or transfer; never an error.
function firstTurnIsClean(outputs: readonly OutputEvent[]): boolean {
  const last = outputs.at(-1);
  if (outputs.some((output) => output.type === 'end' && output.reason === 'error')) return false;
  return last?.type === 'prompt' || last?.type === 'transfer' || last?.type === 'end';
}

/** Every JSON file under shared/fixtures, imported folder by folder (a folder is one batch, as `omniflow import dir/`). */
function importedFixtureFlows(): { file: string; flow: FlowDocument; batch: FlowDocument[] }[] {
  const byFolder = new Map<string, string[]>();
  for (const file of sharedFixtureFiles()) {
    const folder = file.slice(0, file.lastIndexOf('/'));
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), file]);
  }
  return [...byFolder.values()].flatMap((files) => {
    const sources = files.flatMap((file) => {
      try {
        return [{ name: file, json: JSON.parse(readFileSync(`${SHARED_FIXTURES_DIR}/${file}`, 'utf8')) as unknown }];
      } catch {
        return []; // Not JSON: not a flow export, so nothing for this test to run.
      }
    });
    const batch = importFlows(sources);
    const flows = batch.flows.map((imported) => imported.flow);
    return batch.flows.map((imported) => ({ file: imported.source, flow: imported.flow, batch: flows }));
  });
}

describe('every shared fixture that imports and validates also compiles and starts (#15)', () => {
  const imported = importedFixtureFlows();

  it('finds the foreign flows', () => {
    expect(imported.map(({ file }) => file)).toEqual(
      expect.arrayContaining([
        'foreign-flows/amazon-connect/bankid-auth.json',
        'foreign-flows/twilio-studio/schedule-check-ivr.json',
      ]),
    );
  });

  it.each(imported.map(({ file, flow, batch }) => [file, flow, batch] as const))(
    '%s starts in dtmf, voice and chat with a first prompt or a clean end',
    async (_file, flow, batch) => {
      const registry = createBuiltInRegistry();
      // Validated as `omniflow validate` does, without knowing which flows exist: what passes must compile.
      const validation = validateFlow(flow, registry.catalog());
      if (!validation.ok) return; // importedFlowsRun.test.ts holds every foreign fixture to validating
      const compiled = compileFlow(flow, registry, { resolveFlow: (id) => batch.find((f) => f.id === id) });
      expect(compiled.ok ? [] : compiled.issues.map((issue) => `${issue.code} ${issue.message}`)).toEqual([]);
      if (!compiled.ok) return;
      for (const channel of CHANNELS) {
        const { turn } = await FlowSession.start(compiled.compiled, { sessionId: `${flow.id}-${channel}`, channel });
        expect([channel, turn.outputs.map((output) => output.type)]).toEqual([channel, expect.anything()]);
        expect([channel, firstTurnIsClean(turn.outputs)]).toEqual([channel, true]);
      }
    },
  );
});

describe('a held-out Twilio Studio export with run-subflow, imported alone (#15)', () => {
  const studio = {
    description: 'Front desk',
    initial_state: 'Trigger',
    flags: {},
    states: [
      { name: 'Trigger', type: 'trigger', properties: {}, transitions: [{ event: 'incomingCall', next: 'survey' }] },
      {
        name: 'survey',
        type: 'run-subflow',
        properties: { flow_sid: 'FWa1b2c3', parameters: [{ key: 'caller', value: '{{trigger.call.From}}' }] },
        transitions: [
          { event: 'completed', next: 'thanks' },
          { event: 'failed', next: 'sorry' },
        ],
      },
      { name: 'thanks', type: 'say-play', properties: { say: 'Thanks!' }, transitions: [{ event: 'audioComplete' }] },
      { name: 'sorry', type: 'say-play', properties: { say: 'Sorry.' }, transitions: [{ event: 'audioComplete' }] },
    ],
  };

  it.each(CHANNELS)('validates, compiles and runs in %s, saying which flow is missing', async (channel) => {
    const [only] = importFlows([{ name: 'front-desk.json', json: studio }]).flows;
    expect(validateFlow(only?.flow, createBuiltInRegistry().catalog()).ok).toBe(true);
    await startTestSession(only?.flow, channel)
      .expectPrompt(/ran the flow "FWa1b2c3", which was not imported/)
      .expectPrompt(/Sorry\./)
      .expectEnd();
  });
});

describe('a held-out Connect flow that branches on $.Channel (#15)', () => {
  const branching = {
    Version: '2019-10-30',
    StartAction: 'which',
    Metadata: { name: 'Channel check', ActionMetadata: {} },
    Actions: [
      {
        Identifier: 'which',
        Type: 'Compare',
        Parameters: { ComparisonValue: '$.Channel' },
        Transitions: {
          NextAction: 'other',
          Conditions: [
            { NextAction: 'voice', Condition: { Operator: 'Equals', Operands: ['VOICE'] } },
            { NextAction: 'chat', Condition: { Operator: 'Equals', Operands: ['CHAT'] } },
          ],
          Errors: [{ NextAction: 'other', ErrorType: 'NoMatchingCondition' }],
        },
      },
      msg('voice', 'Thanks for calling from $.CustomerEndpoint.Address.'),
      msg('chat', 'Thanks for chatting.'),
      msg('other', 'Unknown channel.'),
      { Identifier: 'bye', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} },
    ],
  };

  function msg(id: string, text: string): object {
    return {
      Identifier: id,
      Type: 'MessageParticipant',
      Parameters: { Text: text },
      Transitions: { NextAction: 'bye' },
    };
  }

  const batch = importFlows([{ name: 'channel-check.json', json: branching }]);
  const [only] = batch.flows;

  it('takes the chat branch in chat', async () => {
    await startTestSession(only?.flow, 'chat')
      .expectPrompt(/Thanks for chatting/)
      .expectNoPrompt(/calling/)
      .expectEnd();
  });

  it.each(['dtmf', 'voice'] as const)('takes the voice branch in %s', async (channel) => {
    await startTestSession(only?.flow, channel)
      .expectPrompt(/Thanks for calling from/)
      .expectNoPrompt(/chatting/)
      .expectEnd();
  });

  it('says in the report what was translated', () => {
    expect(only?.report.filter((item) => item.sourceRef === 'which').map((item) => item.message)).toEqual([
      expect.stringMatching(/\$\.Channel became the read-only system variable contact\.channel/),
      `$.Channel Equals "VOICE" was translated to contact.channel != 'chat'.`,
      `$.Channel Equals "CHAT" was translated to contact.channel == 'chat'.`,
    ]);
  });
});
