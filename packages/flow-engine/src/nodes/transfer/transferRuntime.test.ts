import { describe, expect, it } from 'vitest';
import { CHANNELS } from '@omniflow/flow-schema';
import { buildTestFlow, en } from '../../testing/buildTestFlow.ts';
import { startTestSession } from '../../testing/startTestSession.ts';

const flow = buildTestFlow(
  [
    {
      id: 'ask',
      type: 'ask',
      config: { prompt: en('Account number?'), variable: 'account', slot: { type: 'digits' } },
      to: { next: 'agent', noInput: 'agent', noMatch: 'agent' },
    },
    {
      id: 'agent',
      type: 'transfer',
      config: { queue: 'billing', prompt: en('Transferring you.'), reason: 'Account {{account}}' },
    },
  ],
  {
    variables: [
      { name: 'account', type: 'string' },
      { name: 'secret', type: 'string', sensitive: true, default: 'hunter2' },
    ],
  },
);

describe('transfer', () => {
  for (const channel of CHANNELS) {
    it(`hands over with the variables (sensitive masked) and the transcript (${channel})`, async () => {
      const input =
        channel === 'dtmf'
          ? { type: 'dtmf' as const, digits: '123#' }
          : channel === 'voice'
            ? { type: 'speech' as const, transcript: 'one two three' }
            : { type: 'text' as const, text: '123' };
      const { last } = await startTestSession(flow, channel)
        .send(input)
        .expectPrompt('Transferring you.')
        .expectTransfer('billing')
        .expectEnd('transferred');
      const transfer = last.outputs.find((output) => output.type === 'transfer');
      expect(transfer).toMatchObject({ reason: 'Account 123', variables: { account: '123', secret: '****' } });
      const lines =
        transfer?.type === 'transfer' ? transfer.transcript.map((entry) => `${entry.from}: ${entry.text}`) : [];
      expect(lines.some((line) => line.startsWith('bot: Account number?'))).toBe(true);
      expect(lines).toContain('bot: Transferring you.');
      expect(JSON.stringify(last)).not.toContain('hunter2');
    });
  }
});
