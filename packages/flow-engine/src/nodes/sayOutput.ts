import type { Prompt } from '@omniflow/flow-schema';
import type { NodeScope, RenderedPrompt } from '../nodeTypes/nodeRuntime.ts';
import type { OutputEvent } from '../session/sessionEvents.ts';

/** A `say` output. */
export type SayOutput = Extract<OutputEvent, { type: 'say' }>;

/** Renders a prompt as a `say` output for the scope's channel; chat gets plain text only. */
export function sayOutput(scope: NodeScope, prompt: Prompt, bargeIn: boolean, suffix = ''): OutputEvent {
  const rendered = scope.prompt(prompt);
  const text = suffix ? joinSentences(rendered.text, suffix) : rendered.text;
  if (suffix) return withVoice(scope, { type: 'say', nodeId: scope.nodeId, text, locale: rendered.locale, bargeIn });
  return renderedSay(scope, rendered, bargeIn);
}

/**
 * The `say` of a rendered prompt: on voice and DTMF with its SSML and recording, which chat never gets, and the
 * flow's voice for the locale when it chose one.
 */
export function renderedSay(
  scope: NodeScope,
  rendered: RenderedPrompt,
  bargeIn: boolean,
  text = rendered.text,
): SayOutput {
  const say: SayOutput = { type: 'say', nodeId: scope.nodeId, text, locale: rendered.locale, bargeIn };
  if (scope.channel !== 'chat') {
    if (rendered.ssml !== undefined) say.ssml = rendered.ssml;
    if (rendered.audio !== undefined) say.audio = rendered.audio;
  }
  return withVoice(scope, say);
}

/** Adds the voice the flow chose for the say's locale, if any (`settings.voices`). */
export function withVoice(scope: NodeScope, say: SayOutput): SayOutput {
  if (scope.channel === 'chat') return say;
  const voice = scope.settings.voices?.[say.locale];
  if (voice !== undefined && (voice.twilio !== undefined || voice.local !== undefined)) say.voice = { ...voice };
  return say;
}

/** Joins two sentences with one space, skipping empty parts. */
export function joinSentences(first: string, second: string): string {
  if (!first) return second;
  if (!second) return first;
  return `${first} ${second}`;
}
