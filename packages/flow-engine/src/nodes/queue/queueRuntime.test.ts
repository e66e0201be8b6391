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
      to: { next: 'wait', noInput: 'wait', noMatch: 'wait' },
    },
    {
      id: 'wait',
      type: 'queue',
      config: {
        queue: 'general-banking',
        priority: 2,
        prompt: en('Please hold for an agent.'),
        reason: 'Account {{account}}',
        updateEverySeconds: 20,
        waitingMessage: 'Thanks for waiting.',
      },
    },
  ],
  {
    variables: [
      { name: 'account', type: 'string' },
      { name: 'pin', type: 'string', sensitive: true, default: '4321' },
    ],
  },
);

describe('queue node (issue 16)', () => {
  for (const channel of CHANNELS) {
    it(`queues the caller with priority, waiting treatment and masked context (${channel})`, async () => {
      const input =
        channel === 'dtmf'
          ? { type: 'dtmf' as const, digits: '42#' }
          : channel === 'voice'
            ? { type: 'speech' as const, transcript: 'four two' }
            : { type: 'text' as const, text: '42' };
      const { last } = await startTestSession(flow, channel)
        .send(input)
        .expectPrompt('Please hold for an agent.')
        .expectTransfer('general-banking')
        .expectEnd('transferred');
      const transfer = last.outputs.find((output) => output.type === 'transfer');
      expect(transfer).toMatchObject({
        nodeId: 'wait',
        reason: 'Account 42',
        routing: { priority: 2, waiting: { everySeconds: 20, announcePosition: true, message: 'Thanks for waiting.' } },
        variables: { account: '42', pin: '****' },
      });
      expect(JSON.stringify(last)).not.toContain('4321');
    });
  }

  it('defaults to announcing the position every 30 s at the queue’s own priority', async () => {
    const bare = buildTestFlow([{ id: 'wait', type: 'queue', config: { queue: 'cards' } }]);
    const { last } = await startTestSession(bare, 'chat').expectTransfer('cards');
    expect(last.outputs.find((output) => output.type === 'transfer')).toMatchObject({
      routing: { priority: 0, waiting: { everySeconds: 30, announcePosition: true } },
    });
  });
});
