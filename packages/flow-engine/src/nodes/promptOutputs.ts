import type { NodeScope, RenderedPrompt } from '../nodeTypes/nodeRuntime.ts';
import { renderedSay, withVoice } from './sayOutput.ts';
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
export function promptOutputs(scope: NodeScope, text: string, spec: ExpectSpec, intro?: RenderedPrompt): OutputEvent[] {
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
  outputs.push(...introAndInstructions(scope, text, spec.bargeIn, intro));
  outputs.push({ type: 'prompt', nodeId: scope.nodeId, channel: scope.channel, expect });
  return outputs;
}

/**
 * The says of an interactive node: one of `text` in general; when its intro (the start of `text`) has SSML or a
 * recording, that intro keeps them in a say of its own and the generated instructions follow as plain text, so the
 * analyst's SSML or audio is what the caller hears before "press 1 for…" (issue 20).
 */
function introAndInstructions(
  scope: NodeScope,
  text: string,
  bargeIn: boolean,
  intro: RenderedPrompt | undefined,
): OutputEvent[] {
  const plain = (said: string): OutputEvent =>
    withVoice(scope, { type: 'say', nodeId: scope.nodeId, text: said, locale: scope.locale, bargeIn });
  if (!text) return [];
  const introText = intro?.text.trim() ?? '';
  const rich = intro !== undefined && (intro.ssml !== undefined || intro.audio !== undefined);
  if (!rich || scope.channel === 'chat' || introText === '' || !text.startsWith(introText)) return [plain(text)];
  const instructions = text.slice(introText.length).trim();
  const says: OutputEvent[] = [renderedSay(scope, intro, bargeIn, introText)];
  if (instructions) says.push(plain(instructions));
  return says;
}
