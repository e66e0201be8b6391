import { describe, expect, it } from 'vitest';
import { CHANNELS } from '@omniflow/flow-schema';
import { createBuiltInRegistry } from '../../nodeTypes/createBuiltInRegistry.ts';
import { buildTestFlow, en } from '../../testing/buildTestFlow.ts';
import { startTestSession } from '../../testing/startTestSession.ts';

const flow = buildTestFlow(
  [
    {
      id: 'ask',
      type: 'ask',
      config: {
        prompt: en('Booking reference?'),
        variable: 'reference',
        slot: { type: 'digits', minLength: 3, maxLength: 3 },
      },
      to: { next: 'find', noInput: 'sorry', noMatch: 'sorry' },
    },
    {
      id: 'find',
      type: 'transaction',
      config: {
        handler: 'findBooking',
        args: { ref: 'reference', upper: 'upper("x" + reference)' },
        results: { passenger: 'name' },
        outcomes: ['cancelled'],
      },
      to: { success: 'found', cancelled: 'cancelled', error: 'sorry', timeout: 'sorry' },
    },
    { id: 'found', type: 'end', config: { prompt: en('Welcome back, {{passenger}}.') } },
    { id: 'cancelled', type: 'end', config: { prompt: en('That booking was cancelled.') } },
    { id: 'sorry', type: 'end', config: { prompt: en('Sorry.') } },
  ],
  {
    variables: [
      { name: 'reference', type: 'string' },
      { name: 'passenger', type: 'string' },
    ],
  },
);

const answer = {
  dtmf: { type: 'dtmf' as const, digits: '123#' },
  voice: { type: 'speech' as const, transcript: 'one two three' },
  chat: { type: 'text' as const, text: '123' },
};

describe('transaction', () => {
  for (const channel of CHANNELS) {
    it(`calls the named handler with evaluated args and maps results and outcomes (${channel})`, async () => {
      const seen: unknown[] = [];
      const registry = createBuiltInRegistry().registerHandler('findBooking', async ({ args }) => {
        seen.push(args);
        return args.ref === '123' ? { variables: { name: 'Kim', ignored: true } } : { port: 'cancelled' };
      });
      const { last } = await startTestSession(flow, channel, { registry })
        .send(answer[channel])
        .expectPrompt('Welcome back, Kim.');
      expect(seen).toEqual([{ ref: '123', upper: 'X123' }]);
      expect(last.variables).not.toHaveProperty('ignored');
    });
  }

  it('takes error when no handler of that name is registered', async () => {
    const { last } = await startTestSession(flow, 'chat').type('123').expectPrompt('Sorry.');
    expect(
      last.transcript.some(
        (entry) => entry.text.includes('no handler registered') && entry.text.includes('findBooking'),
      ),
    ).toBe(true);
  });
});
