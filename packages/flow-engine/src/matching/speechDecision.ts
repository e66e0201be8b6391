/** What to do with a recognized utterance: use it, ask the caller to confirm it, or reprompt. */
export type SpeechDecision = 'accept' | 'confirm' | 'reject';

/** Width of the confidence band below `minConfidence` in which a match is confirmed rather than rejected. */
export const DEFAULT_CONFIRM_BAND = 0.25;

/**
 * Applies the voice confidence policy: at or above `minConfidence` accept; within `confirmBand` below it
 * confirm ("Did you say balance?"); lower reject (reprompt). A missing confidence (a recognizer that reports
 * none, or typed text) is accepted; a confidence that is not a finite number is rejected.
 */
export function speechDecision(
  confidence: number | undefined,
  minConfidence: number,
  confirmBand: number = DEFAULT_CONFIRM_BAND,
): SpeechDecision {
  if (confidence === undefined) return 'accept';
  if (!Number.isFinite(confidence)) return 'reject';
  const threshold = Number.isFinite(minConfidence) ? clamp(minConfidence) : 0;
  if (confidence >= threshold) return 'accept';
  const band = Number.isFinite(confirmBand) ? Math.max(0, confirmBand) : 0;
  return confidence >= threshold - band ? 'confirm' : 'reject';
}

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value));
}
