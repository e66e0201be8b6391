import type { CallerInput, InputOutcome, NodeScope } from '../nodeTypes/nodeRuntime.ts';
import { matchChoice, type MatchableChoice } from './matchChoice.ts';
import { speechDecision } from './speechDecision.ts';

/**
 * Matches speech (the transcript, then its alternatives, under the confidence policy) or chat text
 * against choices; the matched choice's key is the port.
 */
export function matchSpokenOrTyped(
  input: Exclude<CallerInput, { type: 'dtmf' }>,
  choices: readonly MatchableChoice[],
  scope: NodeScope,
): InputOutcome {
  if (input.type === 'text') {
    const found = matchChoice(input.text, choices, 'chat', { locale: scope.locale });
    return found ? { type: 'port', port: found.key } : { type: 'noMatch' };
  }
  const heard = [{ transcript: input.transcript, confidence: input.confidence }, ...(input.alternatives ?? [])];
  let unsure: InputOutcome | null = null;
  for (const candidate of heard) {
    const decision = speechDecision(candidate.confidence, scope.settings.minConfidence ?? 0.5);
    if (decision === 'reject') continue;
    const found = matchChoice(candidate.transcript, choices, 'voice', { locale: scope.locale });
    if (!found) continue;
    if (decision === 'accept') return { type: 'port', port: found.key };
    unsure ??= {
      type: 'confirm',
      port: found.key,
      heard: choices.find((choice) => choice.key === found.key)?.label ?? candidate.transcript,
    };
  }
  return unsure ?? { type: 'noMatch' };
}
