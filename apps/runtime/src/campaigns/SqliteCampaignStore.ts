import Database from 'better-sqlite3';
import { join } from 'node:path';
import { isWindowOpen, nextWindowOpening } from './callingWindow.ts';
import { campaignMigration } from './campaignMigration.ts';
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

/** Due contacts looked at per claim: the ones outside their window are moved to their next opening on the way. */
const CLAIM_SCAN = 32;

/**
 * The campaign tables in the runtime's SQLite file, on a connection of their own. Every claim is one IMMEDIATE
 * transaction (SQLite's write lock), so processes sharing the file never claim one contact twice, and pacing and
 * concurrency are counted in the database, shared by all of them.
 */
export class SqliteCampaignStore implements CampaignStore {
  readonly #db: Database.Database;
  readonly #claim: Database.Transaction<(id: string, owner: string, now: number, leaseMs: number) => ClaimResult>;

  private constructor(db: Database.Database) {
    this.#db = db;
    this.#claim = db.transaction((id, owner, now, leaseMs) => this.#claimIn(id, owner, now, leaseMs));
  }

  /**
   * Opens the campaign tables of `dataDir`'s `omniflow.db` (migrated by the flow store), or of a private in-memory
   * database; with the flow store on PostgreSQL the file holds only these tables, created here.
   */
  static open(dataDir: string): SqliteCampaignStore {
    const db = new Database(dataDir === ':memory:' ? ':memory:' : join(dataDir, 'omniflow.db'));
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const migrated = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'campaigns'`).get();
    if (migrated === undefined) db.exec(campaignMigration('sqlite'));
    return new SqliteCampaignStore(db);
  }

  async create(id: string, config: CampaignConfig): Promise<CampaignRecord> {
    const now = new Date().toISOString();
    this.#db
      .prepare(
        `INSERT INTO campaigns (id, name, flow_id, status, config, created_at, updated_at) VALUES (?, ?, ?, 'draft', ?, ?, ?)`,
      )
      .run(id, config.name, config.flowId, JSON.stringify(config), now, now);
    return this.#must(id);
  }

  async get(id: string): Promise<CampaignRecord | undefined> {
    return this.#get(id);
  }

  #get(id: string): CampaignRecord | undefined {
    const row = this.#db.prepare('SELECT * FROM campaigns WHERE id = ?').get(id);
    return row === undefined ? undefined : campaignFromRow(row);
  }

  async list(): Promise<CampaignRecord[]> {
    return this.#db.prepare('SELECT * FROM campaigns ORDER BY created_at DESC').all().map(campaignFromRow);
  }

  async updateConfig(id: string, config: CampaignConfig): Promise<void> {
    this.#db
      .prepare('UPDATE campaigns SET name = ?, flow_id = ?, config = ?, updated_at = ? WHERE id = ?')
      .run(config.name, config.flowId, JSON.stringify(config), new Date().toISOString(), id);
  }

  async setStatus(id: string, status: CampaignStatus): Promise<void> {
    this.#db.transaction(() => {
      this.#db
        .prepare('UPDATE campaigns SET status = ?, updated_at = ? WHERE id = ?')
        .run(status, new Date().toISOString(), id);
      // Stopping finishes the contacts nobody is calling; calls in progress end on their own and are recorded.
      if (status === 'stopped')
        this.#db
          .prepare(
            `UPDATE campaign_contacts SET state = 'done', outcome = 'stopped', updated_at = ? WHERE campaign_id = ? AND state IN ('pending', 'sms')`,
          )
          .run(Date.now(), id);
    })();
  }

  async replaceContacts(id: string, contacts: ListContact[], list: ListInfo, now: number): Promise<void> {
    const insert = this.#db.prepare(
      `INSERT INTO campaign_contacts (campaign_id, seq, line, phone, time_zones, variables, state, next_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?)`,
    );
    this.#db.transaction(() => {
      this.#db.prepare('DELETE FROM campaign_contacts WHERE campaign_id = ?').run(id);
      contacts.forEach((c, seq) =>
        insert.run(id, seq, c.line, c.phone, JSON.stringify(c.timeZones), JSON.stringify(c.variables), now),
      );
      this.#db
        .prepare('UPDATE campaigns SET list_info = ?, updated_at = ? WHERE id = ?')
        .run(JSON.stringify(list), new Date(now).toISOString(), id);
    })();
  }

  async contactCount(id: string): Promise<number> {
    return countOf(this.#db.prepare('SELECT COUNT(*) AS n FROM campaign_contacts WHERE campaign_id = ?').get(id));
  }

  async contacts(id: string, page: { offset: number; limit: number }): Promise<CampaignContact[]> {
    return this.#db
      .prepare('SELECT * FROM campaign_contacts WHERE campaign_id = ? ORDER BY seq LIMIT ? OFFSET ?')
      .all(id, page.limit, page.offset)
      .map(contactFromRow);
  }

  async zoneSets(id: string): Promise<string[][]> {
    return this.#db
      .prepare('SELECT DISTINCT time_zones FROM campaign_contacts WHERE campaign_id = ?')
      .all(id)
      .map((row) => stringArray(JSON.parse(field(row, 'time_zones'))));
  }

  async progress(id: string): Promise<CampaignProgress> {
    const states = this.#db
      .prepare(
        'SELECT state, outcome, COUNT(*) AS n FROM campaign_contacts WHERE campaign_id = ? GROUP BY state, outcome',
      )
      .all(id);
    const results = this.#db
      .prepare(
        `SELECT result, COUNT(*) AS n FROM campaign_attempts WHERE campaign_id = ? AND kind = 'call' GROUP BY result`,
      )
      .all(id);
    return progressFromRows(states, results);
  }

  async runningIds(): Promise<string[]> {
    return this.#db
      .prepare(`SELECT id FROM campaigns WHERE status = 'running'`)
      .all()
      .map((row) => field(row, 'id'));
  }

  async claim(id: string, owner: string, now: number, leaseMs: number): Promise<ClaimResult> {
    return this.#claim.immediate(id, owner, now, leaseMs);
  }

  #claimIn(id: string, owner: string, now: number, leaseMs: number): ClaimResult {
    const campaign = this.#get(id);
    if (campaign?.status !== 'running') return { idle: true };
    const { pacing, schedule } = campaign.config;
    const busy = countOf(
      this.#db
        .prepare(
          `SELECT COUNT(*) AS n FROM campaign_contacts WHERE campaign_id = ? AND state IN ('dialing', 'texting')`,
        )
        .get(id),
    );
    const slot = Number(
      field(this.#db.prepare('SELECT next_slot_at FROM campaigns WHERE id = ?').get(id), 'next_slot_at'),
    );
    const due = this.#db
      .prepare(
        `SELECT * FROM campaign_contacts WHERE campaign_id = ? AND state IN ('pending', 'sms') AND next_at <= ? ORDER BY next_at, seq LIMIT ?`,
      )
      .all(id, now, CLAIM_SCAN)
      .map(contactFromRow);
    const moveOn = this.#db.prepare(
      'UPDATE campaign_contacts SET next_at = ?, updated_at = ? WHERE campaign_id = ? AND seq = ?',
    );
    const finish = this.#db.prepare(
      `UPDATE campaign_contacts SET state = 'done', outcome = ?, updated_at = ? WHERE campaign_id = ? AND seq = ?`,
    );
    for (const contact of due) {
      if (this.#onDoNotCall(id, contact.phone)) {
        finish.run('doNotCall', now, id, contact.seq);
        continue;
      }
      if (!isWindowOpen(schedule, contact.timeZones, new Date(now))) {
        const opening = nextWindowOpening(schedule, contact.timeZones, new Date(now));
        if (opening === undefined) finish.run('windowClosed', now, id, contact.seq);
        else moveOn.run(opening.getTime(), now, id, contact.seq);
        continue;
      }
      // Limits are checked only once there is someone to call, so that the scan above still files away the others.
      if (busy >= pacing.maxConcurrent) return { waitMs: 50 };
      if (slot > now) return { waitMs: slot - now };
      const { kind, attempt, key } = nextJobOf(id, contact);
      this.#db
        .prepare(
          `UPDATE campaign_contacts SET state = ?, attempts = ?, lease_owner = ?, lease_until = ?, updated_at = ? WHERE campaign_id = ? AND seq = ?`,
        )
        .run(kind === 'call' ? 'dialing' : 'texting', attempt, owner, now + leaseMs, now, id, contact.seq);
      this.#db
        .prepare(
          `INSERT INTO campaign_attempts (key, campaign_id, seq, attempt, kind, phone, owner, claimed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(key, id, contact.seq, attempt, kind, contact.phone, owner, now);
      this.#db.prepare('UPDATE campaigns SET next_slot_at = ? WHERE id = ?').run(nextSlot(slot, now, pacing), id);
      return {
        job: {
          key,
          kind,
          campaign,
          attempt,
          contact: { ...contact, attempts: attempt, state: kind === 'call' ? 'dialing' : 'texting' },
        },
      };
    }
    if (due.length === CLAIM_SCAN) return { waitMs: 0 };
    const open = countOf(
      this.#db.prepare(`SELECT COUNT(*) AS n FROM campaign_contacts WHERE campaign_id = ? AND state <> 'done'`).get(id),
    );
    if (open === 0) {
      this.#db
        .prepare(`UPDATE campaigns SET status = 'completed', updated_at = ? WHERE id = ?`)
        .run(new Date(now).toISOString(), id);
      return { idle: true };
    }
    const next = this.#db
      .prepare(`SELECT MIN(next_at) AS at FROM campaign_contacts WHERE campaign_id = ? AND state IN ('pending', 'sms')`)
      .get(id);
    const at = nullableField(next, 'at');
    return { waitMs: at === null ? 200 : Math.min(1_000, Math.max(0, Number(at) - now)) };
  }

  async contactOfAttempt(key: string): Promise<CampaignContact | undefined> {
    const row = this.#db
      .prepare(
        'SELECT c.* FROM campaign_attempts a JOIN campaign_contacts c ON c.campaign_id = a.campaign_id AND c.seq = a.seq WHERE a.key = ?',
      )
      .get(key);
    return row === undefined ? undefined : contactFromRow(row);
  }

  async markDialed(key: string, now: number, providerId?: string): Promise<void> {
    this.#db
      .prepare(
        'UPDATE campaign_attempts SET dialed_at = COALESCE(dialed_at, ?), provider_id = COALESCE(?, provider_id) WHERE key = ?',
      )
      .run(now, providerId ?? null, key);
  }

  async finish(key: string, end: AttemptEnd, now: number): Promise<boolean> {
    // IMMEDIATE: the transaction reads before it writes, and a deferred one that another process's write overtakes
    // fails at once with SQLITE_BUSY (the busy timeout cannot help a stale read snapshot).
    return this.#db
      .transaction((): boolean => {
        const attempt = this.#db.prepare('SELECT * FROM campaign_attempts WHERE key = ?').get(key);
        if (attempt === undefined || nullableField(attempt, 'ended_at') !== null) return false;
        const id = field(attempt, 'campaign_id');
        const seq = Number(field(attempt, 'seq'));
        const result = end.kind === 'call' ? end.result : end.sent ? 'smsSent' : 'smsFailed';
        this.#db
          .prepare('UPDATE campaign_attempts SET ended_at = ?, result = ?, session_id = ? WHERE key = ?')
          .run(now, result, end.kind === 'call' ? (end.sessionId ?? null) : null, key);
        const campaign = this.#get(id);
        const contactRow = this.#db
          .prepare('SELECT * FROM campaign_contacts WHERE campaign_id = ? AND seq = ?')
          .get(id, seq);
        if (!campaign || contactRow === undefined) return true;
        const contact = contactFromRow(contactRow);
        const update = this.#db.prepare(
          `UPDATE campaign_contacts SET state = ?, next_at = ?, outcome = ?, last_result = COALESCE(?, last_result),
           session_id = COALESCE(?, session_id), lease_owner = NULL, lease_until = NULL, updated_at = ? WHERE campaign_id = ? AND seq = ?`,
        );
        if (end.kind === 'sms') {
          update.run('done', contact.nextAt, result, null, null, now, id, seq);
          return true;
        }
        if (end.optedOut) {
          this.#addDoNotCall(id, contact.phone, 'opted out during the call');
          update.run('done', contact.nextAt, 'optedOut', end.result, end.sessionId ?? null, now, id, seq);
          return true;
        }
        const step = retryDecision(campaign.config.strategy, end.result, contact.attempts, now);
        const stopped = campaign.status === 'stopped';
        if (step.kind === 'retry' && !stopped)
          update.run('pending', step.at, null, end.result, end.sessionId ?? null, now, id, seq);
        else if (step.kind === 'sms' && !stopped)
          update.run('sms', now, null, end.result, end.sessionId ?? null, now, id, seq);
        else update.run('done', contact.nextAt, end.result, end.result, end.sessionId ?? null, now, id, seq);
        return true;
      })
      .immediate();
  }

  async renewLeases(owner: string, keys: string[], now: number, leaseMs: number): Promise<void> {
    const renew = this.#db.prepare(
      `UPDATE campaign_contacts SET lease_until = ? WHERE lease_owner = ? AND (campaign_id, seq) IN (SELECT campaign_id, seq FROM campaign_attempts WHERE key = ?)`,
    );
    this.#db.transaction(() => {
      for (const key of keys) renew.run(now + leaseMs, owner, key);
    })();
  }

  async adoptOrphans(owner: string, now: number, leaseMs: number): Promise<OrphanedAttempt[]> {
    return this.#db
      .transaction((): OrphanedAttempt[] => {
        const rows = this.#db
          .prepare(
            `SELECT a.key, a.kind, a.campaign_id, a.seq, a.dialed_at FROM campaign_contacts c
             JOIN campaign_attempts a ON a.campaign_id = c.campaign_id AND a.seq = c.seq AND a.ended_at IS NULL
           WHERE c.state IN ('dialing', 'texting') AND c.lease_until < ?`,
          )
          .all(now);
        const adopt = this.#db.prepare(
          'UPDATE campaign_contacts SET lease_owner = ?, lease_until = ? WHERE campaign_id = ? AND seq = ?',
        );
        return rows.map((row) => {
          adopt.run(owner, now + leaseMs, field(row, 'campaign_id'), Number(field(row, 'seq')));
          return {
            key: field(row, 'key'),
            kind: field(row, 'kind') === 'sms' ? 'sms' : 'call',
            campaignId: field(row, 'campaign_id'),
            seq: Number(field(row, 'seq')),
            dialed: nullableField(row, 'dialed_at') !== null,
          };
        });
      })
      .immediate();
  }

  async addDoNotCall(scope: string, phone: string, reason: string): Promise<void> {
    this.#addDoNotCall(scope, phone, reason);
  }

  #addDoNotCall(scope: string, phone: string, reason: string): void {
    this.#db
      .prepare('INSERT INTO do_not_call (scope, phone, reason, added_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING')
      .run(scope, phone, reason, new Date().toISOString());
  }

  async removeDoNotCall(scope: string, phone: string): Promise<boolean> {
    return this.#db.prepare('DELETE FROM do_not_call WHERE scope = ? AND phone = ?').run(scope, phone).changes > 0;
  }

  async doNotCall(scope: string): Promise<{ phone: string; reason: string; addedAt: string }[]> {
    return this.#db
      .prepare('SELECT phone, reason, added_at FROM do_not_call WHERE scope = ? ORDER BY added_at, phone')
      .all(scope)
      .map(doNotCallFromRow);
  }

  async close(): Promise<void> {
    if (this.#db.open) this.#db.close();
  }

  #onDoNotCall(campaignId: string, phone: string): boolean {
    return (
      this.#db.prepare(`SELECT 1 FROM do_not_call WHERE phone = ? AND scope IN ('*', ?)`).get(phone, campaignId) !==
      undefined
    );
  }

  #must(id: string): CampaignRecord {
    const record = this.#get(id);
    if (!record) throw new Error(`campaign ${id} vanished right after it was written`);
    return record;
  }
}
