import type { InputEvent, OutputEvent, TranscriptEntry } from '@omniflow/flow-engine';
import { exhaustive } from '@omniflow/flow-schema';
import type { ContactOutcome, ContactTurn } from './ContactStore.ts';

/** What {@link contactTurnOf} reads of an engine turn. */
interface TurnFacts {
  transcript: readonly TranscriptEntry[];
  outputs: readonly OutputEvent[];
  status: 'active' | 'ended';
  nodeId: string | null;
}

/**
 * The contact's share of one turn: the nodes it passed through (from the transcript's node ids, repeats collapsed)
 * and, when the session ended, how: an end node is `completed`, a transfer `transferred`, a caller hanging up before
 * the flow finished `abandoned`, and a loop limit, turn or time limit or handler crash `failed`.
 */
export function contactTurnOf(turn: TurnFacts, input?: InputEvent): ContactTurn {
  const path: string[] = [];
  const visit = (nodeId: string | null | undefined): void => {
    if (nodeId && path.at(-1) !== nodeId) path.push(nodeId);
  };
  for (const entry of turn.transcript) visit(entry.nodeId);
  visit(turn.nodeId);
  const facts: ContactTurn = { path, input: input !== undefined && input.type !== 'hangup' };
  if (turn.status !== 'ended') return facts;
  const transfer = turn.outputs.find((o): o is Extract<OutputEvent, { type: 'transfer' }> => o.type === 'transfer');
  const end = turn.outputs.find((o): o is Extract<OutputEvent, { type: 'end' }> => o.type === 'end');
  const outcome: ContactOutcome = transfer ? 'transferred' : outcomeOf(end?.reason);
  facts.end = {
    outcome,
    endNode: end?.nodeId ?? transfer?.nodeId ?? path.at(-1) ?? null,
    transferQueue: transfer?.queue ?? null,
  };
  return facts;
}

function outcomeOf(reason: Extract<OutputEvent, { type: 'end' }>['reason'] | undefined): ContactOutcome {
  switch (reason) {
    case 'completed':
      return 'completed';
    case 'transferred':
      return 'transferred';
    case 'hangup':
      return 'abandoned';
    case 'maxTurns':
    case 'maxDuration':
    case 'loopLimit':
    case 'error':
    case undefined:
      return 'failed';
    default:
      return exhaustive(reason);
  }
}
