import { groupCommit, type GroupCommit } from './groupCommit.ts';
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type {
  FlowRecord,
  FlowStore,
  FlowSummary,
  FlowVersionRecord,
  RollbackResult,
  SaveTurnResult,
  SessionRecord,
  StoredInput,
  SubflowPins,
  TokenRecord,
  TurnWrite,
  UpdateDraftResult,
  VersionRelease,
} from './FlowStore.ts';
import { assertPinned } from './assertPinned.ts';
import { contactStartOf, type ContactOpening } from '../contacts/ContactStore.ts';
import { SqliteContactStore } from '../contacts/SqliteContactStore.ts';
import { schemaMigrations } from './schemaMigrations.ts';
import { startWalCheckpointer, type WalCheckpointer } from './startWalCheckpointer.ts';
import {
  flowFromRow,
  sessionFromRow,
  tokenFromRow,
  versionFromRow,
  type FlowRow,
  type SessionRow,
  type TokenRow,
  type VersionRow,
} from './storeRows.ts';

const MIGRATIONS = schemaMigrations('sqlite');

/** The embedded store: one SQLite file in the data dir, WAL journal, migrated on open. */
export class SqliteFlowStore implements FlowStore {
  readonly kind = 'sqlite';
  readonly contacts: SqliteContactStore;
  readonly #db: Database.Database;
  readonly #stmt: ReturnType<typeof prepareStatements>;
  readonly #turns: GroupCommit<TurnWrite, SaveTurnResult>;

  #checkpointer: WalCheckpointer | undefined;
  /** True while the WAL is being rewound: turns queue up and are committed right after. */
  #holdingWrites = false;
  /** Settles when the current hold ends: session starts wait for it rather than block the event loop on SQLite's lock. */
  #released: Promise<void> = Promise.resolve();
  /** Bumped by this connection's own session changes other than turns (expiry, flow deletion); see sessionsMark. */
  #sessionEpoch = 0;

  private constructor(
    db: Database.Database,
    file: string,
    wal: { walLimitFrames?: number; checkpointIntervalMs?: number; contactIndexIntervalMs?: number },
  ) {
    this.#db = db;
    this.#stmt = prepareStatements(db);
    this.contacts = new SqliteContactStore(db, {
      paused: () => this.#holdingWrites,
      ...(wal.contactIndexIntervalMs === undefined ? {} : { indexIntervalMs: wal.contactIndexIntervalMs }),
    });
    // Built once: a group commit runs on every flush of turns.
    const saveTurns = db.transaction((writes: TurnWrite[]): SaveTurnResult[] => {
      // Read under the write lock: a commit of another connection before this one is counted in it, any after bumps it.
      const mark = this.sessionsMark();
      const now = new Date().toISOString();
      return writes.map((write) => this.#saveTurnInTransaction(write, now, mark));
    });
    this.#turns = groupCommit(
      (writes: TurnWrite[]) => saveTurns.immediate(writes),
      () => this.#holdingWrites,
    );
    if (file !== ':memory:') {
      db.pragma('wal_autocheckpoint = 0');
      this.#checkpointer = startWalCheckpointer(file, {
        ...(wal.walLimitFrames === undefined ? {} : { walLimitFrames: wal.walLimitFrames }),
        ...(wal.checkpointIntervalMs === undefined ? {} : { intervalMs: wal.checkpointIntervalMs }),
        onRestartWanted: () => void this.#restartWal(),
        onFailure: () => {
          // Without the worker, SQLite's own checkpoints (on the event loop) keep the WAL bounded.
          if (this.#db.open) this.#db.pragma('wal_autocheckpoint = 1000');
        },
      });
    }
  }

  /** The connection, for the stores of other tables in the same file (they share the one migration list). */
  get database(): Database.Database {
    return this.#db;
  }

  /** Opens (creating and migrating) `omniflow.db` in `dataDir`, or an in-memory database for `:memory:`. */
  static open(
    dataDir: string,
    options: {
      synchronous?: 'normal' | 'full';
      walLimitFrames?: number;
      checkpointIntervalMs?: number;
      /** How long a write waits for another connection's lock before failing with SQLITE_BUSY (default 5 s). */
      busyTimeoutMs?: number;
      /** How often new transcript text is indexed for contact search (default every second). */
      contactIndexIntervalMs?: number;
    } = {},
  ): SqliteFlowStore {
    let file = ':memory:';
    if (dataDir !== ':memory:') {
      mkdirSync(dataDir, { recursive: true });
      file = join(dataDir, 'omniflow.db');
    }
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    migrate(db);
    return new SqliteFlowStore(db, file, options);
  }

  async listFlows(): Promise<FlowSummary[]> {
    return this.#stmt.listFlows.all().map((row) => {
      const { draft: _draft, ...summary } = flowFromRow({ ...(row as Omit<FlowRow, 'draft'>), draft: '{}' });
      return summary;
    });
  }

  async getFlow(id: string): Promise<FlowRecord | undefined> {
    const row = this.#stmt.getFlow.get(id) as FlowRow | undefined;
    return row ? flowFromRow(row) : undefined;
  }

  async createFlow(id: string, name: string, draft: Record<string, unknown>): Promise<FlowRecord | undefined> {
    const now = new Date().toISOString();
    const result = this.#stmt.createFlow.run(id, name, JSON.stringify(draft), now, now);
    return result.changes === 1 ? this.getFlow(id) : undefined;
  }

  async updateDraft(id: string, draft: Record<string, unknown>, expectedRevision: number): Promise<UpdateDraftResult> {
    const name = typeof draft['name'] === 'string' ? draft['name'] : undefined;
    const tx = this.#db.transaction((): UpdateDraftResult => {
      const current = this.#stmt.getRevision.get(id) as { revision: number } | undefined;
      if (!current) return { ok: false, reason: 'notFound' };
      if (current.revision !== expectedRevision)
        return { ok: false, reason: 'stale', currentRevision: current.revision };
      this.#stmt.updateDraft.run(JSON.stringify(draft), name ?? null, new Date().toISOString(), id);
      return { ok: true, flow: flowFromRow(this.#stmt.getFlow.get(id) as FlowRow) };
    });
    return tx.immediate();
  }

  async deleteFlow(id: string): Promise<boolean> {
    this.#sessionEpoch += 1;
    const tx = this.#db.transaction(() => {
      this.#stmt.deleteFlowSessions.run(id);
      this.#stmt.deleteFlowTokens.run(id);
      return this.#stmt.deleteFlow.run(id).changes === 1;
    });
    return tx.immediate();
  }

  async publish(
    flowId: string,
    release: VersionRelease,
    note: string,
    author: string,
  ): Promise<FlowVersionRecord | undefined> {
    const { document, subflows } = assertPinned(release);
    const tx = this.#db.transaction((): FlowVersionRecord | undefined => {
      if (!this.#stmt.getRevision.get(flowId)) return undefined;
      const { next } = this.#stmt.nextVersion.get(flowId) as { next: number };
      const publishedAt = new Date().toISOString();
      const pins = JSON.stringify(subflows);
      this.#stmt.insertVersion.run(flowId, next, JSON.stringify(document), note, author, publishedAt, pins);
      this.#stmt.setLive.run(next, publishedAt, flowId);
      return { flowId, version: next, document, note, author, publishedAt, subflows };
    });
    return tx.immediate();
  }

  async pinSubflows(flowId: string, version: number, subflows: SubflowPins): Promise<void> {
    this.#stmt.pinSubflows.run(JSON.stringify(subflows), flowId, version);
  }

  async listVersions(flowId: string): Promise<Omit<FlowVersionRecord, 'document'>[]> {
    return this.#stmt.listVersions.all(flowId).map((row) => {
      const { document: _doc, ...rest } = versionFromRow({ ...(row as Omit<VersionRow, 'document'>), document: '{}' });
      return rest;
    });
  }

  async getVersion(flowId: string, version: number): Promise<FlowVersionRecord | undefined> {
    const row = this.#stmt.getVersion.get(flowId, version) as VersionRow | undefined;
    return row ? versionFromRow(row) : undefined;
  }

  async rollback(flowId: string, version: number): Promise<RollbackResult> {
    const tx = this.#db.transaction((): RollbackResult => {
      if (!this.#stmt.getRevision.get(flowId)) return { ok: false, reason: 'notFound' };
      if (!this.#stmt.hasVersion.get(flowId, version)) return { ok: false, reason: 'noSuchVersion' };
      this.#stmt.setLive.run(version, new Date().toISOString(), flowId);
      return { ok: true, flow: flowFromRow(this.#stmt.getFlow.get(flowId) as FlowRow) };
    });
    return tx.immediate();
  }

  async createSession(
    session: Omit<SessionRecord, 'createdAt' | 'updatedAt' | 'turn'>,
    entries: readonly unknown[],
    contact?: ContactOpening,
    input?: StoredInput,
  ): Promise<void> {
    // The restart checkpoint holds SQLite's write lock: a session start waits (asynchronously) like the turns do.
    if (this.#holdingWrites) await this.#released;
    const now = new Date().toISOString();
    const tx = this.#db.transaction(() => {
      this.#stmt.insertSession.run(
        session.id,
        session.flowId,
        session.version,
        session.draftDocument === null ? null : JSON.stringify(session.draftDocument),
        session.channel,
        session.locale,
        session.status,
        JSON.stringify(session.snapshot),
        now,
        now,
      );
      entries.forEach((entry, seq) => this.#stmt.insertEntry.run(session.id, seq, JSON.stringify(entry)));
      this.contacts.writeStart(contactStartOf(session, contact), contact?.turn, now);
      if (input) this.#stmt.insertInput.run(session.id, input.key, input.fingerprint, 0, JSON.stringify(input.reply));
    });
    tx.immediate();
  }

  async getSession(id: string, options: { snapshot?: boolean } = {}): Promise<SessionRecord | undefined> {
    const statement = options.snapshot === false ? this.#stmt.getSessionHead : this.#stmt.getSession;
    const row = statement.get(id) as (SessionRow & { snapshot: string }) | undefined;
    return row ? sessionFromRow({ ...row, snapshot: JSON.parse(row.snapshot) as unknown }) : undefined;
  }

  /**
   * Turns arriving in the same tick are committed together in one transaction (group commit): each caller still
   * gets its answer only after the commit, so durability is unchanged while the per-commit cost is shared.
   */
  saveTurn(write: TurnWrite): Promise<SaveTurnResult> {
    return this.#turns.add(write);
  }

  async #restartWal(): Promise<void> {
    if (this.#holdingWrites || !this.#checkpointer) return;
    this.#holdingWrites = true;
    const restarted = this.#checkpointer.restart();
    this.#released = restarted;
    try {
      await restarted;
    } finally {
      this.#holdingWrites = false;
      this.#turns.flush();
    }
  }

  #saveTurnInTransaction(write: TurnWrite, now: string, mark: number): SaveTurnResult {
    const updated = this.#stmt.saveTurn.run(
      write.status,
      JSON.stringify(write.snapshot),
      now,
      write.sessionId,
      write.expectedTurn,
    );
    if (updated.changes !== 1)
      return { ok: false, reason: this.#stmt.sessionExists.get(write.sessionId) ? 'stale' : 'notFound' };
    const { next } = this.#stmt.nextSeq.get(write.sessionId) as { next: number };
    write.entries.forEach((entry, i) => this.#stmt.insertEntry.run(write.sessionId, next + i, JSON.stringify(entry)));
    if (write.input) {
      const { key, fingerprint, reply } = write.input;
      this.#stmt.insertInput.run(write.sessionId, key, fingerprint, write.expectedTurn + 1, JSON.stringify(reply));
    }
    if (write.contact) this.contacts.writeTurn(write.sessionId, write.contact, now);
    return { ok: true, mark };
  }

  /**
   * SQLite's `data_version` (changes when another connection or process commits; this connection's own commits leave
   * it alone) plus this store's own session changes other than turns. Both only grow, so their sum changes when either does.
   */
  sessionsMark(): number {
    return (this.#stmt.dataVersion.get() as number) + this.#sessionEpoch;
  }

  async getTurnHead(
    sessionId: string,
    key?: string,
  ): Promise<{ head: SessionRecord; input?: StoredInput } | undefined> {
    const head = await this.getSession(sessionId, { snapshot: false });
    if (head === undefined) return undefined;
    const input = key === undefined ? undefined : await this.getInput(sessionId, key);
    return input ? { head, input } : { head };
  }

  async getInput(sessionId: string, key: string): Promise<StoredInput | undefined> {
    const row = this.#stmt.getInput.get(sessionId, key) as { fingerprint: string; reply: string } | undefined;
    return row ? { key, fingerprint: row.fingerprint, reply: JSON.parse(row.reply) as unknown } : undefined;
  }

  async getTranscript(sessionId: string): Promise<unknown[]> {
    return this.#stmt.getTranscript
      .all(sessionId)
      .map((row) => JSON.parse((row as { entry: string }).entry) as unknown);
  }

  async countActiveSessions(): Promise<number> {
    return (this.#stmt.countActive.get() as { n: number }).n;
  }

  async expireSessions(before: Date): Promise<number> {
    const now = new Date().toISOString();
    const expire = this.#db.transaction(() => {
      this.contacts.abandonExpired(before.toISOString(), now);
      return this.#stmt.expireSessions.run(now, before.toISOString()).changes;
    });
    const expired = expire.immediate();
    if (expired > 0) this.#sessionEpoch += 1;
    return expired;
  }

  async createToken(token: TokenRecord): Promise<void> {
    this.#stmt.insertToken.run(
      token.id,
      token.hash,
      token.role,
      token.flowId,
      token.label,
      token.createdAt,
      token.expiresAt,
    );
  }

  async findTokenByHash(hash: string): Promise<TokenRecord | undefined> {
    const row = this.#stmt.findToken.get(hash) as TokenRow | undefined;
    return row ? tokenFromRow(row) : undefined;
  }

  async listTokens(filter: { flowId?: string; role?: TokenRecord['role'] }): Promise<TokenRecord[]> {
    const rows = this.#stmt.listTokens.all({ flowId: filter.flowId ?? null, role: filter.role ?? null }) as TokenRow[];
    return rows.map(tokenFromRow);
  }

  async deleteToken(id: string): Promise<boolean> {
    return this.#stmt.deleteToken.run(id).changes === 1;
  }

  async getSetting(key: string): Promise<string | undefined> {
    return (this.#stmt.getSetting.get(key) as { value: string } | undefined)?.value;
  }

  async setSetting(key: string, value: string): Promise<void> {
    this.#stmt.setSetting.run(key, value);
  }

  async close(): Promise<void> {
    this.#holdingWrites = false;
    this.#turns.flush();
    this.contacts.close();
    await this.#checkpointer?.stop();
    this.#checkpointer = undefined;
    if (this.#db.open) this.#db.close();
  }
}

function migrate(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  const applied = new Set(
    db
      .prepare('SELECT version FROM schema_migrations')
      .all()
      .map((r) => (r as { version: number }).version),
  );
  const apply = db.transaction((version: number, sql: string) => {
    db.exec(sql);
    db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(
      version,
      new Date().toISOString(),
    );
  });
  MIGRATIONS.forEach((sql, index) => {
    if (!applied.has(index + 1)) apply.immediate(index + 1, sql);
  });
}

function prepareStatements(db: Database.Database) {
  return {
    listFlows: db.prepare('SELECT id, name, revision, live_version, created_at, updated_at FROM flows ORDER BY id'),
    getFlow: db.prepare('SELECT * FROM flows WHERE id = ?'),
    getRevision: db.prepare('SELECT revision FROM flows WHERE id = ?'),
    createFlow: db.prepare(
      'INSERT INTO flows (id, name, draft, revision, live_version, created_at, updated_at) VALUES (?, ?, ?, 1, NULL, ?, ?) ON CONFLICT(id) DO NOTHING',
    ),
    updateDraft: db.prepare(
      'UPDATE flows SET draft = ?, name = COALESCE(?, name), revision = revision + 1, updated_at = ? WHERE id = ?',
    ),
    deleteFlow: db.prepare('DELETE FROM flows WHERE id = ?'),
    deleteFlowSessions: db.prepare('DELETE FROM sessions WHERE flow_id = ?'),
    deleteFlowTokens: db.prepare('DELETE FROM tokens WHERE flow_id = ?'),
    nextVersion: db.prepare('SELECT COALESCE(MAX(version), 0) + 1 AS next FROM versions WHERE flow_id = ?'),
    insertVersion: db.prepare(
      'INSERT INTO versions (flow_id, version, document, note, author, published_at, subflows) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    setLive: db.prepare('UPDATE flows SET live_version = ?, updated_at = ? WHERE id = ?'),
    listVersions: db.prepare(
      'SELECT flow_id, version, note, author, published_at, subflows FROM versions WHERE flow_id = ? ORDER BY version',
    ),
    pinSubflows: db.prepare('UPDATE versions SET subflows = ? WHERE flow_id = ? AND version = ? AND subflows IS NULL'),
    getVersion: db.prepare('SELECT * FROM versions WHERE flow_id = ? AND version = ?'),
    hasVersion: db.prepare('SELECT 1 FROM versions WHERE flow_id = ? AND version = ?'),
    insertSession: db.prepare(
      `INSERT INTO sessions (id, flow_id, version, draft_document, channel, locale, status, snapshot, turn, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`,
    ),
    getSession: db.prepare('SELECT * FROM sessions WHERE id = ?'),
    getSessionHead: db.prepare(
      "SELECT id, flow_id, version, NULL AS draft_document, channel, locale, status, 'null' AS snapshot, turn, created_at, updated_at FROM sessions WHERE id = ?",
    ),
    sessionExists: db.prepare('SELECT 1 FROM sessions WHERE id = ?'),
    dataVersion: db.prepare('PRAGMA data_version').pluck(),
    saveTurn: db.prepare(
      'UPDATE sessions SET status = ?, snapshot = ?, turn = turn + 1, updated_at = ? WHERE id = ? AND turn = ?',
    ),
    nextSeq: db.prepare('SELECT COALESCE(MAX(seq), -1) + 1 AS next FROM transcripts WHERE session_id = ?'),
    insertEntry: db.prepare('INSERT INTO transcripts (session_id, seq, entry) VALUES (?, ?, ?)'),
    getTranscript: db.prepare('SELECT entry FROM transcripts WHERE session_id = ? ORDER BY seq'),
    insertInput: db.prepare(
      'INSERT INTO session_inputs (session_id, key, fingerprint, turn, reply) VALUES (?, ?, ?, ?, ?)',
    ),
    getInput: db.prepare('SELECT fingerprint, reply FROM session_inputs WHERE session_id = ? AND key = ?'),
    expireSessions: db.prepare(
      "UPDATE sessions SET status = 'ended', updated_at = ? WHERE status = 'active' AND updated_at < ?",
    ),
    countActive: db.prepare("SELECT COUNT(*) AS n FROM sessions WHERE status = 'active'"),
    insertToken: db.prepare(
      'INSERT INTO tokens (id, hash, role, flow_id, label, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    findToken: db.prepare('SELECT * FROM tokens WHERE hash = ?'),
    listTokens: db.prepare(
      'SELECT * FROM tokens WHERE (@flowId IS NULL OR flow_id = @flowId) AND (@role IS NULL OR role = @role) ORDER BY created_at, id',
    ),
    deleteToken: db.prepare('DELETE FROM tokens WHERE id = ?'),
    getSetting: db.prepare('SELECT value FROM settings WHERE key = ?'),
    setSetting: db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    ),
  };
}
