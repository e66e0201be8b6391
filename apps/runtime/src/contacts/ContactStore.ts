/** How a contact ended; `null` while it is still going on. */
export type ContactOutcome = 'completed' | 'transferred' | 'abandoned' | 'failed';

/** Who started the contact. */
export type ContactDirection = 'inbound' | 'outbound';

/** The facts of a contact known when its session starts, written in the session's own insert transaction. */
export interface ContactStart {
  id: string;
  flowId: string;
  /** The published version it runs on; `0` for a designer test run of the draft. */
  version: number;
  channel: string;
  direction: ContactDirection;
  /** E.164 where the channel knows it, as given; stored in clear (see the runtime README) and masked when shown. */
  callerNumber: string | null;
  dialedNumber: string | null;
  locale: string;
}

/** What a session start adds to the session record for its contact (the rest comes from the session itself). */
export interface ContactOpening {
  direction?: ContactDirection;
  callerNumber?: string | null;
  dialedNumber?: string | null;
  /** The nodes the start ran through to its first prompt, and its outcome if it ended at once. */
  turn?: ContactTurn;
}

/** What one turn adds to its contact, written in the turn's transaction. */
export interface ContactTurn {
  /** Nodes the turn passed through, in order (consecutive repeats already collapsed). */
  path: readonly string[];
  /** Whether the turn carried caller input (a hangup does not count as a turn). */
  input?: boolean;
  /** Set on the turn that ends the session. */
  end?: { outcome: ContactOutcome; endNode: string | null; transferQueue: string | null };
}

/** A stored contact, as search and export answer it (numbers in clear: the HTTP layer masks them). */
export interface ContactRecord extends ContactStart {
  startedAt: string;
  endedAt: string | null;
  outcome: ContactOutcome | null;
  endNode: string | null;
  /** Node ids in the order the contact visited them. */
  path: string[];
  /** Caller turns taken (the start is not a turn). */
  turns: number;
  durationMs: number | null;
  transferQueue: string | null;
}

/** Filters of a contact search; all optional, combined with AND. */
export interface ContactFilter {
  flowId?: string;
  channel?: string;
  outcome?: ContactOutcome;
  direction?: ContactDirection;
  /** Started at or after. */
  from?: Date;
  /** Started before. */
  to?: Date;
  /** Exact caller number. */
  caller?: string;
  /** Plain text that some transcript entry of the contact contains (case-insensitive; never query syntax). */
  text?: string;
}

/** Where a page starts: strictly after this contact in the newest-first order. */
export interface ContactCursor {
  startedAt: string;
  id: string;
}

/** One page of a search, newest first. */
export interface ContactPage {
  contacts: ContactRecord[];
  /** Present when more contacts match. */
  next?: ContactCursor;
}

/**
 * The contact record and its search, kept beside the sessions in the same database (SQLite or PostgreSQL) and
 * written inside the session's own transactions by the flow store that owns the handle.
 */
export interface ContactStore {
  search(filter: ContactFilter, page: { limit: number; after?: ContactCursor }): Promise<ContactPage>;
  get(id: string): Promise<ContactRecord | undefined>;
  /** How many of the caller's contacts started at or after `since` (repeat callers: `contact.previousContacts`). */
  previousContacts(callerNumber: string, since: Date): Promise<number>;
  /**
   * Deletes ended sessions last changed before `before`, with their transcripts and contacts, at most `batchSize`
   * per transaction so no lock is held long; answers how many sessions one call removed (0 when none are left).
   */
  deleteBatchOlderThan(before: Date, batchSize: number): Promise<number>;
}

/** The contact of a starting session: the session's own facts plus what the channel told about the call. */
export function contactStartOf(
  session: { id: string; flowId: string; version: number; channel: string; locale: string },
  opening: ContactOpening | undefined,
): ContactStart {
  return {
    id: session.id,
    flowId: session.flowId,
    version: session.version,
    channel: session.channel,
    locale: session.locale,
    direction: opening?.direction ?? 'inbound',
    callerNumber: opening?.callerNumber ?? null,
    dialedNumber: opening?.dialedNumber ?? null,
  };
}
