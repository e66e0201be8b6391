/**
 * What the session remembers of the caller's mood between turns (issue 17), persisted with its state: the latest
 * sentiment (the seam the runtime's `contact.sentiment` reads too), recent scores, the no-match run, and the escalation
 * rules that already fired.
 */
export interface CallerMood {
  /** The last scored caller turn's sentiment (−1..1), or null before any. */
  last: number | null;
  /** The latest scored turns' sentiment, oldest first, at most {@link MOOD_MEMORY} of them. */
  recent: number[];
  /** Caller turns in a row that were no match (a no-input neither counts nor breaks the run). */
  noMatchRun: number;
  /** Escalation rules that fired in this session; each fires once. */
  fired: string[];
}

/** How many scored turns the mood keeps: the most an escalation rule may ask for (`turns` ≤ 20). */
export const MOOD_MEMORY = 20;

/** The mood of a session before the caller said anything. */
export const CALM: CallerMood = { last: null, recent: [], noMatchRun: 0, fired: [] };

/** A caller is upset when the last scored turn is at or below the threshold. */
export function isUpset(mood: CallerMood, upsetAtMost: number): boolean {
  return mood.last !== null && mood.last <= upsetAtMost;
}
