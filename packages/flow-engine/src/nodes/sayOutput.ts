import type { Prompt } from '@omniflow/flow-schema';
import type { NodeScope } from '../nodeTypes/nodeRuntime.ts';
import type { OutputEvent } from '../session/sessionEvents.ts';

/** Renders a prompt as a `say` output for the scope's channel; chat gets plain text only. */
export function sayOutput(scope: NodeScope, prompt: Prompt, bargeIn: boolean, suffix = ''): OutputEvent {
  const rendered = scope.prompt(prompt);
  const text = suffix ? joinSentences(rendered.text, suffix) : rendered.text;
  if (scope.channel === 'chat' || suffix) {
    return { type: 'say', nodeId: scope.nodeId, text, locale: rendered.locale, bargeIn };
  }
  const say: Extract<OutputEvent, { type: 'say' }> = {
    type: 'say',
    nodeId: scope.nodeId,
    text,
    locale: rendered.locale,
    bargeIn,
  };
  if (rendered.ssml !== undefined) say.ssml = rendered.ssml;
  if (rendered.audio !== undefined) say.audio = rendered.audio;
  return say;
}

/** Joins two sentences with one space, skipping empty parts. */
export function joinSentences(first: string, second: string): string {
  if (!first) return second;
  if (!second) return first;
  return `${first} ${second}`;
}
