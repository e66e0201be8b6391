import { describe, expect, it } from 'vitest';
import { CHANNELS } from '@omniflow/flow-schema';
import { buildTestFlow, en } from '../../testing/buildTestFlow.ts';
import { ManualClock } from '../../testing/ManualClock.ts';
import { startTestSession } from '../../testing/startTestSession.ts';

const flow = buildTestFlow(
  [
    {
      id: 'amount',
      type: 'ask',
      config: { prompt: en('How much?'), variable: 'amount', slot: { type: 'number' } },
      to: { next: 'fee', noInput: 'small', noMatch: 'small' },
    },
    {
      id: 'fee',
      type: 'set',
      config: {
        assignments: [
          { variable: 'fee', value: 'round(amount * 0.1)' },
          { variable: 'total', value: 'amount + fee' },
        ],
      },
      to: { next: 'size' },
    },
    {
      id: 'size',
      type: 'condition',
      config: {
        cases: [
          { id: 'big', when: 'total > 1000' },
          { id: 'medium', when: 'total > 100' },
        ],
      },
      to: { big: 'big', medium: 'medium', default: 'small' },
    },
    { id: 'big', type: 'end', config: { prompt: en('Big: {{total}}.') } },
    { id: 'medium', type: 'end', config: { prompt: en('Medium: {{total}}.') } },
    { id: 'small', type: 'end', config: { prompt: en('Small.') } },
  ],
  {
    variables: [
      { name: 'amount', type: 'number' },
      { name: 'fee', type: 'number' },
      { name: 'total', type: 'number' },
    ],
  },
);

describe('condition and set', () => {
  it('evaluates today() on the session clock', async () => {
    const dated = buildTestFlow(
      [
        {
          id: 'stamp',
          type: 'set',
          config: { assignments: [{ variable: 'day', value: 'today()' }] },
          to: { next: 'bye' },
        },
        { id: 'bye', type: 'end', config: { prompt: en('Today is {{day}}.') } },
      ],
      { variables: [{ name: 'day', type: 'string' }] },
    );
    const { last } = await startTestSession(dated, 'chat', {
      clock: new ManualClock({ start: Date.parse('2030-02-03T10:00:00Z') }),
    }).expectPrompt('Today is 2030-02-03.');
    expect(last.variables.day).toBe('2030-02-03');
  });

  it('reads the implicit channel and locale variables', async () => {
    const byChannel = buildTestFlow([
      {
        id: 'which',
        type: 'condition',
        config: { cases: [{ id: 'phone', when: 'channel != "chat"' }] },
        to: { phone: 'phone', default: 'chat' },
      },
      { id: 'phone', type: 'end', config: { prompt: en('Phone in {{locale}}.') } },
      { id: 'chat', type: 'end', config: { prompt: en('Chat in {{locale}}.') } },
    ]);
    const voice = await startTestSession(byChannel, 'voice').expectPrompt('Phone in en-US.');
    const chat = await startTestSession(byChannel, 'chat').expectPrompt('Chat in en-US.');
    expect([voice.last.status, chat.last.status]).toEqual(['ended', 'ended']);
  });

  const answer = {
    dtmf: (n: string) => ({ type: 'dtmf' as const, digits: `${n}#` }),
    voice: (n: string) => ({ type: 'speech' as const, transcript: n }),
    chat: (n: string) => ({ type: 'text' as const, text: n }),
  };
  for (const channel of CHANNELS) {
    it(`computes values in order and takes the first true case (${channel})`, async () => {
      await startTestSession(flow, channel).send(answer[channel]('2000')).expectPrompt('Big: 2200.');
      await startTestSession(flow, channel).send(answer[channel]('200')).expectPrompt('Medium: 220.');
      await startTestSession(flow, channel).send(answer[channel]('20')).expectPrompt('Small.');
    });
  }
});
