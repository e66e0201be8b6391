import { describe, expect, it } from 'vitest';
import { buildTestFlow, en, type TestNode } from '../../testing/buildTestFlow.ts';
import { startTestSession } from '../../testing/startTestSession.ts';

const menuNodes: TestNode[] = [
  {
    id: 'main',
    type: 'menu',
    config: {
      prompt: en('Main menu.'),
      options: [
        { key: '1', label: { 'en-US': 'balance' }, synonyms: { 'en-US': ['how much money'] } },
        { key: '2', label: { 'en-US': 'card activation' } },
      ],
      repeatKey: '*',
      noMatch: { maxRetries: 1, reprompts: [en('Sorry, I did not get that.')] },
      noInput: { maxRetries: 1 },
    },
    to: { '1': 'balance', '2': 'card', noMatch: 'agent', noInput: 'bye' },
  },
  { id: 'balance', type: 'message', config: { prompt: en('Your balance is fine.') }, to: { next: 'bye' } },
  { id: 'card', type: 'message', config: { prompt: en('Card activated.') }, to: { next: 'bye' } },
  { id: 'agent', type: 'transfer', config: { queue: 'agents', prompt: en('Connecting you to an agent.') } },
  { id: 'bye', type: 'end', config: { prompt: en('Goodbye.'), outcome: 'served' } },
];

const menuFlow = buildTestFlow([{ id: 'start', type: 'start', to: { next: 'main' } }, ...menuNodes]);

/** The menu flow with the main menu's config changed. */
function withMenuConfig(changes: Record<string, unknown>) {
  return buildTestFlow([
    { id: 'start', type: 'start', to: { next: 'main' } },
    ...menuNodes.map((node) => (node.id === 'main' ? { ...node, config: { ...node.config, ...changes } } : node)),
  ]);
}

describe('menu', () => {
  it('keeps its own option on a key that is also a global intent shortcut, and gives other keys to the intent (#3)', async () => {
    const withZero = {
      ...menuFlow,
      globalIntents: [
        { id: 'agent', phrases: { 'en-US': ['agent'] }, dtmf: '2', target: 'agent' },
        { id: 'bye', phrases: { 'en-US': ['goodbye'] }, dtmf: '0', target: 'bye' },
      ],
    };
    await startTestSession(withZero, 'dtmf').press('2').expectPrompt('Card activated.');
    await startTestSession(withZero, 'dtmf').press('0#').expectPrompt('Goodbye.').expectEnd('completed');
    await startTestSession(withZero, 'voice').press('0').expectPrompt('Goodbye.').expectEnd('completed');
  });

  it('reads options with their keys on DTMF and routes a key press to its option', async () => {
    await startTestSession(menuFlow, 'dtmf')
      .expectPrompt(/Main menu\. For balance, press 1\. For card activation, press 2\./)
      .expectNode('main')
      .press('1')
      .expectPrompt('Your balance is fine.')
      .expectPrompt('Goodbye.')
      .expectEnd('completed');
  });

  it('lists what to say on voice and matches a synonym', async () => {
    await startTestSession(menuFlow, 'voice')
      .expectPrompt(/You can say balance or card activation/)
      .check('exposes a JSGF grammar with the options', (state) =>
        state.last.outputs.some(
          (o) => o.type === 'prompt' && (o.expect.speech?.grammar ?? '').includes('card activation {2}'),
        ),
      )
      .say('how much money do I have')
      .expectPrompt('Your balance is fine.');
  });

  it('offers quick replies on chat and matches a typo', async () => {
    await startTestSession(menuFlow, 'chat')
      .expectChoices(['balance', 'card activation'])
      .type('card activaton')
      .expectPrompt('Card activated.');
  });

  it('reprompts after an invalid key, then routes to noMatch', async () => {
    await startTestSession(menuFlow, 'dtmf')
      .press('9')
      .expectPrompt(/Sorry, I did not get that\. For balance, press 1/)
      .expectNode('main')
      .press('8')
      .expectPrompt('Connecting you to an agent.')
      .expectTransfer('agents')
      .expectEnd('transferred');
  });

  it('ignores the # typed after a fixed-length PIN instead of repeating the menu (issue 20)', async () => {
    const pinThenMenu = buildTestFlow(
      [
        { id: 'start', type: 'start', to: { next: 'pin' } },
        {
          id: 'pin',
          type: 'ask',
          config: { prompt: en('Your PIN?'), variable: 'pin', slot: { type: 'digits', minLength: 4, maxLength: 4 } },
          to: { next: 'main', noMatch: 'bye', noInput: 'bye' },
        },
        ...menuNodes,
      ],
      { variables: [{ name: 'pin', type: 'string' }] },
    );
    const silentWait = (state: { last: { outputs: readonly { type: string }[] } }) =>
      state.last.outputs.every((output) => output.type === 'prompt') && state.last.outputs.length === 1;
    await startTestSession(pinThenMenu, 'dtmf')
      .expectNoPrompt(/pound/)
      .press('4211')
      .expectPrompt(/Main menu/)
      .press('#')
      .expectNode('main')
      .check('says nothing and keeps listening for a key', silentWait)
      // Had the # counted as a no-match, the one retry would be gone and this 9 would transfer to an agent.
      .press('9')
      .expectPrompt(/Sorry, I did not get that/)
      .press('1')
      .expectPrompt('Your balance is fine.');
    await startTestSession(pinThenMenu, 'voice')
      .press('4211')
      .press('')
      .expectNode('main')
      .check('says nothing on an empty keypad entry', silentWait)
      .say('balance')
      .expectPrompt('Your balance is fine.');
  });

  it('ignores a stray # at a PIN question too, and still takes the answer (issue 20)', async () => {
    const twoPins = buildTestFlow(
      [
        { id: 'start', type: 'start', to: { next: 'a' } },
        {
          id: 'a',
          type: 'ask',
          config: {
            prompt: en('First?'),
            variable: 'a',
            slot: { type: 'digits', minLength: 2, maxLength: 2 },
            noMatch: { maxRetries: 0 },
          },
          to: { next: 'b', noMatch: 'bye', noInput: 'bye' },
        },
        {
          id: 'b',
          type: 'ask',
          config: {
            prompt: en('Second?'),
            variable: 'b',
            slot: { type: 'digits', minLength: 2, maxLength: 2 },
            noMatch: { maxRetries: 0 },
          },
          to: { next: 'bye', noMatch: 'bye', noInput: 'bye' },
        },
        { id: 'bye', type: 'end', config: { prompt: en('Got {{a}} and {{b}}.'), outcome: 'served' } },
      ],
      {
        variables: [
          { name: 'a', type: 'string' },
          { name: 'b', type: 'string' },
        ],
      },
    );
    await startTestSession(twoPins, 'dtmf')
      .press('12')
      .expectPrompt(/Second\?/)
      .press('#')
      .expectNode('b')
      .press('34')
      .expectPrompt('Got 12 and 34.');
  });

  it("says only the analyst's prompt when instructions are off, in every channel (issue 20)", async () => {
    const own = withMenuConfig({ prompt: en('For balance press 1, for cards press 2.'), instructions: 'off' });
    await startTestSession(own, 'dtmf')
      .expectPrompt('For balance press 1, for cards press 2.')
      .press('2')
      .expectPrompt('Card activated.');
    await startTestSession(own, 'voice')
      .expectPrompt('For balance press 1, for cards press 2.')
      .say('balance')
      .expectPrompt('Your balance is fine.');
    await startTestSession(own, 'chat')
      .expectPrompt('For balance press 1, for cards press 2.')
      .expectChoices(['balance', 'card activation']);
  });

  it('says custom instructions in place of the generated ones on keypad and voice, not in chat (issue 20)', async () => {
    const custom = withMenuConfig({
      instructions: 'custom',
      customInstructions: en('Pick one, or press star to hear this again.'),
    });
    await startTestSession(custom, 'dtmf')
      .expectPrompt('Main menu. Pick one, or press star to hear this again.')
      .press('1')
      .expectPrompt('Your balance is fine.');
    await startTestSession(custom, 'voice')
      .expectPrompt('Main menu. Pick one, or press star to hear this again.')
      .expectNoPrompt(/You can say/);
    await startTestSession(custom, 'chat')
      .expectPrompt('Main menu.')
      .expectNoPrompt(/Pick one/);
  });

  it('repeats the menu on the repeat key without counting a retry', async () => {
    await startTestSession(menuFlow, 'dtmf')
      .press('*')
      .expectPrompt(/Main menu/)
      .press('*')
      .expectPrompt(/Main menu/)
      .press('2')
      .expectPrompt('Card activated.');
  });

  it('takes noInput after the retries run out', async () => {
    await startTestSession(menuFlow, 'voice')
      .noInput()
      .expectPrompt(/Main menu/)
      .noInput()
      .expectPrompt('Goodbye.')
      .expectEnd();
  });

  it('rejects low-confidence speech', async () => {
    await startTestSession(menuFlow, 'voice').say('balance', 0.1).expectPrompt(/Sorry/).expectNode('main');
  });

  it('confirms a low-confidence match before taking it, and asks again on no', async () => {
    await startTestSession(menuFlow, 'voice')
      .say('balance', 0.4)
      .expectPrompt(/Did you say balance\?/)
      .expectNode('main')
      .say('yes')
      .expectPrompt('Your balance is fine.');
    await startTestSession(menuFlow, 'voice')
      .say('balance', 0.4)
      .expectPrompt(/Did you say balance/)
      .say('no')
      .expectPrompt(/Sorry, I did not get that/)
      .say('card activation')
      .expectPrompt('Card activated.');
  });

  it('fails with the conversation so far when an expectation is not met', async () => {
    const failure = await startTestSession(menuFlow, 'dtmf')
      .press('1')
      .expectPrompt('nonsense')
      .then(
        () => null,
        (error: unknown) => String(error),
      );
    expect(failure).toContain('Expected a prompt matching nonsense');
    expect(failure).toContain('press "1"');
    expect(failure).toContain('Your balance is fine.');
  });
});
