import type { ContactOpening, ContactStore, ContactTurn } from '../contacts/ContactStore.ts';

/** A flow as stored: its editable draft and a pointer to the live published version. */
export interface FlowRecord {
  id: string;
  name: string;
  /** The draft flow document (may be invalid while being edited). */
  draft: Record<string, unknown>;
  /** Bumped on every draft change; clients send it back for optimistic concurrency. */
  revision: number;
  /** The published version new sessions start on, or `null` before the first publish. */
  liveVersion: number | null;
  createdAt: string;
  updatedAt: string;
}

/** The list view of a flow. */
export type FlowSummary = Omit<FlowRecord, 'draft'>;

/** An immutable published version of a flow. */
export interface FlowVersionRecord {
  flowId: string;
  version: number;
  document: Record<string, unknown>;
  note: string;
  author: string;
  publishedAt: string;
  /**
   * The exact versions of the flows its subflow nodes run (nested ones too), resolved when it was published; `null`
   * for a version published before pinning existed and not pinned yet.
   */
  subflows: SubflowPins | null;
}

/** Subflow versions pinned by a published version: flow id → version. */
export type SubflowPins = Record<string, number>;

/**
 * What publishing stores: the compiled document and the exact subflow versions it was compiled against, as
 * `FlowCompiler.compileForPublish` resolves them. Both are required: no version is stored without its pins (issue 22).
 */
export interface VersionRelease {
  document: Record<string, unknown>;
  /** `{}` only for a document that calls no subflow. */
  subflows: SubflowPins;
}

/** What a session is doing. */
export type SessionStatus = 'active' | 'ended';

/** A live or finished conversation and the engine snapshot it resumes from. */
export interface SessionRecord {
  id: string;
  flowId: string;
  /** The published version the session runs on; `0` for a designer test run of the draft. */
  version: number;
  /** The compiled document of a draft run (version 0), kept so any process can resume it. */
  draftDocument: Record<string, unknown> | null;
  channel: string;
  locale: string;
  status: SessionStatus;
  snapshot: unknown;
  /** Number of turns stored; a turn saved against a stale count is rejected (two processes, one session). */
  turn: number;
  createdAt: string;
  updatedAt: string;
}

/**
 * The roles a token can carry: the management roles from least to most powerful, and the desk roles of agents and
 * supervisors (issue 16), who use the agent desk and nothing of the flow management.
 */
export type Role = 'agent' | 'supervisor' | 'viewer' | 'editor' | 'publisher' | 'admin';

/** A stored access token (only its SHA-256 hash is kept). */
export interface TokenRecord {
  id: string;
  hash: string;
  /** A management role, or `channel` for a per-flow public channel token. */
  role: Role | 'channel';
  /** The flow a channel token is bound to. */
  flowId: string | null;
  label: string;
  createdAt: string;
  expiresAt: string | null;
}

/** Result of a draft update under optimistic concurrency. */
export type UpdateDraftResult =
  | { ok: true; flow: FlowRecord }
  | { ok: false; reason: 'notFound' }
  | { ok: false; reason: 'stale'; currentRevision: number };

/** Result of moving the live pointer. */
export type RollbackResult = { ok: true; flow: FlowRecord } | { ok: false; reason: 'notFound' | 'noSuchVersion' };

/** Result of storing a turn; `mark` is the store's {@link FlowStore.sessionsMark} as of the commit, when it has one. */
export type SaveTurnResult = { ok: true; mark?: number } | { ok: false; reason: 'notFound' | 'stale' };

/** One turn's worth of session state to persist atomically. */
export interface TurnWrite {
  sessionId: string;
  /** The turn count the caller read; the write fails with `stale` if another writer moved on. */
  expectedTurn: number;
  status: SessionStatus;
  snapshot: unknown;
  /** Transcript entries added by the turn, appended in order. */
  entries: readonly unknown[];
  /** The caller's idempotency key of the input and the reply, stored with the turn (in the same transaction). */
  input?: StoredInput;
  /** What the turn adds to the session's contact record, committed with it. */
  contact?: ContactTurn;
}

/** An input sent with an idempotency key: the key, a fingerprint of the input and the reply it got. */
export interface StoredInput {
  key: string;
  fingerprint: string;
  reply: unknown;
}

/**
 * Persistence of flows, versions, the live pointer, sessions, transcripts and tokens.
 * SQLite (embedded) and PostgreSQL (scale-out) implement the same contract, checked by one shared test suite.
 */
export interface FlowStore {
  readonly kind: 'sqlite' | 'postgres';
  /** The contact records (search, retention), on the same database; sessions write theirs in their own transactions. */
  readonly contacts: ContactStore;
  listFlows(): Promise<FlowSummary[]>;
  getFlow(id: string): Promise<FlowRecord | undefined>;
  /** Creates a flow with its first draft; `undefined` when the id is taken. */
  createFlow(id: string, name: string, draft: Record<string, unknown>): Promise<FlowRecord | undefined>;
  /** Replaces the draft if `expectedRevision` is current; a stale revision changes nothing. */
  updateDraft(id: string, draft: Record<string, unknown>, expectedRevision: number): Promise<UpdateDraftResult>;
  /** Deletes a flow, its versions, tokens and sessions; `false` when it did not exist. */
  deleteFlow(id: string): Promise<boolean>;
  /**
   * Stores the next numbered version (the release's document and subflow pins) and points the live pointer at it, in
   * one transaction; a release without pins is refused (a programmer error).
   */
  publish(
    flowId: string,
    release: VersionRelease,
    note: string,
    author: string,
  ): Promise<FlowVersionRecord | undefined>;
  /** Pins the subflows of a version published before pinning existed; a version already pinned is left alone. */
  pinSubflows(flowId: string, version: number, subflows: SubflowPins): Promise<void>;
  listVersions(flowId: string): Promise<Omit<FlowVersionRecord, 'document'>[]>;
  getVersion(flowId: string, version: number): Promise<FlowVersionRecord | undefined>;
  /** Moves the live pointer to an existing version atomically. */
  rollback(flowId: string, version: number): Promise<RollbackResult>;
  /**
   * Stores a new session, its first transcript entries, its contact record and, for a start sent with an idempotency
   * key, the key and the first reply (as turn 0), in one transaction; a session id that exists is refused (throws).
   */
  createSession(
    session: Omit<SessionRecord, 'createdAt' | 'updatedAt' | 'turn'>,
    entries: readonly unknown[],
    contact?: ContactOpening,
    input?: StoredInput,
  ): Promise<void>;
  /** A session; `{ snapshot: false }` skips reading the snapshot and draft document (both `null`), for the per-turn hot path. */
  getSession(id: string, options?: { snapshot?: boolean }): Promise<SessionRecord | undefined>;
  /** Stores the snapshot, status and new transcript entries of one turn in one transaction. */
  saveTurn(write: TurnWrite): Promise<SaveTurnResult>;
  /**
   * A cheap, synchronous check for a process that keeps sessions in memory between turns: while it answers the
   * `mark` a turn's save returned, no session was changed by anything but this store's own `saveTurn` calls (no other
   * process or connection committed, no session expired or was deleted), so that session is still as saved. Stores
   * that cannot tell (PostgreSQL, shared by several processes) leave it out and every turn reads the session.
   */
  sessionsMark?(): number;
  /**
   * What a turn reads before it runs, in one read: the session's head (as `getSession(id, { snapshot: false })`) and,
   * with a `key`, the input stored under it; `undefined` for an unknown session.
   */
  getTurnHead(sessionId: string, key?: string): Promise<{ head: SessionRecord; input?: StoredInput } | undefined>;
  /** The stored input of a session under an idempotency key, if a turn with that key was stored. */
  getInput(sessionId: string, key: string): Promise<StoredInput | undefined>;
  getTranscript(sessionId: string): Promise<unknown[]>;
  countActiveSessions(): Promise<number>;
  /**
   * Ends active sessions whose last turn is older than `before` (abandoned chats, lost calls), their contacts as
   * `abandoned`; answers how many.
   */
  expireSessions(before: Date): Promise<number>;
  createToken(token: TokenRecord): Promise<void>;
  findTokenByHash(hash: string): Promise<TokenRecord | undefined>;
  listTokens(filter: { flowId?: string; role?: TokenRecord['role'] }): Promise<TokenRecord[]>;
  deleteToken(id: string): Promise<boolean>;
  /** A small value kept by the runtime itself (e.g. whether the examples were seeded). */
  getSetting(key: string): Promise<string | undefined>;
  setSetting(key: string, value: string): Promise<void>;
  /**
   * Runs `work` while no other process runs work under the same `name` (PostgreSQL: an advisory lock), so processes
   * starting together agree on what one of them seeds. Stores that serve one process leave it out.
   */
  exclusive?<T>(name: string, work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
