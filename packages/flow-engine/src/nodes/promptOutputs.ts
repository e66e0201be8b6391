import type { NodeScope } from '../nodeTypes/nodeRuntime.ts';
import type { InputExpectation, OutputEvent } from '../session/sessionEvents.ts';

/** What an interactive node expects, before channel rendering. */
export interface ExpectSpec {
  dtmf: { minDigits: number; maxDigits: number; terminator?: string };
  /** JSGF grammar for voice, or null for free-form speech. */
  grammar: string | null;
  choices: { value: string; label: string }[];
  sensitive: boolean;
  bargeIn: boolean;
  endOfSpeechMs?: number;
}

const INTER_DIGIT_TIMEOUT_MS = 3000;
const MAX_UTTERANCE_MS = 15_000;

/**
 * The `say` + `prompt` outputs of an interactive node on the scope's channel: DTMF expects keys, voice
 * expects speech against the grammar (keys too; keys only when sensitive), chat offers quick replies.
 */
export function promptOutputs(scope: NodeScope, text: string, spec: ExpectSpec): OutputEvent[] {
  const expect: InputExpectation = {
    sensitive: spec.sensitive,
    noInputTimeoutMs: (scope.settings.noInputTimeoutSeconds ?? 5) * 1000,
    bargeIn: spec.bargeIn,
  };
  if (scope.channel !== 'chat') expect.dtmf = { ...spec.dtmf, interDigitTimeoutMs: INTER_DIGIT_TIMEOUT_MS };
  if (scope.channel === 'voice' && !spec.sensitive) {
    expect.speech = {
      grammar: spec.grammar,
      endOfSpeechMs: spec.endOfSpeechMs ?? 600,
      maxUtteranceMs: MAX_UTTERANCE_MS,
    };
  }
  if (scope.channel === 'chat' && spec.choices.length > 0) expect.choices = spec.choices;
  const outputs: OutputEvent[] = [];
  if (text) outputs.push({ type: 'say', nodeId: scope.nodeId, text, locale: scope.locale, bargeIn: spec.bargeIn });
  outputs.push({ type: 'prompt', nodeId: scope.nodeId, channel: scope.channel, expect });
  return outputs;
}
