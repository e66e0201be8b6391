import { describe, expect, it } from 'vitest';
import type { SlotConfig } from './askSpec.ts';
import { buildTestFlow, en } from '../../testing/buildTestFlow.ts';
import { startTestSession } from '../../testing/startTestSession.ts';

function askFlow(
  slot: SlotConfig,
  type: 'string' | 'number' | 'boolean' | 'date' = 'string',
  extra: Record<string, unknown> = {},
) {
  return buildTestFlow(
    [
      {
        id: 'ask',
        type: 'ask',
        config: {
          prompt: en('Your answer?'),
          variable: 'answer',
          slot,
          invalidPrompt: en('That is not valid.'),
          noMatch: { maxRetries: 1 },
          ...extra,
        },
        to: { next: 'done', noMatch: 'failed', noInput: 'failed' },
      },
      { id: 'done', type: 'end', config: { prompt: en('Got {{answer}}.') } },
      { id: 'failed', type: 'end', config: { prompt: en('Giving up.'), outcome: 'failed' } },
    ],
    { variables: [{ name: 'answer', type }] },
  );
}

describe('ask', () => {
  it('collects digits by keypad, speech and text, with the terminator and length bounds', async () => {
    const flow = askFlow({ type: 'digits', minLength: 4, maxLength: 4 });
    await startTestSession(flow, 'dtmf')
      .expectPrompt(/Your answer\? Enter the 4 digits/)
      .press('4211#')
      .expectPrompt('Got 4211.');
    await startTestSession(flow, 'voice')
      .check('voice offers a digits grammar', (s) =>
        s.last.outputs.some((o) => o.type === 'prompt' && (o.expect.speech?.grammar ?? '').includes('<digit>')),
      )
      .say('four two one one')
      .expectPrompt('Got 4211.');
    await startTestSession(flow, 'chat')
      .type('42')
      .expectPrompt('That is not valid.')
      .type('4211')
      .expectPrompt('Got 4211.');
  });

  it('reads yes and no on every channel', async () => {
    const flow = askFlow({ type: 'yesNo' }, 'boolean');
    await startTestSession(flow, 'dtmf').press('2').expectPrompt('Got false.');
    await startTestSession(flow, 'voice').say('yes please').expectPrompt('Got true.');
    await startTestSession(flow, 'chat').expectChoices(['Yes', 'No']).type('nope').expectPrompt('Got false.');
  });

  it('reads numbers and amounts, enforcing bounds', async () => {
    const numbers = askFlow({ type: 'number', min: 1, max: 9 }, 'number');
    await startTestSession(numbers, 'dtmf')
      .press('12#')
      .expectPrompt('That is not valid.')
      .press('7#')
      .expectPrompt('Got 7.');
    await startTestSession(numbers, 'chat').type('about 3').expectPrompt('Got 3.');
    const amounts = askFlow({ type: 'amount' }, 'number');
    await startTestSession(amounts, 'dtmf').press('12*50#').expectPrompt('Got 12.5.');
    await startTestSession(amounts, 'voice').say('$1,200.25').expectPrompt('Got 1200.25.');
  });

  it('reads dates as eight keypad digits or typed text, refusing impossible dates', async () => {
    const flow = askFlow({ type: 'date' }, 'date');
    await startTestSession(flow, 'dtmf')
      .press('19900230')
      .expectNode('ask')
      .press('19900517')
      .expectPrompt('Got 1990-05-17.');
    await startTestSession(flow, 'chat').type('1985-12-01').expectPrompt('Got 1985-12-01.');
  });

  it('offers choices as keys, words and quick replies', async () => {
    const flow = askFlow({
      type: 'choice',
      choices: [
        { value: 'morning', label: { 'en-US': 'morning' } },
        { value: 'evening', label: { 'en-US': 'evening' }, synonyms: { 'en-US': ['tonight'] } },
      ],
    });
    await startTestSession(flow, 'dtmf')
      .expectPrompt(/press 2/)
      .press('2')
      .expectPrompt('Got evening.');
    await startTestSession(flow, 'voice').say('tonight').expectPrompt('Got evening.');
    await startTestSession(flow, 'chat')
      .expectChoices(['morning', 'evening'])
      .type('Morning')
      .expectPrompt('Got morning.');
  });

  it('confirms a low-confidence spoken choice or yes/no before storing it, and asks again on no', async () => {
    const choices = askFlow({
      type: 'choice',
      choices: [
        { value: 'morning', label: { 'en-US': 'morning' } },
        { value: 'evening', label: { 'en-US': 'evening' }, synonyms: { 'en-US': ['tonight'] } },
      ],
    });
    const { last } = await startTestSession(choices, 'voice')
      .say('tonight', 0.4)
      .expectPrompt(/Did you say evening\?/)
      .expectNode('ask')
      .say('yes')
      .expectPrompt('Got evening.');
    expect(last.variables.answer).toBe('evening');
    await startTestSession(choices, 'voice')
      .say('tonight', 0.4)
      .expectPrompt(/Did you say evening/)
      .say('no')
      .expectPrompt(/Your answer\?/)
      .say('morning', 0.9)
      .expectPrompt('Got morning.');
    // Too unsure to ask back: a reprompt, unless an alternative is heard with enough confidence.
    await startTestSession(choices, 'voice')
      .say('tonight', 0.1)
      .expectNode('ask')
      .expectPrompt(/Your answer\?/);
    await startTestSession(choices, 'voice')
      .send({
        type: 'speech',
        transcript: 'mourning',
        confidence: 0.1,
        alternatives: [{ transcript: 'morning', confidence: 0.8 }],
      })
      .expectPrompt('Got morning.');
    // The answer awaiting confirmation is part of the snapshot: another process can take the caller's yes.
    await startTestSession(choices, 'voice').say('tonight', 0.4).restart().say('yes').expectPrompt('Got evening.');
    const yesNo = askFlow({ type: 'yesNo' }, 'boolean');
    await startTestSession(yesNo, 'voice')
      .say('nope', 0.35)
      .expectPrompt(/Did you say nope\?/)
      .say('yes')
      .expectPrompt('Got false.');
  });

  it('applies the validate expression and routes to noMatch when retries run out', async () => {
    const flow = askFlow({ type: 'digits', validate: 'value != "0000"' });
    await startTestSession(flow, 'dtmf')
      .press('0000')
      .expectPrompt('That is not valid.')
      .press('0000')
      .expectPrompt('Giving up.')
      .expectEnd('completed');
  });

  it('lets a global intent win over a free-text answer', async () => {
    const flow = buildTestFlow(
      [
        {
          id: 'ask',
          type: 'ask',
          config: { prompt: en('Tell me more.'), variable: 'answer', slot: { type: 'text' } },
          to: { next: 'done', noMatch: 'done', noInput: 'done' },
        },
        { id: 'done', type: 'end', config: { prompt: en('Got {{answer}}.') } },
        { id: 'agent', type: 'transfer', config: { queue: 'agents' } },
      ],
      {
        variables: [{ name: 'answer', type: 'string' }],
        globalIntents: [{ id: 'agent', phrases: { 'en-US': ['talk to an agent'] }, target: 'agent' }],
      },
    );
    await startTestSession(flow, 'chat').type('talk to an agent').expectTransfer('agents');
    const { last } = await startTestSession(flow, 'voice')
      .say('my card was swallowed')
      .expectPrompt('Got my card was swallowed.');
    expect(last.status).toBe('ended');
  });

  it('takes a global intent on its keypad shortcut when the entry is no answer here, on dtmf and voice calls (#3)', async () => {
    const agent = { globalIntents: [{ id: 'agent', phrases: { 'en-US': ['agent'] }, dtmf: '0', target: 'agent' }] };
    const withAgent = (slot: SlotConfig, type: 'string' | 'number') => {
      const flow = askFlow(slot, type);
      return {
        ...flow,
        ...agent,
        nodes: [...flow.nodes, { id: 'agent', type: 'transfer', config: { queue: 'agents' } }],
      };
    };
    const fourDigits = withAgent({ type: 'digits', minLength: 4, maxLength: 4 }, 'string');
    await startTestSession(fourDigits, 'dtmf').press('0#').expectTransfer('agents');
    await startTestSession(fourDigits, 'voice').press('0').expectTransfer('agents');
    // Only the exact key: a wrong four-digit entry that starts with it is retried like any other.
    await startTestSession(fourDigits, 'dtmf').press('00#').expectPrompt('That is not valid.').expectNode('ask');
    // A slot that accepts the key as an answer keeps it.
    const anyNumber = withAgent({ type: 'number', min: 0, max: 9 }, 'number');
    await startTestSession(anyNumber, 'voice').press('0#').expectPrompt('Got 0.');
  });

  it('collects free text on chat', async () => {
    const { last } = await startTestSession(askFlow({ type: 'text', maxLength: 20 }), 'chat')
      .type('  hello there ')
      .expectPrompt('Got hello there.');
    expect(last.variables.answer).toBe('hello there');
  });
});
