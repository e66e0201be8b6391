/** A recognized intent and how sure the matcher is (0..1). */
export interface IntentMatch {
  intentId: string;
  score: number;
}

/**
 * Finds which flow-level intent free text or speech expresses. Asynchronous so that an NLU service can
 * implement it; resolves to null when no intent is meant. Implementations must not reject on any text.
 */
export interface IntentMatcher {
  match(text: string, locale: string): Promise<IntentMatch | null>;
}
