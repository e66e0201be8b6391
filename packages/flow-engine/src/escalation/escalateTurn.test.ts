import type { Channel, EscalationRule } from '@omniflow/flow-schema';
import { describe, expect, it } from 'vitest';
import { compileFlow } from '../compile/compileFlow.ts';
import { createBuiltInRegistry } from '../nodeTypes/createBuiltInRegistry.ts';
import { buildTestFlow, en } from '../testing/buildTestFlow.ts';
import { FlowSession } from '../session/FlowSession.ts';
import type { InputEvent, OutputEvent } from '../session/sessionEvents.ts';

/** A menu that loops back to itself on every answer, so only escalation can take the caller elsewhere. */
function flowWith(rules: EscalationRule[], upsetAtMost?: number) {
  return buildTestFlow(
    [
      { id: 'start', type: 'start', to: { next: 'menu' } },
      {
        id: 'menu',
        type: 'menu',
        config: {
          prompt: {
            ...en('Say balance or cards.'),
            empathetic: { 'en-US': 'I am sorry about the trouble. Say balance or cards.' },
          },
          options: [
            { key: '1', label: { 'en-US': 'balance' } },
            { key: '2', label: { 'en-US': 'cards' } },
          ],
          noMatch: { maxRetries: 5 },
        },
        to: { '1': 'menu', '2': 'menu', noMatch: 'menu', noInput: 'menu' },
      },
      { id: 'care', type: 'end', config: { prompt: en('Let me make this right.') } },
    ],
    {
      escalation: { version: 1, ...(upsetAtMost === undefined ? {} : { upsetAtMost }), rules },
      edges: [],
    },
  );
}

function compiled(flow: unknown) {
  const result = compileFlow(flow, createBuiltInRegistry());
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.compiled;
}

async function start(rules: EscalationRule[], channel: Channel = 'chat', upsetAtMost?: number) {
  const flow = flowWith(rules, upsetAtMost);
  // buildTestFlow's `to` maps make the edges; the extras above replaced them, so rebuild them here.
  flow.edges = [
    { source: 'start', port: 'next', target: 'menu' },
    ...['1', '2', 'noMatch', 'noInput'].map((port) => ({ source: 'menu', port, target: 'menu' })),
  ];
  return (await FlowSession.start(compiled(flow), { sessionId: 's', channel })).session;
}

const said = (outputs: readonly OutputEvent[]) =>
  outputs.flatMap((output) => (output.type === 'say' ? [output.text] : [])).join(' ');
const angry = (text: string): InputEvent => ({ type: 'text', text, sentiment: -0.7 });
const toCare: EscalationRule['action'] = { kind: 'goto', target: 'care' };

describe('escalation rules (issue 17)', () => {
  it('goes to the rule node after N caller turns at or below the sentiment bound, not before', async () => {
    const session = await start([{ id: 'angry', when: { kind: 'sentiment', atMost: -0.5, turns: 2 }, action: toCare }]);
    const first = await session.send(angry('balance, this is useless'));
    expect(first.status).toBe('active');
    const second = await session.send(angry('cards. terrible service'));
    expect(said(second.outputs)).toMatch(/make this right/);
    expect(second.transcript).toContainEqual(expect.objectContaining({ from: 'system', port: 'escalation:angry' }));
    expect(second.status).toBe('ended');
  });

  it('a calm turn between two angry ones breaks the run', async () => {
    const session = await start([{ id: 'angry', when: { kind: 'sentiment', atMost: -0.5, turns: 2 }, action: toCare }]);
    await session.send(angry('balance, useless'));
    await session.send({ type: 'text', text: 'cards please', sentiment: 0.2 });
    const third = await session.send(angry('balance, awful'));
    expect(third.status).toBe('active');
  });

  it('transfers to the queue with its priority after M no-matches in a row, in every channel', async () => {
    const rule: EscalationRule = {
      id: 'lost',
      when: { kind: 'noMatch', count: 3 },
      action: { kind: 'transfer', queue: 'care', priority: 1 },
    };
    const inputs: Record<Channel, InputEvent> = {
      chat: { type: 'text', text: 'banana' },
      voice: { type: 'speech', transcript: 'banana', confidence: 0.9 },
      dtmf: { type: 'dtmf', digits: '9' },
    };
    for (const channel of ['chat', 'voice', 'dtmf'] as const) {
      const session = await start([rule], channel);
      await session.send(inputs[channel]);
      const second = await session.send(inputs[channel]);
      expect(second.status).toBe('active');
      const third = await session.send(inputs[channel]);
      const transfer = third.outputs.find((output) => output.type === 'transfer');
      expect(transfer).toMatchObject({
        queue: 'care',
        routing: { priority: 1 },
        reason: 'escalation: lost',
        nodeId: 'menu',
      });
      expect(third.outputs.at(-1)).toMatchObject({ type: 'end', reason: 'transferred' });
    }
  });

  it('an answer resets the no-match run', async () => {
    const session = await start([{ id: 'lost', when: { kind: 'noMatch', count: 2 }, action: toCare }]);
    await session.send({ type: 'text', text: 'banana' });
    await session.send({ type: 'text', text: 'balance' });
    const third = await session.send({ type: 'text', text: 'banana' });
    expect(third.status).toBe('active');
  });

  it('hears complaint words of any of its locales, Chinese and Korean by substring, English by whole word', async () => {
    const rule: EscalationRule = {
      id: 'complaint',
      when: { kind: 'phrases', phrases: { 'en-US': ['complaint'], 'zh-CN': ['投诉'], 'ko-KR': ['민원'] } },
      action: { kind: 'transfer', queue: 'complaints' },
    };
    for (const text of ['I want to file a Complaint!', '我要投诉你们', '민원을 넣겠습니다']) {
      const session = await start([rule]);
      const turn = await session.send({ type: 'text', text });
      expect(turn.outputs.find((output) => output.type === 'transfer')).toMatchObject({ queue: 'complaints' });
    }
    const session = await start([rule]);
    expect((await session.send({ type: 'text', text: 'complaints-free balance' })).status).toBe('active');
  });

  it('fires a rule once per session', async () => {
    const rule: EscalationRule = {
      id: 'back',
      when: { kind: 'noMatch', count: 1 },
      action: { kind: 'goto', target: 'menu' },
    };
    const session = await start([rule]);
    const first = await session.send({ type: 'text', text: 'banana' });
    expect(first.transcript).toContainEqual(expect.objectContaining({ port: 'escalation:back' }));
    const second = await session.send({ type: 'text', text: 'banana' });
    expect(second.transcript.some((entry) => entry.port === 'escalation:back')).toBe(false);
  });

  it('speaks the empathetic variant of a prompt while the caller is upset, in the same turn, and the calm one after', async () => {
    for (const channel of ['chat', 'voice'] as const) {
      const session = await start([], channel);
      const upset = await session.send({ type: 'text', text: 'balance, useless bank', sentiment: -0.6 });
      expect(said(upset.outputs)).toMatch(/^I am sorry about the trouble/);
      const calm = await session.send({ type: 'text', text: 'cards, thanks', sentiment: 0.4 });
      expect(said(calm.outputs)).toMatch(/^Say balance or cards/);
    }
  });

  it('uses the flow threshold for upset', async () => {
    const session = await start([], 'chat', -0.8);
    const turn = await session.send({ type: 'text', text: 'balance', sentiment: -0.6 });
    expect(said(turn.outputs)).toMatch(/^Say balance or cards/);
  });

  it('keeps the mood across a snapshot and restore, and refuses a sentiment outside −1..1', async () => {
    const flow = flowWith([{ id: 'angry', when: { kind: 'sentiment', atMost: -0.5, turns: 2 }, action: toCare }]);
    flow.edges = [
      { source: 'start', port: 'next', target: 'menu' },
      ...['1', '2', 'noMatch', 'noInput'].map((port) => ({ source: 'menu', port, target: 'menu' })),
    ];
    const { session } = await FlowSession.start(compiled(flow), { sessionId: 's', channel: 'chat' });
    await session.send(angry('balance, useless'));
    const restored = FlowSession.restore(compiled(flow), JSON.parse(JSON.stringify(session.snapshot())), {
      sessionId: 's',
      channel: 'chat',
    });
    const refused = await restored.send({ type: 'text', text: 'cards', sentiment: 4 });
    expect(refused.error).toMatch(/sentiment/);
    expect((await restored.send(angry('cards, awful'))).status).toBe('ended');
  });
});
