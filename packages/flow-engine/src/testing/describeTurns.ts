import type { InputEvent, OutputEvent } from '../session/sessionEvents.ts';
import type { TurnResult } from '../session/sessionTypes.ts';

/** One scripted turn: the input sent (null for the session's start) and what came back. */
export interface ScriptedTurn {
  input: InputEvent | null;
  result: TurnResult;
}

/** A readable account of a scripted conversation, for test failure messages. */
export function describeTurns(turns: readonly ScriptedTurn[]): string {
  return turns
    .map((turn, index) => {
      const lines = [
        `  #${index} ${describeInput(turn.input)} → status ${turn.result.status}, at node ${turn.result.nodeId ?? '(none)'}${turn.result.error ? `, error: ${turn.result.error}` : ''}`,
      ];
      for (const output of turn.result.outputs) lines.push(`      ${describeOutput(output)}`);
      if (turn.result.outputs.length === 0) lines.push('      (no outputs)');
      return lines.join('\n');
    })
    .join('\n');
}

function describeInput(input: InputEvent | null): string {
  if (input === null) return 'start';
  switch (input.type) {
    case 'dtmf':
      return `press "${input.digits}"`;
    case 'speech':
      return `say "${input.transcript}"${input.confidence === undefined ? '' : ` (confidence ${input.confidence})`}`;
    case 'text':
      return `type "${input.text}"`;
    case 'noInput':
      return 'no input';
    case 'hangup':
      return 'hang up';
  }
}

function describeOutput(output: OutputEvent): string {
  switch (output.type) {
    case 'say':
      return `say [${output.nodeId}] "${output.text}"`;
    case 'prompt': {
      const parts = [
        output.expect.dtmf ? `keys ${output.expect.dtmf.minDigits}-${output.expect.dtmf.maxDigits}` : '',
        output.expect.speech ? 'speech' : '',
        output.expect.choices ? `choices ${output.expect.choices.map((c) => c.label).join(' | ')}` : '',
      ];
      return `prompt [${output.nodeId}] expects ${parts.filter(Boolean).join(', ') || 'input'}${output.expect.sensitive ? ' (sensitive)' : ''}`;
    }
    case 'transfer':
      return `transfer [${output.nodeId}] to ${output.queue ?? output.agent ?? '?'}${output.reason ? ` (${output.reason})` : ''}, variables ${JSON.stringify(output.variables)}`;
    case 'end':
      return `end ${output.reason}${output.outcome ? ` (${output.outcome})` : ''}`;
  }
}
