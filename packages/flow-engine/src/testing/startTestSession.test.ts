import { describe, expect, it } from 'vitest';
import { buildTestFlow, en } from './buildTestFlow.ts';
import { ManualClock } from './ManualClock.ts';
import { startTestSession } from './startTestSession.ts';

const flow = buildTestFlow(
  [
    {
      id: 'name',
      type: 'ask',
      config: { prompt: en('Your name?'), variable: 'name', slot: { type: 'text' } },
      to: { next: 'pin', noInput: 'bye', noMatch: 'bye' },
    },
    {
      id: 'pin',
      type: 'ask',
      config: {
        prompt: en('PIN for {{name}}?'),
        variable: 'pin',
        slot: { type: 'digits', minLength: 4, maxLength: 4 },
      },
      to: { next: 'bye', noInput: 'bye', noMatch: 'bye' },
    },
    { id: 'bye', type: 'transfer', config: { queue: 'desk' } },
  ],
  {
    variables: [
      { name: 'name', type: 'string' },
      { name: 'pin', type: 'string', sensitive: true },
    ],
  },
);

describe('startTestSession', () => {
  it('restarts from a JSON snapshot on a fresh engine and carries the transcript into the transfer', async () => {
    const { last } = await startTestSession(flow, 'chat')
      .type('Ada')
      .restart()
      .expectNode('pin')
      .type('1234')
      .expectTransfer('desk');
    const transfer = last.outputs.find((output) => output.type === 'transfer');
    const lines =
      transfer?.type === 'transfer' ? transfer.transcript.map((entry) => `${entry.from}: ${entry.text}`) : [];
    expect(lines).toEqual(expect.arrayContaining(['bot: Your name?', 'caller: Ada', 'caller: ****']));
    expect(lines.some((line) => line.startsWith('bot: PIN for Ada?'))).toBe(true);
  });

  it('reports a flow that does not compile with its issues', async () => {
    const error = await startTestSession({ ...flow, start: 'missing' }, 'dtmf').then(
      () => '',
      (reason: unknown) => String(reason),
    );
    expect(error).toMatch(/does not compile:\n\s+FLOW\d+ error \/start/);
  });

  it('moves a manual clock only when told to', () => {
    const clock = new ManualClock({ start: 1000 });
    const fired: number[] = [];
    clock.setTimeout(() => fired.push(clock.now()), 50);
    const cancelled = clock.setTimeout(() => fired.push(-1), 60);
    clock.clearTimeout(cancelled);
    clock.advance(40);
    expect(fired).toEqual([]);
    clock.advance(100);
    expect([fired, clock.now(), clock.pending]).toEqual([[1050], 1140, 0]);
  });
});
