import { describe, expect, it } from 'vitest';
import { getShortestPaths, getSimplePaths } from 'xstate/graph';
import { createBuiltInRegistry } from '../nodeTypes/createBuiltInRegistry.ts';
import { buildTestFlow, en } from '../testing/buildTestFlow.ts';
import { startTestSession } from '../testing/startTestSession.ts';
import { FlowSession } from '../session/FlowSession.ts';
import { compileFlow } from './compileFlow.ts';

const mainMenu = buildTestFlow(
  [
    { id: 'start', type: 'start', to: { next: 'menu' } },
    {
      id: 'menu',
      type: 'menu',
      config: {
        prompt: en('Main menu.'),
        options: [
          { key: '1', label: { 'en-US': 'balance' } },
          { key: '2', label: { 'en-US': 'cards' } },
        ],
      },
      to: { '1': 'balance', '2': 'cards', noMatch: 'agent', noInput: 'bye' },
    },
    { id: 'balance', type: 'message', config: { prompt: en('Balance is 10.') }, to: { next: 'menu' } },
    {
      id: 'cards',
      type: 'subflow',
      config: { flowId: 'cards-flow', inputs: { attempts: '1 + 1' }, outputs: { cardResult: 'result' } },
      to: { next: 'after', error: 'agent' },
    },
    { id: 'after', type: 'end', config: { prompt: en('Card result {{cardResult}}.') } },
    { id: 'agent', type: 'transfer', config: { queue: 'agents' } },
    { id: 'bye', type: 'end', config: { prompt: en('Bye.') } },
  ],
  {
    variables: [{ name: 'cardResult', type: 'string' }],
    globalIntents: [{ id: 'agent', phrases: { 'en-US': ['agent', 'talk to a person'] }, dtmf: '0', target: 'agent' }],
  },
);

const cardsFlow = buildTestFlow(
  [
    {
      id: 'ask',
      type: 'ask',
      config: { prompt: en('Activate card? Attempt {{attempts}}.'), variable: 'ok', slot: { type: 'yesNo' } },
      to: { next: 'decide' },
    },
    {
      id: 'decide',
      type: 'condition',
      config: { cases: [{ id: 'yes', when: 'ok' }] },
      to: { yes: 'done', default: 'declined' },
    },
    {
      id: 'done',
      type: 'set',
      config: { assignments: [{ variable: 'result', value: "'activated'" }] },
      to: { next: 'finish' },
    },
    {
      id: 'declined',
      type: 'set',
      config: { assignments: [{ variable: 'result', value: "'declined'" }] },
      to: { next: 'finish' },
    },
    { id: 'finish', type: 'end', config: {} },
  ],
  {
    id: 'cards-flow',
    variables: [
      { name: 'ok', type: 'boolean' },
      { name: 'result', type: 'string' },
      { name: 'attempts', type: 'number' },
    ],
  },
);

// Counters in the context make every snapshot unique; a path is identified by where the session is.
const serializeState = (state: { value: unknown; status: string }) => `${JSON.stringify(state.value)} ${state.status}`;

const resolveFlow = (id: string) => (id === 'cards-flow' ? cardsFlow : undefined);

describe('compileFlow', () => {
  it('reports validation issues with codes and pointers instead of throwing', () => {
    const broken = buildTestFlow([{ id: 'x', type: 'nope' }]);
    const result = compileFlow(broken, createBuiltInRegistry());
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.issues.map((issue) => issue.pointer)).toContain('/nodes/0/type');
    expect(compileFlow('not a flow', createBuiltInRegistry()).ok).toBe(false);
  });

  it('skips validation for a flow the caller vouches for, but still validates a document not shaped like one', async () => {
    const registry = createBuiltInRegistry();
    // A missing translation is a validation error (FLOW014) that does not stop compiling: only the option tells them apart.
    const untranslated = { ...mainMenu, locales: ['en-US', 'fr-FR'] };
    expect(compileFlow(untranslated, registry).ok).toBe(false);
    const trusted = compileFlow(untranslated, registry, { validated: true, resolveFlow });
    expect(trusted.ok).toBe(true);
    const started = trusted.ok
      ? await FlowSession.start(trusted.compiled, { sessionId: 'trusted', channel: 'dtmf' })
      : undefined;
    expect(started?.turn.nodeId).toBe('menu');
    const dangling = { ...mainMenu, edges: [...mainMenu.edges, { source: 'menu', port: '3', target: 'nowhere' }] };
    const checked = compileFlow(dangling, registry, { validated: true, resolveFlow });
    expect(checked.ok ? [] : checked.issues.map((issue) => issue.pointer)).toContain(
      `/edges/${mainMenu.edges.length}/target`,
    );
    expect(compileFlow('not a flow', registry, { validated: true }).ok).toBe(false);
  });

  it('refuses subflows that call each other in a cycle', () => {
    const callsB = buildTestFlow(
      [
        { id: 'toB', type: 'subflow', config: { flowId: 'b' }, to: { next: 'bye', error: 'bye' } },
        { id: 'bye', type: 'end' },
      ],
      { id: 'a' },
    );
    const callsA = buildTestFlow(
      [
        { id: 'toA', type: 'subflow', config: { flowId: 'a' }, to: { next: 'bye', error: 'bye' } },
        { id: 'bye', type: 'end' },
      ],
      { id: 'b' },
    );
    const result = compileFlow(callsB, createBuiltInRegistry(), {
      resolveFlow: (id) => (id === 'a' ? callsB : callsA),
    });
    expect(result.ok ? [] : result.issues.map((issue) => issue.message)).toEqual([
      expect.stringContaining('a → b → a'),
    ]);
  });

  it('inlines a subflow: inputs in, outputs back, and the caller continues', async () => {
    await startTestSession(mainMenu, 'dtmf', { resolveFlow })
      .press('2')
      .expectPrompt(/Activate card\? Attempt 2\./)
      .press('1')
      .expectPrompt('Card result activated.')
      .expectEnd('completed');
    await startTestSession(mainMenu, 'chat', { resolveFlow })
      .type('cards')
      .type('no')
      .expectPrompt('Card result declined.');
  });

  it('jumps to a global intent from any interactive node, by phrase or keypad shortcut', async () => {
    await startTestSession(mainMenu, 'voice', { resolveFlow })
      .say('I want to talk to a person')
      .expectTransfer('agents');
    await startTestSession(mainMenu, 'dtmf', { resolveFlow }).press('2').press('0').expectTransfer('agents');
    await startTestSession(mainMenu, 'chat', { resolveFlow })
      .type('cards')
      .type('agent please')
      .expectTransfer('agents');
  });

  it('runs a flow with sticky notes and groups exactly as the flow without them (issue 20)', async () => {
    const annotated = {
      ...mainMenu,
      annotations: {
        version: 1,
        notes: [
          {
            id: 'n1',
            text: 'press 9',
            color: 'yellow' as const,
            position: { x: 0, y: 0 },
            size: { width: 200, height: 100 },
          },
        ],
        groups: [
          {
            id: 'g1',
            title: 'Menu',
            color: 'blue' as const,
            position: { x: 0, y: 0 },
            size: { width: 400, height: 300 },
            nodes: ['menu', 'gone'],
          },
        ],
      },
    };
    expect(compileFlow(annotated, createBuiltInRegistry(), { resolveFlow })).toMatchObject({ ok: true });
    for (const flow of [mainMenu, annotated]) {
      await startTestSession(flow, 'dtmf', { resolveFlow }).press('1').expectPrompt('Balance is 10.');
    }
  });

  it('compiles to a machine whose paths xstate/graph can enumerate', () => {
    const result = compileFlow(mainMenu, createBuiltInRegistry(), { resolveFlow });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const events = [
      { type: 'port.1' as const },
      { type: 'port.2' as const },
      { type: 'port.noMatch' as const },
      { type: 'intent.agent' as const },
    ];
    const input = { channel: 'dtmf' as const, locale: 'en-US', variables: {}, startedAt: 0 };
    const paths = getShortestPaths(result.compiled.machine, {
      events,
      input,
      serializeState,
      toState: (state) => state.status === 'done',
    });
    expect(paths.length).toBeGreaterThan(0);
    const routes = paths.map((path) => path.steps.map((step) => step.event.type).join(' > '));
    expect(routes).toContain('xstate.init > port.noMatch');
    expect(getSimplePaths(result.compiled.machine, { events, input, serializeState }).length).toBeGreaterThan(
      paths.length,
    );
  });
});
