import { Pool, type PoolClient } from 'pg';
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
import { PipelinedReads } from './PipelinedReads.ts';
import { contactStartOf, type ContactOpening } from '../contacts/ContactStore.ts';
import {
  contactTurnUpdate,
  contactTurnValues,
  PostgresContactStore,
  transcriptTerms,
} from '../contacts/PostgresContactStore.ts';
import { schemaMigrations } from './schemaMigrations.ts';
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

const MIGRATIONS = schemaMigrations('postgres');

/** The notification channel on which a token's deletion is announced to every process. */
export const TOKENS_CHANNEL = 'omniflow_tokens';

const MIGRATION_LOCK = 7_466_108; // arbitrary, fixed: serializes migrations of concurrent runtimes

/** The scale-out store: the same contract as SQLite, on a shared PostgreSQL database. */
export class PostgresFlowStore implements FlowStore {
  readonly kind = 'postgres';
  readonly contacts: PostgresContactStore;
  readonly #pool: Pool;
  /** The turn's reads (head, idempotency key, token) on one pipelined connection; writes go through the pool. */
  readonly #reads: PipelinedReads;

  private constructor(pool: Pool, reads: PipelinedReads) {
    this.#pool = pool;
    this.#reads = reads;
    this.contacts = new PostgresContactStore(pool);
  }

  /** The pool, for the stores of other tables in the same database (they share the one migration list). */
  get pool(): Pool {
    return this.#pool;
  }

  /** Connects to `databaseUrl` and applies pending migrations. */
  static async open(databaseUrl: string): Promise<PostgresFlowStore> {
    const settings = { connectionString: databaseUrl, connectionTimeoutMillis: 5000, statement_timeout: 10_000 };
    const pool = new Pool({ ...settings, max: 10 });
    pool.on('error', () => {
      // An idle client lost its connection; the pool replaces it on next use.
    });
    // The pool hears errors of idle connections only: one that dies while checked out or while being removed (a
    // restart, `pg_terminate_backend`) emitted an unheard 'error' that ended the process (issue 22 fault drill).
    // Its statements still fail, and the failure reaches the caller as 503.
    pool.on('connect', (client) => {
      client.on('error', () => undefined);
    });
    const store = new PostgresFlowStore(pool, new PipelinedReads(settings));
    try {
      await store.#tx(async (c) => {
        await c.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
        await c.query(
          'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)',
        );
        const applied = new Set(
          (await c.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version),
        );
        for (const [index, sql] of MIGRATIONS.entries()) {
          if (applied.has(index + 1)) continue;
          await c.query(sql);
          await c.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, now())', [index + 1]);
        }
      });
    } catch (error) {
      await pool.end();
      throw error;
    }
    return store;
  }

  async #tx<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    return this.#withClient(async (client) => {
      await client.query('BEGIN');
      try {
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
  }

  /** A pooled connection for several statements; one whose work failed is dropped, not handed out again. */
  async #withClient<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    let failure: Error | undefined;
    try {
      return await work(client);
    } catch (error) {
      failure = error instanceof Error ? error : new Error(String(error));
      throw error;
    } finally {
      client.release(failure);
    }
  }

  async listFlows(): Promise<FlowSummary[]> {
    const { rows } = await this.#pool.query<Omit<FlowRow, 'draft'>>(
      'SELECT id, name, revision, live_version, created_at, updated_at FROM flows ORDER BY id',
    );
    return rows.map((row) => {
      const { draft: _draft, ...summary } = flowFromRow({ ...row, draft: {} });
      return summary;
    });
  }

  async getFlow(id: string): Promise<FlowRecord | undefined> {
    const { rows } = await this.#pool.query<FlowRow>('SELECT * FROM flows WHERE id = $1', [id]);
    return rows[0] ? flowFromRow(rows[0]) : undefined;
  }

  async createFlow(id: string, name: string, draft: Record<string, unknown>): Promise<FlowRecord | undefined> {
    const { rows } = await this.#pool.query<FlowRow>(
      `INSERT INTO flows (id, name, draft, revision, live_version, created_at, updated_at) VALUES ($1, $2, $3, 1, NULL, now(), now())
       ON CONFLICT (id) DO NOTHING RETURNING *`,
      [id, name, JSON.stringify(draft)],
    );
    return rows[0] ? flowFromRow(rows[0]) : undefined;
  }

  async updateDraft(id: string, draft: Record<string, unknown>, expectedRevision: number): Promise<UpdateDraftResult> {
    const name = typeof draft['name'] === 'string' ? draft['name'] : null;
    return this.#tx(async (c): Promise<UpdateDraftResult> => {
      const current = await c.query<{ revision: number }>('SELECT revision FROM flows WHERE id = $1 FOR UPDATE', [id]);
      const row = current.rows[0];
      if (!row) return { ok: false, reason: 'notFound' };
      if (row.revision !== expectedRevision) return { ok: false, reason: 'stale', currentRevision: row.revision };
      const updated = await c.query<FlowRow>(
        'UPDATE flows SET draft = $1, name = COALESCE($2, name), revision = revision + 1, updated_at = now() WHERE id = $3 RETURNING *',
        [JSON.stringify(draft), name, id],
      );
      return { ok: true, flow: flowFromRow(firstRow(updated.rows)) };
    });
  }

  async deleteFlow(id: string): Promise<boolean> {
    return this.#tx(async (c) => {
      await c.query('DELETE FROM sessions WHERE flow_id = $1', [id]);
      await c.query('DELETE FROM tokens WHERE flow_id = $1', [id]);
      return ((await c.query('DELETE FROM flows WHERE id = $1', [id])).rowCount ?? 0) === 1;
    });
  }

  async publish(
    flowId: string,
    release: VersionRelease,
    note: string,
    author: string,
  ): Promise<FlowVersionRecord | undefined> {
    const { document, subflows } = assertPinned(release);
    return this.#tx(async (c) => {
      // Locking the flow row serializes concurrent publishes so version numbers never collide.
      const flow = await c.query('SELECT 1 FROM flows WHERE id = $1 FOR UPDATE', [flowId]);
      if (flow.rowCount === 0) return undefined;
      const inserted = await c.query<VersionRow>(
        `INSERT INTO versions (flow_id, version, document, note, author, published_at, subflows)
         SELECT $1, COALESCE(MAX(version), 0) + 1, $2, $3, $4, now(), $5 FROM versions WHERE flow_id = $1 RETURNING *`,
        [flowId, JSON.stringify(document), note, author, JSON.stringify(subflows)],
      );
      const version = versionFromRow(firstRow(inserted.rows));
      await c.query('UPDATE flows SET live_version = $1, updated_at = now() WHERE id = $2', [version.version, flowId]);
      return version;
    });
  }

  async pinSubflows(flowId: string, version: number, subflows: SubflowPins): Promise<void> {
    await this.#pool.query(
      'UPDATE versions SET subflows = $1 WHERE flow_id = $2 AND version = $3 AND subflows IS NULL',
      [JSON.stringify(subflows), flowId, version],
    );
  }

  async listVersions(flowId: string): Promise<Omit<FlowVersionRecord, 'document'>[]> {
    const { rows } = await this.#pool.query<Omit<VersionRow, 'document'>>(
      'SELECT flow_id, version, note, author, published_at, subflows FROM versions WHERE flow_id = $1 ORDER BY version',
      [flowId],
    );
    return rows.map((row) => {
      const { document: _doc, ...rest } = versionFromRow({ ...row, document: {} });
      return rest;
    });
  }

  async getVersion(flowId: string, version: number): Promise<FlowVersionRecord | undefined> {
    const { rows } = await this.#pool.query<VersionRow>('SELECT * FROM versions WHERE flow_id = $1 AND version = $2', [
      flowId,
      version,
    ]);
    return rows[0] ? versionFromRow(rows[0]) : undefined;
  }

  async rollback(flowId: string, version: number): Promise<RollbackResult> {
    return this.#tx(async (c): Promise<RollbackResult> => {
      const flow = await c.query('SELECT 1 FROM flows WHERE id = $1 FOR UPDATE', [flowId]);
      if (flow.rowCount === 0) return { ok: false, reason: 'notFound' };
      const exists = await c.query('SELECT 1 FROM versions WHERE flow_id = $1 AND version = $2', [flowId, version]);
      if (exists.rowCount === 0) return { ok: false, reason: 'noSuchVersion' };
      const updated = await c.query<FlowRow>(
        'UPDATE flows SET live_version = $1, updated_at = now() WHERE id = $2 RETURNING *',
        [version, flowId],
      );
      return { ok: true, flow: flowFromRow(firstRow(updated.rows)) };
    });
  }

  async createSession(
    session: Omit<SessionRecord, 'createdAt' | 'updatedAt' | 'turn'>,
    entries: readonly unknown[],
    contact?: ContactOpening,
    input?: StoredInput,
  ): Promise<void> {
    await this.#tx(async (c) => {
      await c.query(
        `INSERT INTO sessions (id, flow_id, version, draft_document, channel, locale, status, snapshot, turn, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0, now(), now())`,
        [
          session.id,
          session.flowId,
          session.version,
          session.draftDocument === null ? null : JSON.stringify(session.draftDocument),
          session.channel,
          session.locale,
          session.status,
          JSON.stringify(session.snapshot),
        ],
      );
      await insertEntries(c, session.id, 0, entries);
      await this.contacts.writeStart(c, contactStartOf(session, contact), contact?.turn);
      if (input)
        await c.query(
          'INSERT INTO session_inputs (session_id, key, fingerprint, turn, reply) VALUES ($1, $2, $3, 0, $4)',
          [session.id, input.key, input.fingerprint, JSON.stringify(input.reply)],
        );
    });
  }

  async getSession(id: string, options: { snapshot?: boolean } = {}): Promise<SessionRecord | undefined> {
    if (options.snapshot === false) return (await this.getTurnHead(id))?.head;
    const { rows } = await this.#reads.query<SessionRow>({
      name: 'omniflow-get-session',
      text: 'SELECT * FROM sessions WHERE id = $1',
      values: [id],
    });
    return rows[0] ? sessionFromRow(rows[0]) : undefined;
  }

  async getTurnHead(
    sessionId: string,
    key?: string,
  ): Promise<{ head: SessionRecord; input?: StoredInput } | undefined> {
    // One round trip for the head and the idempotency key, prepared once per connection (a turn made two, each
    // parsed and planned again).
    const { rows } = await this.#reads.query<SessionRow & { fingerprint: string | null; reply: unknown }>({
      name: 'omniflow-turn-head',
      text: `SELECT s.id, s.flow_id, s.version, NULL AS draft_document, s.channel, s.locale, s.status, NULL AS snapshot,
          s.turn, s.created_at, s.updated_at, i.fingerprint, i.reply
        FROM sessions s LEFT JOIN session_inputs i ON i.session_id = s.id AND i.key = $2 WHERE s.id = $1`,
      values: [sessionId, key ?? null],
    });
    const row = rows[0];
    if (row === undefined) return undefined;
    const head = sessionFromRow(row);
    return key !== undefined && row.fingerprint !== null
      ? { head, input: { key, fingerprint: row.fingerprint, reply: row.reply } }
      : { head };
  }

  async saveTurn(write: TurnWrite): Promise<SaveTurnResult> {
    // One statement, so one round trip and its own transaction (it was six: BEGIN, update, next seq, entries, input,
    // COMMIT). The transcript and input rows hang on the update's RETURNING: a stale turn writes nothing.
    const { rows } = await this.#pool.query<{ updated: string }>({
      name: 'omniflow-save-turn',
      text: `WITH moved AS (
          UPDATE sessions SET status = $1, snapshot = $2, turn = turn + 1, updated_at = now()
          WHERE id = $3 AND turn = $4 RETURNING id),
        next AS (SELECT COALESCE(MAX(seq), -1) + 1 AS seq FROM transcripts WHERE session_id = $3),
        entries AS (
          INSERT INTO transcripts (session_id, seq, entry, terms)
          SELECT moved.id, next.seq + ord - 1, e, string_to_array(($19::text[])[ord], ' ')
          FROM moved, next, jsonb_array_elements($5::jsonb) WITH ORDINALITY AS t(e, ord)),
        keyed AS (
          INSERT INTO session_inputs (session_id, key, fingerprint, turn, reply)
          SELECT moved.id, $6, $7, $4 + 1, $8 FROM moved WHERE $6::text IS NOT NULL),
        contact AS (${contactTurnUpdate(9, 'id = $9 AND EXISTS (SELECT 1 FROM moved)')})
        SELECT COUNT(*) AS updated FROM moved`,
      values: [
        write.status,
        JSON.stringify(write.snapshot),
        write.sessionId,
        write.expectedTurn,
        JSON.stringify(write.entries),
        write.input?.key ?? null,
        write.input?.fingerprint ?? null,
        write.input ? JSON.stringify(write.input.reply) : null,
        // No contact part: a null id updates no contact row.
        ...contactTurnValues(write.contact ? write.sessionId : null, write.contact ?? { path: [] }),
        transcriptTerms(write.entries),
      ],
    });
    if (Number(firstRow(rows).updated) === 1) return { ok: true };
    const exists = await this.#pool.query('SELECT 1 FROM sessions WHERE id = $1', [write.sessionId]);
    return { ok: false, reason: exists.rowCount === 0 ? 'notFound' : 'stale' };
  }

  async getInput(sessionId: string, key: string): Promise<StoredInput | undefined> {
    const { rows } = await this.#reads.query<{ fingerprint: string; reply: unknown }>({
      name: 'omniflow-get-input',
      text: 'SELECT fingerprint, reply FROM session_inputs WHERE session_id = $1 AND key = $2',
      values: [sessionId, key],
    });
    return rows[0] ? { key, ...rows[0] } : undefined;
  }

  async getTranscript(sessionId: string): Promise<unknown[]> {
    const { rows } = await this.#pool.query<{ entry: unknown }>(
      'SELECT entry FROM transcripts WHERE session_id = $1 ORDER BY seq',
      [sessionId],
    );
    return rows.map((r) => r.entry);
  }

  async countActiveSessions(): Promise<number> {
    const { rows } = await this.#pool.query<{ n: string }>(
      "SELECT COUNT(*) AS n FROM sessions WHERE status = 'active'",
    );
    return Number(firstRow(rows).n);
  }

  async expireSessions(before: Date): Promise<number> {
    return this.#tx(async (c) => {
      await this.contacts.abandonExpired(c, before);
      const result = await c.query(
        "UPDATE sessions SET status = 'ended', updated_at = now() WHERE status = 'active' AND updated_at < $1",
        [before.toISOString()],
      );
      return result.rowCount ?? 0;
    });
  }

  async createToken(token: TokenRecord): Promise<void> {
    await this.#pool.query(
      'INSERT INTO tokens (id, hash, role, flow_id, label, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [token.id, token.hash, token.role, token.flowId, token.label, token.createdAt, token.expiresAt],
    );
  }

  async findTokenByHash(hash: string): Promise<TokenRecord | undefined> {
    const { rows } = await this.#reads.query<TokenRow>({
      name: 'omniflow-find-token',
      text: 'SELECT id, hash, role, flow_id, label, created_at, expires_at FROM tokens WHERE hash = $1',
      values: [hash],
    });
    return rows[0] ? tokenFromRow(rows[0]) : undefined;
  }

  async listTokens(filter: { flowId?: string; role?: TokenRecord['role'] }): Promise<TokenRecord[]> {
    const { rows } = await this.#pool.query<TokenRow>(
      'SELECT * FROM tokens WHERE ($1::text IS NULL OR flow_id = $1) AND ($2::text IS NULL OR role = $2) ORDER BY created_at, id',
      [filter.flowId ?? null, filter.role ?? null],
    );
    return rows.map(tokenFromRow);
  }

  async deleteToken(id: string): Promise<boolean> {
    // The notification goes out with the commit: every process's token cache forgets at once (issue 22).
    const { rows } = await this.#pool.query(
      `WITH gone AS (DELETE FROM tokens WHERE id = $1 RETURNING id) SELECT pg_notify('${TOKENS_CHANNEL}', id) FROM gone`,
      [id],
    );
    return rows.length === 1;
  }

  async getSetting(key: string): Promise<string | undefined> {
    const { rows } = await this.#pool.query<{ value: string }>('SELECT value FROM settings WHERE key = $1', [key]);
    return rows[0]?.value;
  }

  async setSetting(key: string, value: string): Promise<void> {
    await this.#pool.query(
      'INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value',
      [key, value],
    );
  }

  async exclusive<T>(name: string, work: () => Promise<T>): Promise<T> {
    // A session-level lock on one pooled connection, held while `work` uses others.
    return this.#withClient(async (holder) => {
      await holder.query('SELECT pg_advisory_lock(hashtext($1))', [`omniflow:${name}`]);
      try {
        return await work();
      } finally {
        await holder.query('SELECT pg_advisory_unlock(hashtext($1))', [`omniflow:${name}`]);
      }
    });
  }

  async close(): Promise<void> {
    await this.#reads.close();
    await this.#pool.end();
  }
}

async function insertEntries(
  c: PoolClient,
  sessionId: string,
  firstSeq: number,
  entries: readonly unknown[],
): Promise<void> {
  if (entries.length === 0) return;
  await c.query(
    `INSERT INTO transcripts (session_id, seq, entry, terms) SELECT $1, $2 + ord - 1, e, string_to_array(($4::text[])[ord], ' ')
     FROM jsonb_array_elements($3::jsonb) WITH ORDINALITY AS t(e, ord)`,
    [sessionId, firstSeq, JSON.stringify(entries), transcriptTerms(entries)],
  );
}

function firstRow<T>(rows: T[]): T {
  const row = rows[0];
  if (row === undefined) throw new Error('PostgreSQL returned no row where one was expected.');
  return row;
}
