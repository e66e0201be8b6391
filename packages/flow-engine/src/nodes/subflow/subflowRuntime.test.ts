import { describe, expect, it } from 'vitest';
import { CHANNELS } from '@omniflow/flow-schema';
import { buildTestFlow, en } from '../../testing/buildTestFlow.ts';
import { startTestSession } from '../../testing/startTestSession.ts';

const child = buildTestFlow(
  [
    {
      id: 'confirm',
      type: 'ask',
      config: { prompt: en('Send {{amount}} dollars?'), variable: 'ok', slot: { type: 'yesNo' } },
      to: { next: 'decide', noInput: 'fail', noMatch: 'fail' },
    },
    {
      id: 'decide',
      type: 'condition',
      config: { cases: [{ id: 'yes', when: 'ok' }] },
      to: { yes: 'done', default: 'fail' },
    },
    {
      id: 'done',
      type: 'set',
      config: { assignments: [{ variable: 'receipt', value: '"R-" + string(amount)' }] },
      to: { next: 'back' },
    },
    { id: 'back', type: 'end', config: { prompt: en('Sent.') } },
    { id: 'fail', type: 'end', config: { outcome: 'error' } },
  ],
  {
    id: 'payment',
    variables: [
      { name: 'amount', type: 'number' },
      { name: 'ok', type: 'boolean' },
      { name: 'receipt', type: 'string' },
    ],
  },
);

const parent = buildTestFlow(
  [
    {
      id: 'pay',
      type: 'subflow',
      config: { flowId: 'payment', inputs: { amount: 'price * 2' }, outputs: { receiptNumber: 'receipt' } },
      to: { next: 'thanks', error: 'oops' },
    },
    { id: 'thanks', type: 'end', config: { prompt: en('Receipt {{receiptNumber}}, price still {{price}}.') } },
    { id: 'oops', type: 'end', config: { prompt: en('Payment not made.') } },
  ],
  {
    variables: [
      { name: 'price', type: 'number', default: 21 },
      { name: 'receiptNumber', type: 'string' },
    ],
  },
);

const resolveFlow = (id: string) => (id === 'payment' ? child : undefined);
const yes = {
  dtmf: { type: 'dtmf' as const, digits: '1' },
  voice: { type: 'speech' as const, transcript: 'yes' },
  chat: { type: 'text' as const, text: 'yes' },
};
const no = {
  dtmf: { type: 'dtmf' as const, digits: '2' },
  voice: { type: 'speech' as const, transcript: 'no' },
  chat: { type: 'text' as const, text: 'no' },
};

describe('subflow', () => {
  for (const channel of CHANNELS) {
    it(`runs the child with its inputs, returns its outputs and keeps the caller's variables (${channel})`, async () => {
      const { last } = await startTestSession(parent, channel, { resolveFlow })
        .expectPrompt('Send 42 dollars?')
        .send(yes[channel])
        .expectPrompt('Sent.')
        .expectPrompt('Receipt R-42, price still 21.');
      expect(last.variables).toMatchObject({ price: 21, receiptNumber: 'R-42' });
      expect(last.variables).not.toHaveProperty('ok');
    });

    it(`takes error when the child ends with outcome error (${channel})`, async () => {
      const { last } = await startTestSession(parent, channel, { resolveFlow })
        .send(no[channel])
        .expectPrompt('Payment not made.');
      expect(last.status).toBe('ended');
    });
  }
});
