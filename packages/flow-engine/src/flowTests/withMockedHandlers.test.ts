import { describe, expect, it } from 'vitest';
import type { FlowTestCase, NodeTypeSpec } from '@omniflow/flow-schema';
import { createBuiltInRegistry } from '../nodeTypes/createBuiltInRegistry.ts';
import { defineNodeType } from '../nodeTypes/defineNodeType.ts';
import { buildTestFlow, en } from '../testing/buildTestFlow.ts';
import { runFlowTest } from './runFlowTest.ts';

const tierSpec: NodeTypeSpec = {
  type: 'crm.tier',
  version: 1,
  behaviour: 'async',
  title: 'Tier',
  description: 'Looks up a loyalty tier.',
  category: 'CRM',
  icon: '⭐',
  defaults: {},
  configSchema: { type: 'object' },
  ports: [{ name: 'success' }, { name: 'notFound' }, { name: 'error' }, { name: 'timeout' }],
};

const flow = buildTestFlow(
  [
    { id: 'start', type: 'start', to: { next: 'tier' } },
    {
      id: 'tier',
      type: 'crm.tier',
      to: { success: 'gold', notFound: 'unknown', error: 'unknown', timeout: 'unknown' },
    },
    { id: 'gold', type: 'end', config: { prompt: en('Welcome, {{tier}} member.') } },
    { id: 'unknown', type: 'end', config: { prompt: en('Welcome.') } },
  ],
  { variables: [{ name: 'tier', type: 'string' }] },
);

function test(mocks: FlowTestCase['mocks'], prompt: string): FlowTestCase {
  return { id: 't', name: 't', mocks, steps: [{ expectPrompt: prompt }] };
}

describe('withMockedHandlers', () => {
  it("answers a plugin node's mock instead of its handler, and runs the real handler for nodes without one", async () => {
    const calls: string[] = [];
    const registry = createBuiltInRegistry().register(
      defineNodeType({
        spec: tierSpec,
        handler: async ({ idempotencyKey }) => {
          calls.push(idempotencyKey);
          return { variables: { tier: 'silver' } };
        },
      }),
    );
    expect(
      (await runFlowTest(flow, test({ tier: { variables: { tier: 'gold' } } }, 'gold member'), 'chat', { registry }))
        .passed,
    ).toBe(true);
    expect(calls).toEqual([]);
    expect(
      (await runFlowTest(flow, test({ tier: { port: 'notFound' } }, 'Welcome.'), 'chat', { registry })).passed,
    ).toBe(true);
    expect((await runFlowTest(flow, test(undefined, 'silver member'), 'chat', { registry })).passed).toBe(true);
    expect(calls).toHaveLength(1);
  });

  it('lets a mock stand in for a back end that is not installed at all', async () => {
    const registry = createBuiltInRegistry().register(defineNodeType({ spec: tierSpec }));
    expect(
      (await runFlowTest(flow, test({ tier: { variables: { tier: 'gold' } } }, 'gold member'), 'dtmf', { registry }))
        .passed,
    ).toBe(true);
    expect((await runFlowTest(flow, test(undefined, 'Welcome.'), 'dtmf', { registry })).passed).toBe(true);
  });

  it("fixes an http node's answer so the test never calls the URL", async () => {
    const httpFlow = buildTestFlow(
      [
        { id: 'start', type: 'start', to: { next: 'call' } },
        {
          id: 'call',
          type: 'http',
          config: {
            method: 'GET',
            url: 'http://127.0.0.1:9/unreachable',
            responseMapping: [{ variable: 'greeting', value: 'response.body.greeting' }],
          },
          to: { success: 'said', error: 'failed', timeout: 'failed' },
        },
        { id: 'said', type: 'end', config: { prompt: en('Server says {{greeting}}.') } },
        { id: 'failed', type: 'end', config: { prompt: en('Failed.') } },
      ],
      { variables: [{ name: 'greeting', type: 'string' }] },
    );
    const registry = createBuiltInRegistry();
    const mocked = {
      id: 'm',
      name: 'm',
      mocks: { call: { variables: { greeting: 'hi' } } },
      steps: [{ expectPrompt: 'Server says hi.' }],
    };
    expect(await runFlowTest(httpFlow, mocked, 'voice', { registry })).toMatchObject({
      passed: true,
      coverage: { ports: expect.arrayContaining(['call:success']) },
    });
  });
});
