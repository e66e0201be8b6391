import { describe, expect, it } from 'vitest';
import { validateFlow, type FlowDocument } from '@omniflow/flow-schema';
import { compileFlow, createBuiltInRegistry } from '@omniflow/flow-engine';
import { startTestSession } from '@omniflow/flow-engine/testing';
import { checkImportedFlow } from './checkImportedFlow.ts';
import { foreignFixtureFiles, readForeignFixture } from './foreignFixtures.ts';
import { damage, nodeOf, portsOf, promptText, random } from './flowTestHelpers.ts';
import { importFlows, type ImportBatch } from './importFlows.ts';

/** A small Amazon Connect export: actions in order, the first one starts. */
function connectFlow(name: string, actions: object[]): object {
  const first = actions[0];
  return {
    Version: '2019-10-30',
    StartAction: first !== undefined && 'Identifier' in first ? first.Identifier : '',
    Metadata: { name, ActionMetadata: {} },
    Actions: actions,
  };
}

function say(id: string, text: string, next: string): object {
  return { Identifier: id, Type: 'MessageParticipant', Parameters: { Text: text }, Transitions: { NextAction: next } };
}

function transferToFlow(id: string, flowName: string): object {
  return {
    Identifier: id,
    Type: 'TransferToFlow',
    Parameters: { ContactFlowId: `arn:aws:connect:eu-west-1:1:instance/i/contact-flow/${flowName.length}` },
    Transitions: { Errors: [] },
  };
}

const end = { Identifier: 'end', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} };

/** A Connect export whose TransferToFlow names `target` the way the Connect designer does (metadata display name). */
function connectCalling(name: string, before: object[], transferId: string, target: string): object {
  const doc = connectFlow(name, [...before, transferToFlow(transferId, target)]);
  Reflect.set(Reflect.get(doc, 'Metadata').ActionMetadata, transferId, {
    parameters: { ContactFlowId: { displayName: target } },
  });
  return doc;
}

function flowOf(batch: ImportBatch, id: string): FlowDocument {
  const found = batch.flows.find((flow) => flow.flow.id === id);
  if (found === undefined) throw new Error(`no flow "${id}" among ${batch.flows.map((f) => f.flow.id).join(', ')}`);
  return found.flow;
}

function resolverOf(batch: ImportBatch): (id: string) => FlowDocument | undefined {
  return (id) => batch.flows.find((flow) => flow.flow.id === id)?.flow;
}

/** Every flow of the batch validates (knowing the batch's flow ids) and compiles with the batch as its subflows. */
function expectAllCompile(batch: ImportBatch): void {
  const registry = createBuiltInRegistry();
  const knownFlowIds = new Set(batch.flows.map((flow) => flow.flow.id));
  for (const { flow } of batch.flows) {
    const validation = validateFlow(flow, registry.catalog(), { knownFlowIds });
    expect([flow.id, validation.ok ? [] : validation.issues]).toEqual([flow.id, []]);
    const compiled = compileFlow(flow, registry, { resolveFlow: resolverOf(batch) });
    expect([flow.id, compiled.ok ? [] : compiled.issues.map((issue) => issue.message)]).toEqual([flow.id, []]);
  }
}

describe('importFlows: several exports at once (#15)', () => {
  const billing = connectFlow('Billing', [say('hello', 'Billing here, your tier is $.Attributes.tier.', 'end'), end]);
  const main = connectCalling(
    'Main menu',
    [
      {
        Identifier: 'tier',
        Type: 'UpdateContactAttributes',
        Parameters: { Attributes: { tier: 'gold' } },
        Transitions: { NextAction: 'go' },
      },
    ],
    'go',
    'Billing',
  );

  it('turns a TransferToFlow between imported files into a subflow node that passes the written attributes', async () => {
    const batch = importFlows([
      { name: 'exports/main.json', json: main },
      { name: 'exports/billing.json', json: billing },
    ]);
    expect(batch.failures).toEqual([]);
    const parent = flowOf(batch, 'main');
    expect(nodeOf(parent, 'go')).toMatchObject({
      type: 'subflow',
      config: { flowId: 'billing', inputs: { tier: 'tier' } },
    });
    expect(nodeOf(parent, portsOf(parent, 'go')['next'] ?? '').type).toBe('end');
    expect(batch.publishOrder).toEqual(['billing', 'main']);
    expect(batch.flows.find((flow) => flow.flow.id === 'main')?.calls).toEqual(['billing']);
    expectAllCompile(batch);
    // The child reads the attribute the caller wrote, as after a Connect transfer; alone it reads the contact's own.
    for (const channel of ['dtmf', 'voice', 'chat'] as const)
      await startTestSession(parent, channel, { resolveFlow: resolverOf(batch) })
        .expectPrompt(/Billing here, your tier is gold\./)
        .expectEnd();
    expect(promptText(nodeOf(flowOf(batch, 'billing'), 'hello'))).toBe('Billing here, your tier is {{tier}}.');
  });

  it('makes a reference to a flow that was not imported a runnable placeholder named in the report', async () => {
    const batch = importFlows([{ name: 'main.json', json: main }]);
    const parent = flowOf(batch, 'main');
    expect(nodeOf(parent, 'go')).toMatchObject({ type: 'transfer', config: { queue: 'Billing' } });
    expect(batch.flows[0]?.report).toContainEqual(
      expect.objectContaining({
        severity: 'unsupported',
        sourceRef: 'go',
        message: expect.stringMatching(/"Billing" was not among the imported files/),
      }),
    );
    expectAllCompile(batch);
    await startTestSession(parent, 'chat')
      .expectPrompt(/continued in the flow "Billing", which was not imported/)
      .expectTransfer('Billing');
  });

  it('breaks a cycle between flows at the call that loops back, and says so', async () => {
    const a = connectCalling('A', [say('a_hi', 'In A.', 'to_b')], 'to_b', 'B');
    const b = connectCalling('B', [say('b_hi', 'In B.', 'to_a')], 'to_a', 'A');
    const batch = importFlows([
      { name: 'a.json', json: a },
      { name: 'b.json', json: b },
    ]);
    expect(nodeOf(flowOf(batch, 'a'), 'to_b')).toMatchObject({ type: 'subflow', config: { flowId: 'b' } });
    expect(nodeOf(flowOf(batch, 'b'), 'to_a').type).toBe('transfer');
    expect(batch.flows[1]?.report).toContainEqual(
      expect.objectContaining({ sourceRef: 'to_a', message: expect.stringMatching(/would loop \(a → b → a\)/) }),
    );
    expect(batch.publishOrder).toEqual(['b', 'a']);
    expectAllCompile(batch);
    await startTestSession(flowOf(batch, 'a'), 'dtmf', { resolveFlow: resolverOf(batch) })
      .expectPrompt(/In A\./)
      .expectPrompt(/In B\./)
      .expectTransfer('A');
  });

  it('a flow that transfers to itself gets a placeholder, never a subflow that cannot compile', () => {
    const self = connectCalling('Loop', [say('hi', 'Again.', 'again')], 'again', 'Loop');
    const batch = importFlows([{ name: 'loop.json', json: self }]);
    expect(nodeOf(flowOf(batch, 'loop'), 'again').type).toBe('transfer');
    expectAllCompile(batch);
  });

  it('gives clashing flow ids a suffix and reports it', () => {
    const batch = importFlows([
      { name: 'eu/billing.json', json: billing },
      { name: 'us/billing.json', json: billing },
    ]);
    expect(batch.flows.map((flow) => flow.flow.id)).toEqual(['billing', 'billing-2']);
    expect(batch.flows[1]?.report).toContainEqual(
      expect.objectContaining({
        sourceRef: 'us/billing.json',
        message: expect.stringMatching(/already has the id "billing"; this one is "billing-2"/),
      }),
    );
  });

  it('a reference that matches two imported flows is not guessed', () => {
    const batch = importFlows([
      { name: 'main.json', json: main },
      { name: 'eu/billing.json', json: billing },
      { name: 'us/billing.json', json: billing },
    ]);
    expect(nodeOf(flowOf(batch, 'main'), 'go').type).toBe('transfer');
    expect(batch.flows[0]?.report).toContainEqual(
      expect.objectContaining({
        message: expect.stringMatching(/matches several imported flows \(billing, billing-2\)/),
      }),
    );
  });

  it('imports the good documents when one is broken and names the broken one with its reason', () => {
    const batch = importFlows([
      { name: 'main.json', json: main },
      { name: 'notes.json', json: { hello: 'world' } },
      { name: 'billing.json', json: billing },
      { name: 'list.json', json: [1, 2] },
    ]);
    expect(batch.flows.map((flow) => flow.flow.id)).toEqual(['main', 'billing']);
    expect(batch.failures).toEqual([
      {
        index: 1,
        source: 'notes.json',
        code: 'IMPORT_UNKNOWN_FORMAT',
        message: expect.stringMatching(/not a flow export/),
      },
      { index: 3, source: 'list.json', code: 'IMPORT_NOT_JSON_OBJECT', message: expect.stringMatching(/got an array/) },
    ]);
    expect(nodeOf(flowOf(batch, 'main'), 'go').type).toBe('subflow');
  });

  it('links a Twilio run-subflow: parameters become the child inputs, widgets.<name>.<variable> its outputs', async () => {
    const trigger = (next: string) => ({
      name: 'Trigger',
      type: 'trigger',
      properties: {},
      transitions: [{ event: 'incomingMessage', next }],
    });
    const child = {
      description: 'Greeter',
      initial_state: 'Trigger',
      flags: {},
      states: [
        trigger('hello'),
        {
          name: 'hello',
          type: 'send-message',
          properties: { body: 'Hello {{trigger.parent.parameters.who}}!' },
          transitions: [{ event: 'sent', next: 'keep' }],
        },
        {
          name: 'keep',
          type: 'set-variables',
          properties: { variables: [{ key: 'mood', value: 'happy' }] },
          transitions: [{ event: 'next' }],
        },
      ],
    };
    const parent = {
      description: 'Front door',
      initial_state: 'Trigger',
      flags: {},
      states: [
        trigger('sub'),
        {
          name: 'sub',
          type: 'run-subflow',
          properties: { flow_sid: 'FW0001', parameters: [{ key: 'who', value: 'Ana' }] },
          transitions: [{ event: 'completed', next: 'after' }],
        },
        {
          name: 'after',
          type: 'send-message',
          properties: { body: 'You are {{widgets.sub.mood}}.' },
          transitions: [{ event: 'sent' }],
        },
      ],
    };
    const batch = importFlows([
      { name: 'front.json', json: parent },
      { name: 'FW0001.json', json: child },
    ]);
    expect(nodeOf(flowOf(batch, 'front'), 'sub')).toMatchObject({
      type: 'subflow',
      config: { flowId: 'fw0001', inputs: { who: "'Ana'" }, outputs: { sub_mood: 'mood' } },
    });
    expectAllCompile(batch);
    await startTestSession(flowOf(batch, 'front'), 'chat', { resolveFlow: resolverOf(batch) })
      .expectPrompt(/Hello Ana!/)
      .expectPrompt(/You are happy\./)
      .expectEnd();
  });

  it('keeps every flow of damaged batches runnable: each validates and compiles among the others', () => {
    const registry = createBuiltInRegistry();
    const docs = [
      ...foreignFixtureFiles().map(readForeignFixture),
      main,
      billing,
      connectCalling('Ring', [say('r', 'Ring.', 'back')], 'back', 'Main menu'),
    ];
    const next = random(15);
    const problems: string[] = [];
    for (let round = 0; round < 12; round++) {
      const sources = docs.map((doc, i) => ({ name: `f${i % 5}.json`, json: next() < 0.5 ? damage(doc, next) : doc }));
      const batch = importFlows(sources);
      expect(batch.flows.length + batch.failures.length).toBe(sources.length);
      for (const imported of batch.flows)
        for (const issue of checkImportedFlow(imported, batch.flows, registry).errors)
          problems.push(`${imported.source}: ${issue.code} ${issue.pointer} ${issue.message}`);
    }
    expect(problems.slice(0, 3)).toEqual([]);
  }, 60_000);
});
