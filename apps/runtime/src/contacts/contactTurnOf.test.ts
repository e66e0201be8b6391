import type { OutputEvent, TranscriptEntry } from '@omniflow/flow-engine';
import { describe, expect, it } from 'vitest';
import { contactTurnOf } from './contactTurnOf.ts';

const said = (nodeId: string): TranscriptEntry => ({ at: '', from: 'bot', nodeId, text: nodeId });
const turn = (nodes: string[], outputs: OutputEvent[] = [], nodeId: string | null = null) => ({
  transcript: nodes.map(said),
  outputs,
  status: outputs.some((o) => o.type === 'end') ? ('ended' as const) : ('active' as const),
  nodeId,
});

describe('contactTurnOf', () => {
  it('lists the nodes a turn passed through once per visit, ending at the node now waiting', () => {
    const facts = contactTurnOf(turn(['menu', 'menu', 'balance', 'menu'], [], 'ask'), { type: 'text', text: '1' });
    expect(facts).toEqual({ path: ['menu', 'balance', 'menu', 'ask'], input: true });
  });

  it('counts a hangup as no turn and the caller leaving mid-flow as abandoned', () => {
    const facts = contactTurnOf(turn(['menu'], [{ type: 'end', reason: 'hangup' }]), { type: 'hangup' });
    expect(facts).toMatchObject({ input: false, end: { outcome: 'abandoned', endNode: 'menu', transferQueue: null } });
  });

  it('names the transfer queue of a transferred contact and the end node of a completed one', () => {
    const transfer: OutputEvent = {
      type: 'transfer',
      nodeId: 'agent',
      queue: 'cards',
      variables: {},
      contact: {},
      transcript: [],
    };
    expect(contactTurnOf(turn(['agent'], [transfer, { type: 'end', reason: 'transferred' }])).end).toEqual({
      outcome: 'transferred',
      endNode: 'agent',
      transferQueue: 'cards',
    });
    expect(contactTurnOf(turn(['bye'], [{ type: 'end', nodeId: 'bye', reason: 'completed' }])).end).toMatchObject({
      outcome: 'completed',
      endNode: 'bye',
    });
  });

  it('calls a loop limit or a handler crash a failure', () => {
    for (const reason of ['loopLimit', 'error', 'maxTurns', 'maxDuration'] as const)
      expect({ reason, outcome: contactTurnOf(turn(['x'], [{ type: 'end', reason }])).end?.outcome }).toEqual({
        reason,
        outcome: 'failed',
      });
  });
});
