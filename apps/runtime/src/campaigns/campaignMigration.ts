import type { SqlDialect } from '../store/schemaMigrations.ts';

/**
 * The campaign tables, appended to the store's migrations: campaigns, their contacts (one job each: state, attempts,
 * next due time, lease), every attempt under its idempotency key, and the do-not-call list (scope `*` is global).
 * Due times and leases are epoch milliseconds so claims compare numbers in both dialects.
 */
export function campaignMigration(dialect: SqlDialect): string {
  const json = dialect === 'postgres' ? 'JSONB' : 'TEXT';
  const time = dialect === 'postgres' ? 'TIMESTAMPTZ' : 'TEXT';
  return `CREATE TABLE campaigns (id TEXT PRIMARY KEY, name TEXT NOT NULL, flow_id TEXT NOT NULL, status TEXT NOT NULL,
       config ${json} NOT NULL, list_info ${json}, next_slot_at BIGINT NOT NULL DEFAULT 0,
       created_at ${time} NOT NULL, updated_at ${time} NOT NULL);
     CREATE TABLE campaign_contacts (campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
       seq INTEGER NOT NULL, line INTEGER NOT NULL, phone TEXT NOT NULL, time_zones ${json} NOT NULL,
       variables ${json} NOT NULL, state TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_at BIGINT NOT NULL,
       outcome TEXT, last_result TEXT, session_id TEXT, lease_owner TEXT, lease_until BIGINT, updated_at BIGINT NOT NULL,
       PRIMARY KEY (campaign_id, seq));
     CREATE INDEX campaign_contacts_due ON campaign_contacts(campaign_id, state, next_at);
     CREATE TABLE campaign_attempts (key TEXT PRIMARY KEY, campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
       seq INTEGER NOT NULL, attempt INTEGER NOT NULL, kind TEXT NOT NULL, phone TEXT NOT NULL, owner TEXT NOT NULL,
       claimed_at BIGINT NOT NULL, dialed_at BIGINT, ended_at BIGINT, result TEXT, session_id TEXT, provider_id TEXT);
     CREATE INDEX campaign_attempts_campaign ON campaign_attempts(campaign_id, seq);
     CREATE TABLE do_not_call (scope TEXT NOT NULL, phone TEXT NOT NULL, reason TEXT NOT NULL, added_at ${time} NOT NULL,
       PRIMARY KEY (scope, phone));`;
}

/**
 * The pacing slot holds fractional milliseconds (1000 / callsPerSecond, e.g. 333.33 at 3 calls a second): PostgreSQL's
 * BIGINT refused it. SQLite keeps any number in the column and needs no change.
 */
export function campaignSlotMigration(dialect: SqlDialect): string {
  return dialect === 'postgres'
    ? 'ALTER TABLE campaigns ALTER COLUMN next_slot_at TYPE DOUBLE PRECISION;'
    : 'SELECT 1; -- SQLite keeps fractional slots as they are';
}
