import PgBoss from 'pg-boss';
import type { Pool, PoolClient } from 'pg';
import { isWindowOpen, nextWindowOpening } from './callingWindow.ts';
import {
  campaignFromRow,
  contactFromRow,
  countOf,
  doNotCallFromRow,
  field,
  nextJobOf,
  nullableField,
  progressFromRows,
  stringArray,
} from './campaignRows.ts';
import type {
  AttemptEnd,
  CampaignConfig,
  CampaignContact,
  CampaignProgress,
  CampaignRecord,
  CampaignStatus,
  CampaignStore,
  ClaimResult,
  ListInfo,
  OrphanedAttempt,
} from './CampaignStore.ts';
import { nextSlot } from './Pacer.ts';
import type { ListContact } from './parseContactList.ts';
import { retryDecision } from './retryDecision.ts';

/** Due jobs looked at per claim: contacts outside their window or on the do-not-call list are filed on the way. */
const CLAIM_SCAN = 32;
/** The pg-boss schema (its own tables, migrated by pg-boss itself). */
const BOSS_SCHEMA = 'pgboss';

/** What a queued job names: the contact and the idempotency key of the attempt it is due to make. */
interface AttemptJob {
  seq: number;
  key: string;
}

/** The pg-boss queue of one campaign's due attempts. */
export function campaignQueue(campaignId: string): string {
  return `campaign-${campaignId}`;
}

type Executor = { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };

/**
 * The campaign tables in the runtime's PostgreSQL database, with the due jobs in pg-boss: one queue per campaign,
 * one job per due attempt (the contact and its attempt key), held back with `startAfter` until a retry is due or the
 * contact's calling window opens. A claim is one transaction: it locks the campaign row (pacing and concurrency are
 * counted for the campaign as a whole, whatever process claims), takes the next job with pg-boss's
 * `FOR UPDATE SKIP LOCKED` fetch, records the attempt under its key and completes the job — all or nothing, so a
 * process killed at any point leaves either the job queued or the attempt recorded, never both and never neither.
 * Ending an attempt queues the contact's next job (retry, text) in the transaction that records the end.
 */
export class PostgresCampaignStore implements CampaignStore {
  readonly #pool: Pool;
  readonly #boss: PgBoss;

  private constructor(pool: Pool, boss: PgBoss) {
    this.#pool = pool;
    this.#boss = boss;
  }

  /** Starts pg-boss on the runtime's pool (it migrates its own schema); the campaign tables are the store's. */
  static async open(pool: Pool): Promise<PostgresCampaignStore> {
    const boss = new PgBoss({
      db: { executeSql: async (text: string, values?: unknown[]) => pool.query(text, values) },
      schema: BOSS_SCHEMA,
      schedule: false,
      supervise: true,
    });
    boss.on('error', () => {
      // Maintenance errors (a lost connection) are retried by pg-boss on its next run.
    });
    // pg-boss creates its schema with CREATE SCHEMA IF NOT EXISTS before taking a lock of its own; processes starting
    // together raced on it (a duplicate key in pg_namespace). They take turns here; later starts find it installed.
    const holder = await pool.connect();
    try {
      await holder.query('SELECT pg_advisory_lock(hashtext($1))', ['omniflow:pg-boss-start']);
      try {
        await boss.start();
      } finally {
        await holder.query('SELECT pg_advisory_unlock(hashtext($1))', ['omniflow:pg-boss-start']);
      }
    } finally {
      holder.release();
    }
    return new PostgresCampaignStore(pool, boss);
  }

  async create(id: string, config: CampaignConfig): Promise<CampaignRecord> {
    await this.#pool.query(
      `INSERT INTO campaigns (id, name, flow_id, status, config, created_at, updated_at)
       VALUES ($1, $2, $3, 'draft', $4, now(), now())`,
      [id, config.name, config.flowId, JSON.stringify(config)],
    );
    const record = await this.get(id);
    if (!record) throw new Error(`campaign ${id} vanished right after it was written`);
    return record;
  }

  async get(id: string): Promise<CampaignRecord | undefined> {
    const { rows } = await this.#pool.query('SELECT * FROM campaigns WHERE id = $1', [id]);
    return rows[0] === undefined ? undefined : campaignFromRow(rows[0]);
  }

  async list(): Promise<CampaignRecord[]> {
    const { rows } = await this.#pool.query('SELECT * FROM campaigns ORDER BY created_at DESC');
    return rows.map(campaignFromRow);
  }

  async updateConfig(id: string, config: CampaignConfig): Promise<void> {
    await this.#pool.query(
      'UPDATE campaigns SET name = $1, flow_id = $2, config = $3, updated_at = now() WHERE id = $4',
      [config.name, config.flowId, JSON.stringify(config), id],
    );
  }

  async setStatus(id: string, status: CampaignStatus): Promise<void> {
    if (status === 'running') await this.#boss.createQueue(campaignQueue(id));
    await this.#tx(async (client, db) => {
      const { rows } = await client.query('SELECT status FROM campaigns WHERE id = $1 FOR UPDATE', [id]);
      const before = nullableField(rows[0], 'status');
      await client.query('UPDATE campaigns SET status = $1, updated_at = now() WHERE id = $2', [status, id]);
      if (status === 'stopped')
        await client.query(
          `UPDATE campaign_contacts SET state = 'done', outcome = 'stopped', updated_at = $1
           WHERE campaign_id = $2 AND state IN ('pending', 'sms')`,
          [Date.now(), id],
        );
      // The first start queues every contact's first call; a resume finds its jobs where the pause left them.
      if (status === 'running' && before === 'draft') {
        const pending = await client.query(
          `SELECT seq, state, attempts, next_at FROM campaign_contacts WHERE campaign_id = $1 AND state IN ('pending', 'sms')`,
          [id],
        );
        const jobs = pending.rows.map((row) => {
          const contact = {
            seq: Number(field(row, 'seq')),
            state: field(row, 'state'),
            attempts: Number(field(row, 'attempts')),
          };
          // pg-boss hands out the oldest job first, then by id: ids in list order keep the start batch in list order.
          return {
            id: `00000000-0000-0000-0000-${contact.seq.toString(16).padStart(12, '0')}`,
            ...this.#job(
              id,
              contact as Pick<CampaignContact, 'seq' | 'state' | 'attempts'>,
              Number(field(row, 'next_at')),
            ),
          };
        });
        for (let i = 0; i < jobs.length; i += 1_000) await this.#boss.insert(jobs.slice(i, i + 1_000), { db });
      }
    });
  }

  async replaceContacts(id: string, contacts: ListContact[], list: ListInfo, now: number): Promise<void> {
    await this.#tx(async (client) => {
      await client.query('DELETE FROM campaign_contacts WHERE campaign_id = $1', [id]);
      for (let i = 0; i < contacts.length; i += 1_000) {
        const chunk = contacts.slice(i, i + 1_000);
        await client.query(
          `INSERT INTO campaign_contacts (campaign_id, seq, line, phone, time_zones, variables, state, next_at, updated_at)
           SELECT $1, c.seq, c.line, c.phone, c.time_zones, c.variables, 'pending', 0, $2
           FROM jsonb_to_recordset($3::jsonb) AS c(seq INTEGER, line INTEGER, phone TEXT, time_zones JSONB, variables JSONB)`,
          [
            id,
            now,
            JSON.stringify(
              chunk.map((c, j) => ({
                seq: i + j,
                line: c.line,
                phone: c.phone,
                time_zones: c.timeZones,
                variables: c.variables,
              })),
            ),
          ],
        );
      }
      await client.query('UPDATE campaigns SET list_info = $1, updated_at = $2 WHERE id = $3', [
        JSON.stringify(list),
        new Date(now).toISOString(),
        id,
      ]);
    });
  }

  async contactCount(id: string): Promise<number> {
    const { rows } = await this.#pool.query('SELECT COUNT(*) AS n FROM campaign_contacts WHERE campaign_id = $1', [id]);
    return countOf(rows[0]);
  }

  async contacts(id: string, page: { offset: number; limit: number }): Promise<CampaignContact[]> {
    const { rows } = await this.#pool.query(
      'SELECT * FROM campaign_contacts WHERE campaign_id = $1 ORDER BY seq LIMIT $2 OFFSET $3',
      [id, page.limit, page.offset],
    );
    return rows.map(contactFromRow);
  }

  async zoneSets(id: string): Promise<string[][]> {
    const { rows } = await this.#pool.query(
      'SELECT DISTINCT time_zones FROM campaign_contacts WHERE campaign_id = $1',
      [id],
    );
    return rows.map((row) => stringArray(Reflect.get(row as object, 'time_zones')));
  }

  async progress(id: string): Promise<CampaignProgress> {
    const [states, results] = await Promise.all([
      this.#pool.query(
        'SELECT state, outcome, COUNT(*) AS n FROM campaign_contacts WHERE campaign_id = $1 GROUP BY state, outcome',
        [id],
      ),
      this.#pool.query(
        `SELECT result, COUNT(*) AS n FROM campaign_attempts WHERE campaign_id = $1 AND kind = 'call' GROUP BY result`,
        [id],
      ),
    ]);
    return progressFromRows(states.rows, results.rows);
  }

  async runningIds(): Promise<string[]> {
    const { rows } = await this.#pool.query(`SELECT id FROM campaigns WHERE status = 'running'`);
    return rows.map((row) => field(row, 'id'));
  }

  claim(id: string, owner: string, now: number, leaseMs: number): Promise<ClaimResult> {
    return this.#tx((client, db) => this.#claimIn(client, db, id, owner, now, leaseMs));
  }

  async #claimIn(
    client: PoolClient,
    db: Executor,
    id: string,
    owner: string,
    now: number,
    leaseMs: number,
  ): Promise<ClaimResult> {
    // The campaign row's lock makes the claims of one campaign take turns across every process.
    const locked = await client.query('SELECT * FROM campaigns WHERE id = $1 FOR UPDATE', [id]);
    if (locked.rows[0] === undefined) return { idle: true };
    const campaign = campaignFromRow(locked.rows[0]);
    if (campaign.status !== 'running') return { idle: true };
    const { pacing, schedule } = campaign.config;
    const busy = countOf(
      (
        await client.query(
          `SELECT COUNT(*) AS n FROM campaign_contacts WHERE campaign_id = $1 AND state IN ('dialing', 'texting')`,
          [id],
        )
      ).rows[0],
    );
    const slot = Number(field(locked.rows[0], 'next_slot_at'));
    if (busy >= pacing.maxConcurrent) return { waitMs: 50 };
    if (slot > now) return { waitMs: slot - now };
    const queue = campaignQueue(id);
    const seen = new Set<number>();
    for (let scanned = 0; scanned < CLAIM_SCAN; scanned++) {
      const [fetched] = await this.#boss.fetch<AttemptJob>(queue, { batchSize: 1, db });
      if (!fetched) break;
      await this.#boss.complete(queue, fetched.id, {}, { db });
      const row = (
        await client.query('SELECT * FROM campaign_contacts WHERE campaign_id = $1 AND seq = $2 FOR UPDATE', [
          id,
          fetched.data.seq,
        ])
      ).rows[0];
      if (row === undefined) continue;
      const contact = contactFromRow(row);
      const next = nextJobOf(id, contact);
      // A job left from before (the contact moved on, or its key is taken): nothing to do under it.
      if ((contact.state !== 'pending' && contact.state !== 'sms') || next.key !== fetched.data.key) continue;
      // Queued for a time this clock has not reached (an injected clock; pg-boss compares with the server's), or back
      // again in this scan: queued again for its time.
      if (seen.has(contact.seq)) {
        await this.#requeue(db, id, contact, contact.nextAt);
        break;
      }
      seen.add(contact.seq);
      if (contact.nextAt > now) {
        await this.#requeue(db, id, contact, contact.nextAt);
        continue;
      }
      if (await this.#onDoNotCall(client, id, contact.phone)) {
        await this.#finishContact(client, id, contact.seq, 'doNotCall', now);
        continue;
      }
      if (!isWindowOpen(schedule, contact.timeZones, new Date(now))) {
        const opening = nextWindowOpening(schedule, contact.timeZones, new Date(now));
        if (opening === undefined) await this.#finishContact(client, id, contact.seq, 'windowClosed', now);
        else {
          await client.query(
            'UPDATE campaign_contacts SET next_at = $1, updated_at = $2 WHERE campaign_id = $3 AND seq = $4',
            [opening.getTime(), now, id, contact.seq],
          );
          await this.#requeue(db, id, contact, opening.getTime());
        }
        continue;
      }
      const inserted = await client.query(
        `INSERT INTO campaign_attempts (key, campaign_id, seq, attempt, kind, phone, owner, claimed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (key) DO NOTHING`,
        [next.key, id, contact.seq, next.attempt, next.kind, contact.phone, owner, now],
      );
      if (inserted.rowCount === 0) continue; // the key was attempted already: never twice
      const state = next.kind === 'call' ? 'dialing' : 'texting';
      await client.query(
        `UPDATE campaign_contacts SET state = $1, attempts = $2, lease_owner = $3, lease_until = $4, updated_at = $5
         WHERE campaign_id = $6 AND seq = $7`,
        [state, next.attempt, owner, now + leaseMs, now, id, contact.seq],
      );
      await client.query('UPDATE campaigns SET next_slot_at = $1 WHERE id = $2', [nextSlot(slot, now, pacing), id]);
      return {
        job: {
          key: next.key,
          kind: next.kind,
          campaign,
          attempt: next.attempt,
          contact: { ...contact, attempts: next.attempt, state },
        },
      };
    }
    const open = await client.query(
      `SELECT COUNT(*) FILTER (WHERE state <> 'done') AS n,
              MIN(next_at) FILTER (WHERE state IN ('pending', 'sms')) AS at
       FROM campaign_contacts WHERE campaign_id = $1`,
      [id],
    );
    if (countOf(open.rows[0]) === 0) {
      await client.query(`UPDATE campaigns SET status = 'completed', updated_at = $1 WHERE id = $2`, [
        new Date(now).toISOString(),
        id,
      ]);
      return { idle: true };
    }
    const at = nullableField(open.rows[0], 'at');
    return { waitMs: at === null ? 200 : Math.min(1_000, Math.max(0, Number(at) - now)) };
  }

  async contactOfAttempt(key: string): Promise<CampaignContact | undefined> {
    const { rows } = await this.#pool.query(
      `SELECT c.* FROM campaign_attempts a JOIN campaign_contacts c ON c.campaign_id = a.campaign_id AND c.seq = a.seq
       WHERE a.key = $1`,
      [key],
    );
    return rows[0] === undefined ? undefined : contactFromRow(rows[0]);
  }

  async markDialed(key: string, now: number, providerId?: string): Promise<void> {
    await this.#pool.query(
      'UPDATE campaign_attempts SET dialed_at = COALESCE(dialed_at, $1), provider_id = COALESCE($2, provider_id) WHERE key = $3',
      [now, providerId ?? null, key],
    );
  }

  finish(key: string, end: AttemptEnd, now: number): Promise<boolean> {
    return this.#tx(async (client, db) => {
      const attempt = (await client.query('SELECT * FROM campaign_attempts WHERE key = $1 FOR UPDATE', [key])).rows[0];
      if (attempt === undefined || nullableField(attempt, 'ended_at') !== null) return false;
      const id = field(attempt, 'campaign_id');
      const seq = Number(field(attempt, 'seq'));
      const result = end.kind === 'call' ? end.result : end.sent ? 'smsSent' : 'smsFailed';
      const sessionId = end.kind === 'call' ? (end.sessionId ?? null) : null;
      await client.query('UPDATE campaign_attempts SET ended_at = $1, result = $2, session_id = $3 WHERE key = $4', [
        now,
        result,
        sessionId,
        key,
      ]);
      const campaignRow = (await client.query('SELECT * FROM campaigns WHERE id = $1', [id])).rows[0];
      const contactRow = (
        await client.query('SELECT * FROM campaign_contacts WHERE campaign_id = $1 AND seq = $2 FOR UPDATE', [id, seq])
      ).rows[0];
      if (campaignRow === undefined || contactRow === undefined) return true;
      const campaign = campaignFromRow(campaignRow);
      const contact = contactFromRow(contactRow);
      const update = async (state: string, nextAt: number, outcome: string | null, last: string | null) =>
        client.query(
          `UPDATE campaign_contacts SET state = $1, next_at = $2, outcome = $3, last_result = COALESCE($4, last_result),
           session_id = COALESCE($5, session_id), lease_owner = NULL, lease_until = NULL, updated_at = $6
           WHERE campaign_id = $7 AND seq = $8`,
          [state, nextAt, outcome, last, sessionId, now, id, seq],
        );
      if (end.kind === 'sms') {
        await update('done', contact.nextAt, result, null);
        return true;
      }
      if (end.optedOut) {
        await this.#addDoNotCall(client, id, contact.phone, 'opted out during the call');
        await update('done', contact.nextAt, 'optedOut', end.result);
        return true;
      }
      const step = retryDecision(campaign.config.strategy, end.result, contact.attempts, now);
      const stopped = campaign.status === 'stopped';
      if (step.kind === 'retry' && !stopped) {
        await update('pending', step.at, null, end.result);
        await this.#requeue(db, id, { ...contact, state: 'pending' }, step.at);
      } else if (step.kind === 'sms' && !stopped) {
        await update('sms', now, null, end.result);
        await this.#requeue(db, id, { ...contact, state: 'sms' }, now);
      } else await update('done', contact.nextAt, end.result, end.result);
      return true;
    });
  }

  async renewLeases(owner: string, keys: string[], now: number, leaseMs: number): Promise<void> {
    if (keys.length === 0) return;
    await this.#pool.query(
      `UPDATE campaign_contacts c SET lease_until = $1 FROM campaign_attempts a
       WHERE a.key = ANY($2::text[]) AND c.campaign_id = a.campaign_id AND c.seq = a.seq AND c.lease_owner = $3`,
      [now + leaseMs, keys, owner],
    );
  }

  async adoptOrphans(owner: string, now: number, leaseMs: number): Promise<OrphanedAttempt[]> {
    // One statement: rows locked by another adopter are re-checked after its commit, so each is adopted once.
    const { rows } = await this.#pool.query(
      `UPDATE campaign_contacts c SET lease_owner = $1, lease_until = $2
       FROM campaign_attempts a
       WHERE a.campaign_id = c.campaign_id AND a.seq = c.seq AND a.ended_at IS NULL
         AND c.state IN ('dialing', 'texting') AND c.lease_until < $3
       RETURNING a.key, a.kind, a.campaign_id, a.seq, a.dialed_at`,
      [owner, now + leaseMs, now],
    );
    return rows.map((row) => ({
      key: field(row, 'key'),
      kind: field(row, 'kind') === 'sms' ? 'sms' : 'call',
      campaignId: field(row, 'campaign_id'),
      seq: Number(field(row, 'seq')),
      dialed: nullableField(row, 'dialed_at') !== null,
    }));
  }

  async addDoNotCall(scope: string, phone: string, reason: string): Promise<void> {
    await this.#addDoNotCall(this.#pool, scope, phone, reason);
  }

  async removeDoNotCall(scope: string, phone: string): Promise<boolean> {
    const { rowCount } = await this.#pool.query('DELETE FROM do_not_call WHERE scope = $1 AND phone = $2', [
      scope,
      phone,
    ]);
    return (rowCount ?? 0) > 0;
  }

  async doNotCall(scope: string): Promise<{ phone: string; reason: string; addedAt: string }[]> {
    const { rows } = await this.#pool.query(
      'SELECT phone, reason, added_at FROM do_not_call WHERE scope = $1 ORDER BY added_at, phone',
      [scope],
    );
    return rows.map(doNotCallFromRow);
  }

  /** Stops pg-boss's maintenance; the pool is the flow store's and closes with it. */
  async close(): Promise<void> {
    await this.#boss.stop({ graceful: false, close: false, wait: true });
  }

  /** The job of a contact's next attempt, due at `dueAt` (epoch ms). */
  #job(id: string, contact: Pick<CampaignContact, 'seq' | 'state' | 'attempts'>, dueAt: number) {
    const { key } = nextJobOf(id, contact);
    const data: AttemptJob = { seq: contact.seq, key };
    // A contact due at once has `next_at` 0. pg-boss keeps a job until its start plus the retention, and its maintenance
    // archives a waiting job past that: a job starting in 1970 was archived unclaimed within minutes, and the campaign
    // stalled with its contacts pending. Due times in the past start now (pg-boss reads the server's clock anyway).
    const startAfter = new Date(Math.max(dueAt, Date.now())).toISOString();
    return { name: campaignQueue(id), data, singletonKey: key, startAfter };
  }

  async #requeue(
    db: Executor,
    id: string,
    contact: Pick<CampaignContact, 'seq' | 'state' | 'attempts'>,
    dueAt: number,
  ) {
    const job = this.#job(id, contact, dueAt);
    await this.#boss.send(job.name, job.data, {
      singletonKey: job.singletonKey,
      startAfter: job.startAfter,
      db,
    });
  }

  async #finishContact(client: PoolClient, id: string, seq: number, outcome: string, now: number): Promise<void> {
    await client.query(
      `UPDATE campaign_contacts SET state = 'done', outcome = $1, updated_at = $2 WHERE campaign_id = $3 AND seq = $4`,
      [outcome, now, id, seq],
    );
  }

  async #onDoNotCall(client: PoolClient, campaignId: string, phone: string): Promise<boolean> {
    const { rows } = await client.query(`SELECT 1 FROM do_not_call WHERE phone = $1 AND scope IN ('*', $2)`, [
      phone,
      campaignId,
    ]);
    return rows.length > 0;
  }

  async #addDoNotCall(
    client: Pick<Pool, 'query'> | PoolClient,
    scope: string,
    phone: string,
    reason: string,
  ): Promise<void> {
    await client.query(
      'INSERT INTO do_not_call (scope, phone, reason, added_at) VALUES ($1, $2, $3, now()) ON CONFLICT DO NOTHING',
      [scope, phone, reason],
    );
  }

  /** One transaction on one connection; `db` hands the same connection to pg-boss. */
  async #tx<T>(work: (client: PoolClient, db: Executor) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    const db: Executor = { executeSql: async (text, values) => client.query(text, values) };
    try {
      await client.query('BEGIN');
      const result = await work(client, db);
      await client.query('COMMIT');
      client.release();
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      // A connection whose work failed is dropped, not handed out again.
      client.release(true);
      throw error;
    }
  }
}
