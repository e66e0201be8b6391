/** What the analysis functions know about one contact: the minimal record the runtime hands them. */
export interface ContactFacts {
  readonly locale: string;
  readonly channel?: string;
  /** The nodes the contact passed, in order; a retry after a no-match is a step of its own. */
  readonly path: readonly PathStep[];
  readonly transactions: readonly TransactionFact[];
  readonly transcript: readonly TranscriptEntry[];
  /** How the contact ended, e.g. `resolved`, `transferred`, `abandoned`, `callbackScheduled`. */
  readonly outcome?: string;
  readonly durationSeconds?: number;
  readonly wrapUp?: WrapUp;
}

/** One node on a contact's path and the port it left by (`1`, `noMatch`, `success` …). */
export interface PathStep {
  readonly nodeId: string;
  readonly type: string;
  readonly label?: string;
  readonly port?: string;
}

/** A back-end transaction the flow ran, such as a card activation, and its result. */
export interface TransactionFact {
  readonly name: string;
  readonly status: 'succeeded' | 'failed' | 'pending';
  readonly detail?: string;
}

/** One turn of the transcript (already redacted), with the caller turn's stored sentiment when there is one. */
export interface TranscriptEntry {
  readonly role: 'caller' | 'bot' | 'agent' | 'system';
  readonly text: string;
  /** Milliseconds since the contact began; silence rules read the longest gap between the starts of consecutive turns. */
  readonly at?: number;
  readonly sentiment?: number;
}

/** What the agent recorded after the contact. */
export interface WrapUp {
  readonly disposition?: string;
  readonly notes?: string;
  readonly followUps?: readonly string[];
}
