import { describe, expect, it } from 'vitest';
import { compileFlow } from '../compile/compileFlow.ts';
import { createBuiltInRegistry } from '../nodeTypes/createBuiltInRegistry.ts';
import type { NodeHandler } from '../nodeTypes/handlerTypes.ts';
import { buildTestFlow, en } from '../testing/buildTestFlow.ts';
import { ManualClock } from '../testing/ManualClock.ts';
import { startTestSession } from '../testing/startTestSession.ts';
import { FlowSession } from './FlowSession.ts';
import type { TranscriptEntry } from './sessionEvents.ts';

const pinFlow = buildTestFlow(
  [
    { id: 'start', type: 'start', to: { next: 'askCard' } },
    {
      id: 'askCard',
      type: 'ask',
      config: {
        prompt: en('Enter the last four digits of your card.'),
        variable: 'cardLastFour',
        slot: { type: 'digits', minLength: 4, maxLength: 4 },
      },
      to: { next: 'askPin' },
    },
    {
      id: 'askPin',
      type: 'ask',
      config: {
        prompt: en('Enter a new PIN for card ending {{cardLastFour}}.'),
        variable: 'pin',
        slot: { type: 'digits', minLength: 4, maxLength: 4 },
      },
      to: { next: 'agent' },
    },
    { id: 'agent', type: 'transfer', config: { queue: 'cards', reason: 'PIN {{pin}} for card {{cardLastFour}}' } },
  ],
  {
    variables: [
      { name: 'cardLastFour', type: 'string' },
      { name: 'pin', type: 'string', sensitive: true },
    ],
  },
);

function compiled(flow: unknown, register?: (registry: ReturnType<typeof createBuiltInRegistry>) => void) {
  const registry = createBuiltInRegistry();
  register?.(registry);
  const result = compileFlow(flow, registry);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.compiled;
}

describe('FlowSession', () => {
  it('restores a JSON snapshot into a freshly compiled engine and continues the conversation', async () => {
    const { session } = await FlowSession.start(compiled(pinFlow), { sessionId: 's1', channel: 'dtmf' });
    const first = await session.send({ type: 'dtmf', digits: '4211#' });
    const json = JSON.stringify(session.snapshot());
    expect(json.length).toBeLessThan(2048);
    const resumed = FlowSession.restore(compiled(JSON.parse(JSON.stringify(pinFlow))), JSON.parse(json), {
      sessionId: 's1',
      channel: 'dtmf',
      transcript: first.transcript,
    });
    const turn = await resumed.send({ type: 'dtmf', digits: '9876' });
    const transfer = turn.outputs.find((output) => output.type === 'transfer');
    expect(transfer).toMatchObject({
      queue: 'cards',
      reason: 'PIN **** for card 4211',
      variables: { cardLastFour: '4211', pin: '****' },
    });
    expect(transfer?.type === 'transfer' && transfer.transcript.some((entry) => entry.text === '4211#')).toBe(true);
  });

  it("loads the earlier turns a host keeps only for a transfer, and puts them before the turn's own entries", async () => {
    const kept: TranscriptEntry[] = [];
    let loads = 0;
    const loader = async () => (loads++, [...kept]);
    const clock = new ManualClock();
    const started = await FlowSession.start(compiled(pinFlow), {
      sessionId: 'host',
      channel: 'dtmf',
      transcript: loader,
      clock,
    });
    kept.push(...started.turn.transcript);
    const first = await started.session.send({ type: 'dtmf', digits: '4211#' });
    kept.push(...first.transcript);
    expect(loads).toBe(0);
    // The host stores the entries of every turn; a restored session (another process) keeps none of its own.
    const restored = FlowSession.restore(compiled(pinFlow), JSON.parse(JSON.stringify(started.session.snapshot())), {
      sessionId: 'host',
      channel: 'dtmf',
      transcript: loader,
      clock,
    });
    const turn = await restored.send({ type: 'dtmf', digits: '9876' });
    expect(loads).toBe(1);
    const transfer = turn.outputs.find((output) => output.type === 'transfer');
    const ownBeforeTransfer = turn.transcript.slice(
      0,
      turn.transcript.findIndex((entry) => entry.kind === 'transfer'),
    );
    expect(transfer?.type === 'transfer' && transfer.transcript).toEqual([...kept, ...ownBeforeTransfer]);
    expect(ownBeforeTransfer.map((entry) => entry.text)).toEqual(['****', 'took next']);
    // The session that took the first turns kept none of them either: the transfer has each entry once.
    const same = await started.session.send({ type: 'dtmf', digits: '9876' });
    expect(same.outputs.find((output) => output.type === 'transfer')).toEqual(transfer);
  });

  it("still transfers when the earlier transcript cannot be loaded, with this turn's entries and a warning", async () => {
    const warnings: string[] = [];
    const logger = {
      info: () => {},
      error: () => {},
      warn: (_fields: object, message: string) => void warnings.push(message),
    };
    const failing = async (): Promise<TranscriptEntry[]> => {
      throw new Error('store offline');
    };
    const { session } = await FlowSession.start(compiled(pinFlow), {
      sessionId: 'offline',
      channel: 'dtmf',
      transcript: failing,
      logger,
    });
    await session.send({ type: 'dtmf', digits: '4211#' });
    const turn = await session.send({ type: 'dtmf', digits: '9876' });
    const transfer = turn.outputs.find((output) => output.type === 'transfer');
    expect(transfer).toMatchObject({ queue: 'cards', variables: { cardLastFour: '4211', pin: '****' } });
    expect(transfer?.type === 'transfer' && transfer.transcript.map((entry) => entry.text)).toEqual([
      '****',
      'took next',
    ]);
    expect(warnings).toEqual([expect.stringContaining('store offline')]);
  });

  it('masks a sensitive answer in the transcript, the variables and the transfer', async () => {
    const { last } = await startTestSession(pinFlow, 'dtmf')
      .press('4211')
      .expectPrompt('card ending 4211')
      .press('9876')
      .expectTransfer('cards');
    const serialized = JSON.stringify(last);
    expect(serialized).not.toContain('9876');
    expect(last.transcript.find((entry) => entry.from === 'caller')?.text).toBe('****');
    expect(last.variables.pin).toBe('****');
  });

  it('records caller input through the host redactor while the flow still stores the input as heard (#17)', async () => {
    const flow = buildTestFlow(
      [
        { id: 'start', type: 'start', to: { next: 'askCard' } },
        {
          id: 'askCard',
          type: 'ask',
          config: {
            prompt: en('Your card number?'),
            variable: 'card',
            slot: { type: 'digits', minLength: 16, maxLength: 16 },
          },
          to: { next: 'agent' },
        },
        { id: 'agent', type: 'transfer', config: { queue: 'cards', prompt: en('Card {{card}} goes to an agent.') } },
      ],
      { variables: [{ name: 'card', type: 'string' }] },
    );
    const seen: string[] = [];
    const redact = (text: string, locale: string) => (seen.push(locale), text.replace(/\d{12}/, '[CARD]'));
    const { session } = await FlowSession.start(compiled(flow), { sessionId: 'r', channel: 'chat', redact });
    const turn = await session.send({ type: 'text', text: '4111111111111111' });
    const transfer = turn.outputs.find((output) => output.type === 'transfer');
    expect(transfer?.type === 'transfer' ? transfer.variables['card'] : undefined).toBe('4111111111111111');
    const recorded = JSON.stringify([turn.transcript, transfer?.type === 'transfer' ? transfer.transcript : null]);
    expect(recorded).toContain('[CARD]1111');
    expect(recorded).not.toContain('411111111111');
    expect(turn.outputs).toContainEqual(
      expect.objectContaining({ type: 'say', text: 'Card 4111111111111111 goes to an agent.' }),
    );
    expect(turn.transcript).toContainEqual(
      expect.objectContaining({ from: 'bot', text: 'Card [CARD]1111 goes to an agent.' }),
    );
    expect(seen).toContain('en-US');
  });

  it('refuses speech for a sensitive answer on voice and expects keys only', async () => {
    await startTestSession(pinFlow, 'voice')
      .press('4211')
      .check('the PIN prompt offers no speech', (state) =>
        state.last.outputs.some((o) => o.type === 'prompt' && o.expect.sensitive && o.expect.speech === undefined),
      )
      .say('nine eight seven six')
      .expectNode('askPin');
  });

  it('answers input to an ended session with an error result instead of throwing', async () => {
    const { session } = await FlowSession.start(compiled(pinFlow), { sessionId: 's2', channel: 'chat' });
    const hungUp = await session.send({ type: 'hangup' });
    expect(hungUp.outputs).toContainEqual({ type: 'end', reason: 'hangup' });
    const after = await session.send({ type: 'text', text: 'hello?' });
    expect(after.status).toBe('ended');
    expect(after.error).toMatch(/has ended/);
  });

  it('refuses malformed input from the network with an error result and keeps the session', async () => {
    const { session } = await FlowSession.start(compiled(pinFlow), { sessionId: 'bad', channel: 'dtmf' });
    for (const raw of [
      '{"type":"dtmf"}',
      '{"type":"dtmf","digits":"12ab"}',
      '{"type":"teleport"}',
      'null',
      '{"type":"speech","transcript":"x","confidence":"high"}',
    ]) {
      const turn = await session.send(JSON.parse(raw));
      expect(turn.error).toBeDefined();
      expect(turn.status).toBe('active');
    }
    expect((await session.send({ type: 'dtmf', digits: '4211' })).nodeId).toBe('askPin');
  });

  it('falls back to the default locale for a locale the flow lacks, and speaks a declared one', async () => {
    const flow = buildTestFlow(
      [{ id: 'hi', type: 'end', config: { prompt: { text: { 'en-US': 'Goodbye', 'ko-KR': '안녕히 가세요' } } } }],
      { locales: ['en-US', 'ko-KR'] },
    );
    const french = await startTestSession(flow, 'chat', { locale: 'fr-FR' }).expectPrompt('Goodbye');
    const korean = await startTestSession(flow, 'chat', { locale: 'ko' }).expectPrompt('안녕히 가세요');
    expect([french.last.outputs[0], korean.last.outputs[0]]).toMatchObject([{ locale: 'en-US' }, { locale: 'ko-KR' }]);
  });

  it('answers turns sent without waiting in the order they were sent', async () => {
    const { session } = await FlowSession.start(compiled(pinFlow), { sessionId: 'order', channel: 'dtmf' });
    const [card, pin, late] = await Promise.all([
      session.send({ type: 'dtmf', digits: '4211' }),
      session.send({ type: 'dtmf', digits: '1234' }),
      session.send({ type: 'dtmf', digits: '9' }),
    ]);
    expect(card.nodeId).toBe('askPin');
    expect(card.variables).toEqual({ cardLastFour: '4211' });
    expect(pin.status).toBe('ended');
    expect(pin.variables).toMatchObject({ cardLastFour: '4211', pin: '****' });
    expect(late.error).toMatch(/has ended/);
  });

  it('ends with loopLimit when a cycle takes no input', async () => {
    const flow = buildTestFlow([
      { id: 'a', type: 'set', config: { assignments: [] }, to: { next: 'b' } },
      { id: 'b', type: 'message', config: { prompt: en('again') }, to: { next: 'a' } },
    ]);
    const { last } = await startTestSession(flow, 'chat').expectEnd('loopLimit');
    expect(last.outputs.filter((o) => o.type === 'say').length).toBeLessThan(30);
  });

  it('ends with maxTurns after the configured number of caller turns', async () => {
    const flow = buildTestFlow(
      [
        {
          id: 'q',
          type: 'ask',
          config: { prompt: en('Say anything.'), variable: 'said', slot: { type: 'text' } },
          to: { next: 'q' },
        },
      ],
      { variables: [{ name: 'said', type: 'string' }], settings: { maxTurns: 2 } },
    );
    await startTestSession(flow, 'chat')
      .type('one')
      .expectActive()
      .type('two')
      .expectActive()
      .type('three')
      .expectEnd('maxTurns');
  });

  it('ends with maxDuration once the session runs too long', async () => {
    const clock = new ManualClock();
    const flow = buildTestFlow(
      [
        {
          id: 'q',
          type: 'ask',
          config: { prompt: en('Say anything.'), variable: 'said', slot: { type: 'text' } },
          to: { next: 'q' },
        },
      ],
      {
        variables: [{ name: 'said', type: 'string' }],
        settings: { maxDurationSeconds: 60 },
      },
    );
    await startTestSession(flow, 'chat', { clock })
      .type('one')
      .expectActive()
      .check('time passes', () => (clock.advance(61_000), true))
      .type('two')
      .expectEnd('maxDuration');
  });
});

describe('async handlers', () => {
  const lookupFlow = buildTestFlow(
    [
      {
        id: 'lookup',
        type: 'transaction',
        config: {
          handler: 'lookup',
          args: { id: 'customerId' },
          results: { customerName: 'name' },
          outcomes: ['notFound'],
          timeoutMs: 5000,
        },
        to: { success: 'hello', notFound: 'unknown', error: 'sorry', timeout: 'slow' },
      },
      { id: 'hello', type: 'end', config: { prompt: en('Hello {{customerName}}.') } },
      { id: 'unknown', type: 'end', config: { prompt: en('We do not know you.') } },
      { id: 'sorry', type: 'end', config: { prompt: en('Something went wrong.') } },
      { id: 'slow', type: 'end', config: { prompt: en('The system is slow.') } },
    ],
    {
      variables: [
        { name: 'customerId', type: 'string', default: 'c-1' },
        { name: 'customerName', type: 'string' },
      ],
    },
  );
  const run = (handler: NodeHandler, clock?: ManualClock) => {
    const registry = createBuiltInRegistry().registerHandler('lookup', handler);
    return startTestSession(
      lookupFlow,
      'chat',
      clock ? { registry, clock, sessionId: 'abc' } : { registry, sessionId: 'abc' },
    );
  };

  it('passes args and an idempotency key, and maps results to variables', async () => {
    const calls: string[] = [];
    await run(async ({ args, idempotencyKey }) => {
      calls.push(`${String(args.id)} ${idempotencyKey}`);
      return { variables: { name: 'Ada' } };
    }).expectPrompt('Hello Ada.');
    expect(calls).toEqual(['c-1 abc:lookup:1']);
  });

  it('takes a named outcome the handler returns', async () => {
    const { last } = await run(async () => ({ port: 'notFound' })).expectPrompt('We do not know you.');
    expect(last.transcript.some((entry) => entry.port === 'notFound')).toBe(true);
  });

  it('takes error when the handler throws', async () => {
    const { last } = await run(async () => {
      throw new Error('database down');
    }).expectPrompt('Something went wrong.');
    expect(last.transcript.some((entry) => entry.text.includes('database down'))).toBe(true);
  });

  it('takes error when the handler lies about its port or returns nonsense', async () => {
    const lying = await run(async () => ({ port: 'teleport' })).expectPrompt('Something went wrong.');
    const nonsense = await run(async () => JSON.parse('"not an object"')).expectPrompt('Something went wrong.');
    expect(lying.last.transcript.some((entry) => entry.text.includes('unknown port "teleport"'))).toBe(true);
    expect(nonsense.last.transcript.some((entry) => entry.text.includes('instead of { port?, variables? }'))).toBe(
      true,
    );
  });

  it('takes timeout when the handler hangs, without sleeping (injected clock)', async () => {
    let aborted = false;
    const clock = new ManualClock({ autoAdvance: true });
    await run(
      ({ signal }) => new Promise(() => signal.addEventListener('abort', () => (aborted = true))),
      clock,
    ).expectPrompt('The system is slow.');
    expect(aborted).toBe(true);
  });

  it('retries a failing handler with backoff before taking error', async () => {
    const flow = {
      ...lookupFlow,
      nodes: lookupFlow.nodes.map((node) =>
        node.id === 'lookup' ? { ...node, config: { ...node.config, retries: 2 } } : node,
      ),
    };
    let attempts = 0;
    const clock = new ManualClock({ autoAdvance: true });
    const registry = createBuiltInRegistry().registerHandler('lookup', async () => {
      attempts++;
      if (attempts < 3) throw new Error('flaky');
      return { variables: { name: 'Bo' } };
    });
    await startTestSession(flow, 'chat', { registry, clock }).expectPrompt('Hello Bo.');
    expect(attempts).toBe(3);
  });

  it('retries when the handler itself answers timeout, then takes success', async () => {
    const flow = {
      ...lookupFlow,
      nodes: lookupFlow.nodes.map((node) =>
        node.id === 'lookup' ? { ...node, config: { ...node.config, retries: 1 } } : node,
      ),
    };
    let attempts = 0;
    const registry = createBuiltInRegistry().registerHandler('lookup', async () =>
      ++attempts === 1 ? { port: 'timeout' } : { variables: { name: 'Di' } },
    );
    await startTestSession(flow, 'chat', { registry, clock: new ManualClock({ autoAdvance: true }) }).expectPrompt(
      'Hello Di.',
    );
    expect(attempts).toBe(2);
  });

  it('waits for a handler that settles after a simulated delay before returning the turn', async () => {
    const clock = new ManualClock();
    const registry = createBuiltInRegistry().registerHandler(
      'lookup',
      () => new Promise((resolve) => clock.setTimeout(() => resolve({ variables: { name: 'Cy' } }), 1000)),
    );
    const started = FlowSession.start(
      compiled(lookupFlow, (r) => r.registerHandler('lookup', registry.handler('lookup') ?? (async () => ({})))),
      { sessionId: 's', channel: 'chat', clock },
    );
    await new Promise((resolve) => setImmediate(resolve));
    clock.advance(1000);
    const { turn } = await started;
    expect(turn.outputs).toContainEqual(expect.objectContaining({ type: 'say', text: 'Hello Cy.' }));
  });
});

describe('transcript times', () => {
  it('stamps a turn with the time of its input and a handler failing later with the time it failed', async () => {
    const clock = new ManualClock();
    const flow = buildTestFlow([
      {
        id: 'menu',
        type: 'menu',
        config: { prompt: en('Press 1.'), options: [{ key: '1', label: { 'en-US': 'look up' } }] },
        to: { '1': 'lookup', noInput: 'bye', noMatch: 'bye' },
      },
      {
        id: 'lookup',
        type: 'transaction',
        config: { handler: 'lookup', timeoutMs: 5000 },
        to: { success: 'bye', error: 'bye', timeout: 'bye' },
      },
      { id: 'bye', type: 'end', config: { prompt: en('Bye.') } },
    ]);
    const failing = () =>
      new Promise<never>((_resolve, reject) => clock.setTimeout(() => reject(new Error('core down')), 1000));
    const { session } = await FlowSession.start(
      compiled(flow, (r) => r.registerHandler('lookup', failing)),
      { sessionId: 't', channel: 'dtmf', clock },
    );
    const startedAt = new Date(clock.now()).toISOString();
    const turn = session.send({ type: 'dtmf', digits: '1' });
    await new Promise((resolve) => setImmediate(resolve));
    clock.advance(1000);
    const { transcript } = await turn;
    const failedAt = new Date(clock.now()).toISOString();
    expect(transcript.find((entry) => entry.from === 'caller')?.at).toBe(startedAt);
    expect(transcript.find((entry) => entry.text.includes('core down'))?.at).toBe(failedAt);
    expect(transcript.find((entry) => entry.text === 'Bye.')?.at).toBe(failedAt);
  });
});

describe('crash and restore', () => {
  it('re-runs a handler that was in flight when the snapshot was taken, with the same idempotency key', async () => {
    const flow = buildTestFlow(
      [
        {
          id: 'ask',
          type: 'ask',
          config: { prompt: en('Card?'), variable: 'card', slot: { type: 'digits' } },
          to: { next: 'activate', noInput: 'bye', noMatch: 'bye' },
        },
        {
          id: 'activate',
          type: 'transaction',
          config: { handler: 'activate', args: { card: 'card' } },
          to: { success: 'bye', error: 'bye', timeout: 'bye' },
        },
        { id: 'bye', type: 'end', config: { prompt: en('Done.') } },
      ],
      { variables: [{ name: 'card', type: 'string' }] },
    );
    const keys: string[] = [];
    const hanging = compiled(flow, (registry) =>
      registry.registerHandler('activate', ({ idempotencyKey }) => (keys.push(idempotencyKey), new Promise(() => {}))),
    );
    const { session } = await FlowSession.start(hanging, {
      sessionId: 'crash',
      channel: 'dtmf',
      clock: new ManualClock(),
    });
    void session.send({ type: 'dtmf', digits: '1234#' });
    await new Promise((resolve) => setImmediate(resolve));
    const snapshot = JSON.parse(JSON.stringify(session.snapshot()));

    const healthy = compiled(flow, (registry) =>
      registry.registerHandler(
        'activate',
        async ({ idempotencyKey, args }) => (keys.push(`${idempotencyKey} ${String(args.card)}`), {}),
      ),
    );
    const restored = FlowSession.restore(healthy, snapshot, { sessionId: 'crash', channel: 'dtmf' });
    const turn = await restored.send({ type: 'noInput' });
    expect(turn.outputs).toContainEqual(expect.objectContaining({ type: 'say', text: 'Done.' }));
    expect(keys).toEqual(['crash:activate:2', 'crash:activate:2 1234']);
  });

  it('refuses a snapshot of another flow version', async () => {
    const { session } = await FlowSession.start(compiled(pinFlow), { sessionId: 'v', channel: 'chat' });
    const changed = { ...pinFlow, name: 'Changed' };
    expect(() =>
      FlowSession.restore(compiled(changed), session.snapshot(), { sessionId: 'v', channel: 'chat' }),
    ).toThrow(/version/);
  });
});

describe('transcript', () => {
  it('notes every port taken, including error and timeout of an async node', async () => {
    const flow = buildTestFlow([
      {
        id: 'call',
        type: 'transaction',
        config: { handler: 'slow', timeoutMs: 1000 },
        to: { success: 'bye', error: 'bye', timeout: 'bye' },
      },
      { id: 'bye', type: 'end' },
    ]);
    const registry = createBuiltInRegistry().registerHandler('slow', () => new Promise(() => {}));
    const { last } = await startTestSession(flow, 'chat', {
      registry,
      clock: new ManualClock({ autoAdvance: true }),
    }).expectEnd('completed');
    expect(last.transcript.filter((entry) => entry.port).map((entry) => `${entry.nodeId} ${entry.port}`)).toEqual([
      'call timeout',
    ]);
  });
});

describe('hang-up', () => {
  it('ends the session at once, aborting a handler in flight', async () => {
    const flow = buildTestFlow(
      [
        {
          id: 'ask',
          type: 'ask',
          config: { prompt: en('Card?'), variable: 'card', slot: { type: 'digits' } },
          to: { next: 'call', noInput: 'bye', noMatch: 'bye' },
        },
        {
          id: 'call',
          type: 'transaction',
          config: { handler: 'hang', timeoutMs: 60000 },
          to: { success: 'bye', error: 'bye', timeout: 'bye' },
        },
        { id: 'bye', type: 'end', config: { prompt: en('Bye.') } },
      ],
      { variables: [{ name: 'card', type: 'string' }] },
    );
    let aborted = false;
    const session = (
      await FlowSession.start(
        compiled(flow, (r) =>
          r.registerHandler(
            'hang',
            ({ signal }) => new Promise(() => signal.addEventListener('abort', () => (aborted = true))),
          ),
        ),
        { sessionId: 'h', channel: 'dtmf', clock: new ManualClock() },
      )
    ).session;
    const pending = session.send({ type: 'dtmf', digits: '1234#' });
    await new Promise((resolve) => setImmediate(resolve));
    const hungUp = await session.send({ type: 'hangup' });
    expect(hungUp.outputs).toContainEqual({ type: 'end', reason: 'hangup' });
    expect((await pending).status).toBe('ended');
    expect(aborted).toBe(true);
  });
});

describe('failing node runtimes', () => {
  it('ends with an end event when a goodbye cannot be rendered', async () => {
    const registry = createBuiltInRegistry();
    const explodingEnd = {
      ...registry.get('end'),
      spec: { ...registry.get('end')!.spec, type: 'explodingEnd' },
      runtime: {
        kind: 'terminal' as const,
        run: () => {
          throw new Error('boom');
        },
      },
    };
    registry.register(explodingEnd);
    const flow = buildTestFlow([{ id: 'bye', type: 'explodingEnd' }]);
    const { last } = await startTestSession(flow, 'chat', { registry }).expectEnd('error');
    expect(last.transcript.some((entry) => entry.text.includes('boom'))).toBe(true);
  });

  it('ends with an end event when a question cannot be rendered', async () => {
    const registry = createBuiltInRegistry();
    const menu = registry.get('menu')!;
    registry.register({
      ...menu,
      spec: { ...menu.spec, type: 'brokenMenu' },
      runtime: {
        kind: 'interactive' as const,
        render: () => {
          throw new Error('no words');
        },
        onInput: () => ({ type: 'noMatch' as const }),
      },
    });
    const flow = buildTestFlow([
      {
        id: 'ask',
        type: 'brokenMenu',
        config: { prompt: en('?'), options: [{ key: '1', label: { 'en-US': 'one' } }] },
        to: { '1': 'bye', noInput: 'bye', noMatch: 'bye' },
      },
      { id: 'bye', type: 'end' },
    ]);
    const { last } = await startTestSession(flow, 'dtmf', { registry }).expectEnd('error');
    expect(last.transcript.some((entry) => entry.text.includes('no words'))).toBe(true);
  });
});

describe('per-session dependencies (issue 13 point 2)', () => {
  it('persists the session state only: no host, no effects, the same JSON as the stored snapshot it restored', async () => {
    const { session } = await FlowSession.start(compiled(pinFlow), {
      sessionId: 'json',
      channel: 'dtmf',
      secrets: () => 'secret',
      clock: new ManualClock(),
    });
    await session.send({ type: 'dtmf', digits: '4211#' });
    const snapshot = session.snapshot();
    const machine: unknown = snapshot.machine;
    expect(machine).toMatchObject({ context: { state: { node: 'askPin' } } });
    expect(Object.keys(JSON.parse(JSON.stringify(machine)).context)).toEqual(['state']);
    const restored = FlowSession.restore(compiled(pinFlow), JSON.parse(JSON.stringify(snapshot)), {
      sessionId: 'json',
      channel: 'dtmf',
    });
    expect(restored.snapshot()).toEqual(JSON.parse(JSON.stringify(snapshot)));
  });

  it('keeps two sessions of one compiled flow apart: each handler call sees its own session id and secrets', async () => {
    const seen: string[] = [];
    const flow = compiled(
      buildTestFlow([
        {
          id: 'call',
          type: 'transaction',
          config: { handler: 'who' },
          to: { success: 'bye', error: 'bye', timeout: 'bye' },
        },
        { id: 'bye', type: 'end' },
      ]),
      (registry) =>
        registry.registerHandler(
          'who',
          async ({ idempotencyKey, secret }) => (seen.push(`${idempotencyKey} ${secret('key')}`), {}),
        ),
    );
    await Promise.all([
      FlowSession.start(flow, { sessionId: 'a', channel: 'chat', secrets: () => 'A' }),
      FlowSession.start(flow, { sessionId: 'b', channel: 'chat', secrets: () => 'B' }),
    ]);
    expect(seen.toSorted()).toEqual(['a:call:1 A', 'b:call:1 B']);
  });

  it('stops only the session whose logger throws, with an end event', async () => {
    const registry = createBuiltInRegistry();
    const end = registry.get('end')!;
    registry.register({
      ...end,
      spec: { ...end.spec, type: 'explodingEnd' },
      runtime: {
        kind: 'terminal' as const,
        run: () => {
          throw new Error('boom');
        },
      },
    });
    const result = compileFlow(buildTestFlow([{ id: 'bye', type: 'explodingEnd' }]), registry);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const quiet = { info: () => {}, warn: () => {}, error: () => {} };
    let logged = 0;
    const failing = {
      ...quiet,
      error: () => {
        logged++;
        throw new Error('log sink down');
      },
    };
    const broken = await FlowSession.start(result.compiled, { sessionId: 'broken', channel: 'chat', logger: failing });
    const fine = await FlowSession.start(result.compiled, { sessionId: 'fine', channel: 'chat', logger: quiet });
    expect(logged).toBe(1);
    expect(broken.session.status).toBe('ended');
    expect(broken.turn.outputs.at(-1)).toMatchObject({ type: 'end', reason: 'error' });
    expect(fine.turn.transcript.some((entry) => entry.text.includes('boom'))).toBe(true);
  });
});
