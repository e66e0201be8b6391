import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { validateFlow, type Channel } from '@omniflow/flow-schema';
import {
  compileFlow,
  createBuiltInRegistry,
  FlowSession,
  type InputEvent,
  type NodeHandler,
  type NodeTypeRegistry,
} from '@omniflow/flow-engine';
import { CONNECT_LAMBDA_HANDLER } from './connect/mapConnectAction.ts';
import { foreignFixtureFiles, importedFixture, readForeignFixture } from './foreignFixtures.ts';
import { damage, pick, random } from './flowTestHelpers.ts';
import { importFlow } from './importFlow.ts';
import { TWILIO_FUNCTION_HANDLER } from './twilio/studioIntegrationWidgets.ts';

// Values a Lambda, a Twilio Function or an HTTP API might answer; the fixtures branch on several of them.
const VOCABULARY = [
  'complete',
  'pending',
  'PENDING',
  'CANCELLED',
  '200',
  'true',
  'false',
  '',
  'sales',
  'support',
  'REMIND',
  'BOOKED',
  'CANCEL APPT',
  'CONFIRM APPT',
  'manual',
  'holiday',
  '1',
  '2',
  '42',
];
const WORDS = [
  'yes',
  'no',
  'sales',
  'support',
  'agent',
  'one',
  'two',
  'cancel appt',
  'confirm appt',
  'help',
  'balance',
  'goodbye',
  '1234',
  '???',
  '',
];

/**
 * Test-only stand-in for the Lambda / Twilio Function placeholders the importer creates: answers each result
 * field the node reads with a random value, and sometimes fails, so both branches get walked.
 */
function placeholderFunctionStub(next: () => number): NodeHandler {
  return async ({ config }) => {
    const roll = next();
    if (roll < 0.1) throw new Error('stub failure');
    if (roll < 0.2) return { port: 'error' };
    const results =
      typeof config['results'] === 'object' && config['results'] !== null ? Object.values(config['results']) : [];
    return {
      port: 'success',
      variables: Object.fromEntries(results.map((field) => [String(field), pick(VOCABULARY, next)])),
    };
  };
}

function randomInput(channel: Channel, next: () => number): InputEvent {
  const roll = next();
  if (roll < 0.15) return { type: 'noInput' };
  if (roll < 0.17) return { type: 'hangup' };
  if (channel === 'dtmf' || (channel === 'voice' && roll < 0.35)) {
    const digits = Array.from({ length: 1 + Math.floor(next() * 12) }, () => pick([...'0123456789*#'], next)).join('');
    return { type: 'dtmf', digits };
  }
  if (channel === 'voice') return { type: 'speech', transcript: pick(WORDS, next), confidence: next() };
  return { type: 'text', text: pick([...WORDS, ...VOCABULARY], next) };
}

function testRegistry(next: () => number): NodeTypeRegistry {
  return createBuiltInRegistry()
    .registerHandler(CONNECT_LAMBDA_HANDLER, placeholderFunctionStub(next))
    .registerHandler(TWILIO_FUNCTION_HANDLER, placeholderFunctionStub(next));
}

describe('every foreign fixture', () => {
  beforeEach(() => {
    // The http node is real; only the network is replaced, answering JSON or a 5xx at random.
    const next = random(3);
    vi.stubGlobal(
      'fetch',
      async () =>
        new Response(JSON.stringify({ status: pick(VOCABULARY, next), name: 'Ana' }), {
          status: next() < 0.8 ? 200 : 503,
        }),
    );
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it.each(foreignFixtureFiles())('%s imports and validates against the built-in node types without errors', (file) => {
    const validation = validateFlow(importedFixture(file), createBuiltInRegistry().catalog());
    expect(validation.ok ? [] : validation.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  });

  it.each(foreignFixtureFiles())(
    '%s survives random input in dtmf, voice and chat with a reply to every input',
    async (file) => {
      const flow = importedFixture(file);
      const next = random(file.length * 31);
      const compiled = compileFlow(flow, testRegistry(next));
      if (!compiled.ok) throw new Error(compiled.issues.map((issue) => issue.message).join('\n'));
      const stringVariables = flow.variables
        .filter((variable) => variable.type === 'string')
        .map((variable) => variable.name);
      let inputs = 0;
      for (const channel of ['dtmf', 'voice', 'chat'] as const) {
        for (let run = 0; run < 12; run++) {
          // Random caller data too: imported flows branch on trigger data and contact attributes.
          const variables = Object.fromEntries(
            stringVariables.filter(() => next() < 0.5).map((name) => [name, pick(VOCABULARY, next)]),
          );
          const { session, turn } = await FlowSession.start(compiled.compiled, {
            sessionId: `${channel}-${run}`,
            channel,
            variables,
          });
          expect(turn.outputs.length).toBeGreaterThan(0);
          expect(turn.outputs.filter((output) => output.type === 'end' && output.reason === 'error')).toEqual([]);
          for (let step = 0; step < 20 && session.status === 'active'; step++) {
            const input = randomInput(channel, next);
            const result = await session.send(input);
            inputs++;
            expect([channel, input, result.error, result.outputs.length > 0]).toEqual([
              channel,
              input,
              undefined,
              true,
            ]);
            expect(result.outputs.filter((output) => output.type === 'end' && output.reason === 'error')).toEqual([]);
          }
        }
      }
      // Flows without a menu or ask node (an agent whisper, an hours check) end before any input is possible.
      expect(inputs > 0).toBe(flow.nodes.some((node) => node.type === 'ask' || node.type === 'menu'));
    },
  );
});

describe('damaged exports', () => {
  it('import to flows that still validate, whatever was damaged', () => {
    const catalog = createBuiltInRegistry().catalog();
    const docs = foreignFixtureFiles().map(readForeignFixture);
    const next = random(5);
    const failures: string[] = [];
    for (let i = 0; i < 400; i++) {
      const doc = damage(docs[i % docs.length], next);
      const result = importFlow(doc);
      if (!result.ok) continue;
      const validation = validateFlow(result.flow, catalog);
      if (!validation.ok)
        failures.push(validation.issues.map((issue) => `${issue.code} ${issue.pointer} ${issue.message}`).join('; '));
    }
    expect(failures.slice(0, 3)).toEqual([]);
  });
});
