import { isRecord } from '@omniflow/flow-schema';

/** What the voice gateway's raw mode reports about a call (its `call` events), as far as the simulator shows it. */
export type VoiceCallReport =
  | { type: 'audioSent'; text: string; durationMs: number }
  | { type: 'listening'; speech: boolean; dtmf: boolean }
  | { type: 'bargeIn'; by: string }
  | { type: 'speechStart' }
  | { type: 'speechEnd' }
  | { type: 'recognized'; transcript: string | null; confidence: number }
  | { type: 'dtmf'; digits: string }
  | { type: 'noInput' }
  | { type: 'closed'; reason: string; queue?: string };

/** Where the flow is after a turn of the call, as the gateway's raw-mode `turn` frame says (sensitive values masked). */
export interface VoiceTurnReport {
  nodeId: string | null;
  status: 'active' | 'ended';
  variables: Record<string, unknown>;
}

/** A JSON text frame of the voice gateway's raw mode. */
export type VoiceServerMessage =
  | { event: 'mark'; name: string }
  | { event: 'turn'; turn: VoiceTurnReport }
  | { event: 'clear' }
  | { event: 'call'; call: VoiceCallReport }
  | { event: 'stop'; reason: string; queue?: string }
  | { event: 'error'; message: string };

/** Reads one JSON text frame of the gateway; null for anything the simulator does not know (it is ignored). */
export function parseVoiceMessage(text: string): VoiceServerMessage | null {
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(message)) return null;
  switch (message.event) {
    case 'mark': {
      const name = isRecord(message.mark) ? message.mark.name : undefined;
      return typeof name === 'string' ? { event: 'mark', name } : null;
    }
    case 'clear':
      return { event: 'clear' };
    case 'turn': {
      const turn = isRecord(message.turn) ? message.turn : null;
      if (turn === null || (turn.status !== 'active' && turn.status !== 'ended')) return null;
      return {
        event: 'turn',
        turn: {
          nodeId: str(turn.nodeId) ?? null,
          status: turn.status,
          variables: isRecord(turn.variables) ? turn.variables : {},
        },
      };
    }
    case 'call': {
      const call = isRecord(message.call) ? callReport(message.call) : null;
      return call ? { event: 'call', call } : null;
    }
    case 'stop': {
      const end = isRecord(message.end) ? message.end : {};
      return { event: 'stop', reason: str(end.reason) ?? 'completed', ...queueOf(end) };
    }
    case 'error':
      return { event: 'error', message: str(message.message) ?? 'The voice gateway refused the call.' };
    default:
      return null;
  }
}

function callReport(call: Record<string, unknown>): VoiceCallReport | null {
  switch (call.type) {
    case 'audioSent':
      return { type: 'audioSent', text: str(call.text) ?? '', durationMs: num(call.durationMs) };
    case 'listening':
      return { type: 'listening', speech: call.speech === true, dtmf: call.dtmf === true };
    case 'bargeIn':
      return { type: 'bargeIn', by: str(call.by) ?? 'speech' };
    case 'speechStart':
    case 'speechEnd':
    case 'noInput':
      return { type: call.type };
    case 'recognized':
      return { type: 'recognized', transcript: str(call.transcript) ?? null, confidence: num(call.confidence) };
    case 'dtmf':
      return { type: 'dtmf', digits: str(call.digits) ?? '' };
    case 'closed': {
      const end = isRecord(call.end) ? call.end : {};
      return { type: 'closed', reason: str(end.reason) ?? 'completed', ...queueOf(end) };
    }
    default:
      return null;
  }
}

function queueOf(end: Record<string, unknown>): { queue?: string } {
  const queue = str(end.queue) ?? str(end.agent);
  return queue === undefined ? {} : { queue };
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}
