import { Pool, type PoolClient } from 'pg';
import type {
  FlowRecord,
  FlowStore,
  FlowSummary,
  FlowVersionRecord,
  RollbackResult,
  SaveTurnResult,
  SessionRecord,
  TokenRecord,
  TurnWrite,
  UpdateDraftResult,
} from './FlowStore.ts';
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

const MIGRATION_LOCK = 7_466_108; // arbitrary, fixed: serializes migrations of concurrent runtimes

/** The scale-out store: the same contract as SQLite, on a shared PostgreSQL database. */
export class PostgresFlowStore implements FlowStore {
  readonly kind = 'postgres';
  readonly #pool: Pool;

  private constructor(pool: Pool) {
    this.#pool = pool;
  }

  /** The pool, for the stores of other tables in the same database (they share the one migration list). */
  get pool(): Pool {
    return this.#pool;
  }

  /** Connects to `databaseUrl` and applies pending migrations. */
  static async open(databaseUrl: string): Promise<PostgresFlowStore> {
    const pool = new Pool({
      connectionString: databaseUrl,
      max: 10,
      connectionTimeoutMillis: 5000,
      statement_timeout: 10_000,
    });
    pool.on('error', () => {
      // An idle client lost its connection; the pool replaces it on next use.
    });
    const store = new PostgresFlowStore(pool);
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
    const client = await this.#pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
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
    document: Record<string, unknown>,
    note: string,
    author: string,
  ): Promise<FlowVersionRecord | undefined> {
    return this.#tx(async (c) => {
      // Locking the flow row serializes concurrent publishes so version numbers never collide.
      const flow = await c.query('SELECT 1 FROM flows WHERE id = $1 FOR UPDATE', [flowId]);
      if (flow.rowCount === 0) return undefined;
      const inserted = await c.query<VersionRow>(
        `INSERT INTO versions (flow_id, version, document, note, author, published_at)
         SELECT $1, COALESCE(MAX(version), 0) + 1, $2, $3, $4, now() FROM versions WHERE flow_id = $1 RETURNING *`,
        [flowId, JSON.stringify(document), note, author],
      );
      const version = versionFromRow(firstRow(inserted.rows));
      await c.query('UPDATE flows SET live_version = $1, updated_at = now() WHERE id = $2', [version.version, flowId]);
      return version;
    });
  }

  async listVersions(flowId: string): Promise<Omit<FlowVersionRecord, 'document'>[]> {
    const { rows } = await this.#pool.query<Omit<VersionRow, 'document'>>(
      'SELECT flow_id, version, note, author, published_at FROM versions WHERE flow_id = $1 ORDER BY version',
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
    });
  }

  async getSession(id: string, options: { snapshot?: boolean } = {}): Promise<SessionRecord | undefined> {
    const columns =
      options.snapshot === false
        ? 'id, flow_id, version, NULL AS draft_document, channel, locale, status, NULL AS snapshot, turn, created_at, updated_at'
        : '*';
    const { rows } = await this.#pool.query<SessionRow>(`SELECT ${columns} FROM sessions WHERE id = $1`, [id]);
    return rows[0] ? sessionFromRow(rows[0]) : undefined;
  }

  async saveTurn(write: TurnWrite): Promise<SaveTurnResult> {
    return this.#tx(async (c): Promise<SaveTurnResult> => {
      const updated = await c.query(
        'UPDATE sessions SET status = $1, snapshot = $2, turn = turn + 1, updated_at = now() WHERE id = $3 AND turn = $4',
        [write.status, JSON.stringify(write.snapshot), write.sessionId, write.expectedTurn],
      );
      if (updated.rowCount !== 1) {
        const exists = await c.query('SELECT 1 FROM sessions WHERE id = $1', [write.sessionId]);
        return { ok: false, reason: exists.rowCount === 0 ? 'notFound' : 'stale' };
      }
      const seq = await c.query<{ next: number }>(
        'SELECT COALESCE(MAX(seq), -1) + 1 AS next FROM transcripts WHERE session_id = $1',
        [write.sessionId],
      );
      await insertEntries(c, write.sessionId, firstRow(seq.rows).next, write.entries);
      return { ok: true };
    });
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
    const result = await this.#pool.query(
      "UPDATE sessions SET status = 'ended', updated_at = now() WHERE status = 'active' AND updated_at < $1",
      [before.toISOString()],
    );
    return result.rowCount ?? 0;
  }

  async createToken(token: TokenRecord): Promise<void> {
    await this.#pool.query(
      'INSERT INTO tokens (id, hash, role, flow_id, label, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [token.id, token.hash, token.role, token.flowId, token.label, token.createdAt, token.expiresAt],
    );
  }

  async findTokenByHash(hash: string): Promise<TokenRecord | undefined> {
    const { rows } = await this.#pool.query<TokenRow>('SELECT * FROM tokens WHERE hash = $1', [hash]);
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
    return ((await this.#pool.query('DELETE FROM tokens WHERE id = $1', [id])).rowCount ?? 0) === 1;
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

  async close(): Promise<void> {
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
    'INSERT INTO transcripts (session_id, seq, entry) SELECT $1, $2 + ord - 1, e FROM jsonb_array_elements($3::jsonb) WITH ORDINALITY AS t(e, ord)',
    [sessionId, firstSeq, JSON.stringify(entries)],
  );
}

function firstRow<T>(rows: T[]): T {
  const row = rows[0];
  if (row === undefined) throw new Error('PostgreSQL returned no row where one was expected.');
  return row;
}
