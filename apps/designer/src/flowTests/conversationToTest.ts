import type { FlowDocument, FlowTestCase, FlowTestStep } from '@omniflow/flow-schema';

/** One simulator turn as recorded for "Save as test": the caller's input (null for the start) and what followed. */
export interface RecordedTurn {
  input: { type: string; [key: string]: unknown } | null;
  /** The node that was waiting for the input. */
  waitingNodeId: string | null;
  /** The chat quick replies offered for the input. */
  choices: readonly { value: string; label: string }[];
  status: 'active' | 'ended';
  /** Where the session rests after the turn. */
  nodeId: string | null;
  outputs: readonly { type: string; [key: string]: unknown }[];
}

/**
 * Turns a simulator conversation into a channel-neutral test: a key or quick reply that picks an option becomes
 * `choose`, other keys `digits`, typed or spoken words `say`; after each turn the test expects the node the
 * conversation reached, and at the end the transfer or the end it finished with. Words cannot be keyed, so a test
 * that says any runs in voice and chat only; the others run in every channel.
 */
export function conversationToTest(
  flow: FlowDocument,
  turns: readonly RecordedTurn[],
  id: string,
  name: string,
): FlowTestCase {
  const steps: FlowTestStep[] = [];
  for (const turn of turns) {
    if (turn.input !== null) {
      const step = inputStep(flow, turn);
      if (step === null) break;
      steps.push(step);
    }
    steps.push(...expectations(turn));
  }
  return steps.some((step) => 'say' in step) ? { id, name, channels: ['voice', 'chat'], steps } : { id, name, steps };
}

function inputStep(flow: FlowDocument, turn: RecordedTurn): FlowTestStep | null {
  const input = turn.input;
  if (input === null || input.type === 'hangup') return null;
  if (input.type === 'noInput') return { noInput: true };
  const text = String(input['digits'] ?? input['text'] ?? input['transcript'] ?? '');
  const waiting = flow.nodes.find((node) => node.id === turn.waitingNodeId);
  if (
    turn.choices.some((choice) => choice.value === text) ||
    (input.type === 'dtmf' && waiting !== undefined && listsChoice(waiting.config, text))
  )
    return { choose: text };
  if (/^[0-9*#]+$/.test(text)) return { digits: text };
  return { say: text };
}

function expectations(turn: RecordedTurn): FlowTestStep[] {
  if (turn.status === 'active') return turn.nodeId === null ? [] : [{ expectNode: turn.nodeId }];
  const transfer = turn.outputs.find((output) => output.type === 'transfer');
  if (transfer !== undefined)
    return [
      typeof transfer['queue'] === 'string' ? { expectTransfer: { queue: transfer['queue'] } } : { expectTransfer: {} },
    ];
  const end = turn.outputs.find((output) => output.type === 'end');
  return [typeof end?.['outcome'] === 'string' ? { expectEnd: { outcome: end['outcome'] } } : { expectEnd: {} }];
}

/** Whether a node config lists an option keyed `key` (a menu's options). */
function listsChoice(config: unknown, key: string): boolean {
  if (Array.isArray(config))
    return config.some(
      (item) =>
        (typeof item === 'object' && item !== null && 'key' in item && item.key === key) || listsChoice(item, key),
    );
  return (
    typeof config === 'object' && config !== null && Object.values(config).some((value) => listsChoice(value, key))
  );
}
