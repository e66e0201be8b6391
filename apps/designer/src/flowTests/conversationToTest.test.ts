import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '@omniflow/flow-schema';
import { conversationToTest, type RecordedTurn } from './conversationToTest.ts';
import { stepFields, stepFromFields, STEP_KINDS } from './testStepForm.ts';

const flow: FlowDocument = {
  id: 'f',
  name: 'F',
  schemaVersion: 1,
  locales: ['en-US'],
  defaultLocale: 'en-US',
  variables: [],
  start: 'menu',
  nodes: [
    { id: 'menu', type: 'menu', config: { options: [{ key: '1', label: { 'en-US': 'balance' } }] } },
    { id: 'ask', type: 'ask', config: {} },
  ],
  edges: [],
};

function turn(
  input: RecordedTurn['input'],
  waitingNodeId: string | null,
  nodeId: string | null,
  extra: Partial<RecordedTurn> = {},
): RecordedTurn {
  return { input, waitingNodeId, choices: [], status: 'active', nodeId, outputs: [], ...extra };
}

describe('conversationToTest', () => {
  it('makes a menu key a choice, other keys digits, and expects each node reached and the transfer', () => {
    const test = conversationToTest(
      flow,
      [
        turn(null, null, 'menu'),
        turn({ type: 'dtmf', digits: '1' }, 'menu', 'ask'),
        turn({ type: 'dtmf', digits: '4821' }, 'ask', null, {
          status: 'ended',
          outputs: [
            { type: 'transfer', queue: 'cards' },
            { type: 'end', reason: 'transferred' },
          ],
        }),
      ],
      't1',
      'My call',
    );
    expect(test.steps).toEqual([
      { expectNode: 'menu' },
      { choose: '1' },
      { expectNode: 'ask' },
      { digits: '4821' },
      { expectTransfer: { queue: 'cards' } },
    ]);
    expect(test.channels).toBeUndefined();
  });

  it('makes a quick reply a choice, words said, silence no input, and stops at a hang-up', () => {
    const test = conversationToTest(
      flow,
      [
        turn({ type: 'text', text: '1' }, 'menu', 'ask', { choices: [{ value: '1', label: 'balance' }] }),
        turn({ type: 'speech', transcript: 'lost card' }, 'ask', 'ask'),
        turn({ type: 'noInput' }, 'ask', null, { status: 'ended', outputs: [{ type: 'end', outcome: 'completed' }] }),
        turn({ type: 'hangup' }, null, null),
      ],
      't2',
      'Chat',
    );
    expect(test.steps).toEqual([
      { choose: '1' },
      { expectNode: 'ask' },
      { say: 'lost card' },
      { expectNode: 'ask' },
      { noInput: true },
      { expectEnd: { outcome: 'completed' } },
    ]);
    expect(test.channels).toEqual(['voice', 'chat']);
  });
});

describe('testStepForm', () => {
  it('round-trips every kind of step through the form fields', () => {
    const steps = [
      { choose: '1' },
      { say: 'hi' },
      { digits: '12' },
      { noInput: true as const },
      { expectPrompt: 'x' },
      { expectNode: 'n' },
      { expectVariable: { name: 'v', equals: 3 } },
      { expectTransfer: { queue: 'q' } },
      { expectEnd: {} },
    ];
    expect(steps.map((step) => stepFields(step).kind)).toEqual([...STEP_KINDS]);
    for (const step of steps) expect(stepFromFields(stepFields(step))).toEqual(step);
  });

  it('takes an expected value that is not JSON as text', () => {
    expect(stepFromFields({ kind: 'expectVariable', a: 'name', b: 'Alice' })).toEqual({
      expectVariable: { name: 'name', equals: 'Alice' },
    });
  });
});
