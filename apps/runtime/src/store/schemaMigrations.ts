import { contactsMigration } from '../contacts/contactsMigration.ts';
import { contactTermsMigration } from '../contacts/contactTermsMigration.ts';
import { campaignMigration, campaignSlotMigration } from '../campaigns/campaignMigration.ts';
import { centerScaleOutMigration } from '../agents/centerScaleOutMigration.ts';
import { insightsAgentsMigration } from '../insights/insightsAgentsMigration.ts';
import { promptAudioMigration } from '../promptAudio/promptAudioMigration.ts';
import { voiceLegMigration } from '../agents/voice/voiceLegMigration.ts';

/** The SQL dialects the flow store speaks. */
export type SqlDialect = 'sqlite' | 'postgres';

/**
 * The store's schema migrations, in order, for one dialect: the same tables on SQLite and PostgreSQL, JSON stored
 * as TEXT or JSONB and times as ISO TEXT or TIMESTAMPTZ. Never edit a migration that shipped; append a new one.
 */
export function schemaMigrations(dialect: SqlDialect): string[] {
  const json = dialect === 'postgres' ? 'JSONB' : 'TEXT';
  const time = dialect === 'postgres' ? 'TIMESTAMPTZ' : 'TEXT';
  return [
    `CREATE TABLE flows (id TEXT PRIMARY KEY, name TEXT NOT NULL, draft ${json} NOT NULL, revision INTEGER NOT NULL,
       live_version INTEGER, created_at ${time} NOT NULL, updated_at ${time} NOT NULL);
     CREATE TABLE versions (flow_id TEXT NOT NULL REFERENCES flows(id) ON DELETE CASCADE, version INTEGER NOT NULL,
       document ${json} NOT NULL, note TEXT NOT NULL, author TEXT NOT NULL, published_at ${time} NOT NULL, PRIMARY KEY (flow_id, version));
     CREATE TABLE sessions (id TEXT PRIMARY KEY, flow_id TEXT NOT NULL, version INTEGER NOT NULL, draft_document ${json},
       channel TEXT NOT NULL, locale TEXT NOT NULL, status TEXT NOT NULL, snapshot ${json} NOT NULL, turn INTEGER NOT NULL,
       created_at ${time} NOT NULL, updated_at ${time} NOT NULL);
     CREATE INDEX sessions_status ON sessions(status);
     CREATE TABLE transcripts (session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE, seq INTEGER NOT NULL,
       entry ${json} NOT NULL, PRIMARY KEY (session_id, seq));
     CREATE TABLE tokens (id TEXT PRIMARY KEY, hash TEXT NOT NULL UNIQUE, role TEXT NOT NULL, flow_id TEXT,
       label TEXT NOT NULL, created_at ${time} NOT NULL, expires_at ${time});
     CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
    // Issue 16: queues, agents, hand-overs to agents with their context, live chat messages, the contact audit log.
    `CREATE TABLE cc_queues (id TEXT PRIMARY KEY, definition ${json} NOT NULL, updated_at ${time} NOT NULL);
     CREATE TABLE cc_agents (id TEXT PRIMARY KEY, login TEXT NOT NULL UNIQUE, password_hash TEXT NOT NULL,
       definition ${json} NOT NULL, updated_at ${time} NOT NULL);
     CREATE TABLE cc_handoffs (id TEXT PRIMARY KEY, queue_id TEXT NOT NULL, agent_id TEXT, status TEXT NOT NULL,
       customer_key TEXT, context ${json} NOT NULL, wrap_up ${json}, enqueued_at ${time} NOT NULL, answered_at ${time},
       ended_at ${time});
     CREATE INDEX cc_handoffs_customer ON cc_handoffs(customer_key);
     CREATE TABLE cc_messages (contact_id TEXT NOT NULL, seq INTEGER NOT NULL, id TEXT NOT NULL UNIQUE,
       sender TEXT NOT NULL, agent_id TEXT, text TEXT NOT NULL, at ${time} NOT NULL, PRIMARY KEY (contact_id, seq));
     CREATE TABLE cc_audit (id TEXT PRIMARY KEY, at ${time} NOT NULL, agent_id TEXT NOT NULL, contact_id TEXT NOT NULL,
       action TEXT NOT NULL);
     CREATE INDEX cc_audit_contact ON cc_audit(contact_id);`,
    // Issue 22: the reply of each input sent with an idempotency key, stored with its turn, so a repeat is answered, not run.
    `CREATE TABLE session_inputs (session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE, key TEXT NOT NULL,
       fingerprint TEXT NOT NULL, turn INTEGER NOT NULL, reply ${json} NOT NULL, PRIMARY KEY (session_id, key));`,
    // Issue 22: the subflow versions a published version runs ({ flowId: version }); NULL until pinned (versions
    // published before this migration are pinned at start-up to the versions live then, see pinSubflowVersions).
    `ALTER TABLE versions ADD COLUMN subflows ${json};`,
    // Issue 22: API rate-limit windows shared by every process on PostgreSQL (SQLite keeps them in memory, one process).
    `CREATE TABLE rate_limits (key TEXT PRIMARY KEY, hits INTEGER NOT NULL, reset_at ${time} NOT NULL);`,
    // Issue 15: the contact record and the transcript text index for contact search.
    contactsMigration(dialect),
    // Issue 17, conversation insights (apps/runtime/src/insights): rules per flow or global ('*'), one row per finished
    // contact, its categories and its per-node figures; `day` (UTC YYYY-MM-DD) is what the dashboards group by, and the
    // indexes cover every column the dashboard queries read, so they never visit the rows themselves.
    `CREATE TABLE insight_rules (scope TEXT PRIMARY KEY, body ${json} NOT NULL, updated_at ${time} NOT NULL);
     CREATE TABLE contact_insights (session_id TEXT PRIMARY KEY, flow_id TEXT NOT NULL, version INTEGER NOT NULL,
       channel TEXT NOT NULL, locale TEXT NOT NULL, day TEXT NOT NULL, started_at ${time} NOT NULL, ended_at ${time} NOT NULL,
       outcome TEXT NOT NULL, contained INTEGER NOT NULL, transfer_queue TEXT, transfer_reason TEXT, end_node TEXT,
       turns INTEGER NOT NULL, duration_seconds REAL NOT NULL, sentiment REAL, qa_score REAL NOT NULL,
       summary ${json} NOT NULL, qa ${json} NOT NULL, categories ${json} NOT NULL);
     CREATE INDEX contact_insights_day ON contact_insights(day, flow_id, channel, outcome, contained, transfer_reason,
       transfer_queue, sentiment, qa_score);
     CREATE TABLE contact_categories (session_id TEXT NOT NULL, category TEXT NOT NULL, flow_id TEXT NOT NULL,
       day TEXT NOT NULL, PRIMARY KEY (session_id, category));
     CREATE INDEX contact_categories_day ON contact_categories(day, flow_id, category);
     CREATE TABLE contact_node_stats (session_id TEXT NOT NULL, flow_id TEXT NOT NULL, version INTEGER NOT NULL,
       day TEXT NOT NULL, node_id TEXT NOT NULL, visits INTEGER NOT NULL, no_match INTEGER NOT NULL,
       no_input INTEGER NOT NULL, dropped INTEGER NOT NULL, millis INTEGER NOT NULL, PRIMARY KEY (session_id, node_id));
     CREATE INDEX contact_node_stats_flow ON contact_node_stats(flow_id, version, day, node_id, visits, no_match,
       no_input, dropped, millis);`,
    campaignMigration(dialect),
    centerScaleOutMigration(dialect),
    // Issue 15: contact search on PostgreSQL by one- and two-character terms instead of pg_trgm (short words, speed).
    contactTermsMigration(dialect),
    campaignSlotMigration(dialect),
    // Issue 22, cost of a turn: `sessions_status` duplicated the leading column of `sessions_status_updated` and cost
    // every turn an index insert; a rate-limit upsert says how many hits it granted (a block reserved by a process).
    `DROP INDEX sessions_status;
     ALTER TABLE rate_limits ADD COLUMN granted INTEGER NOT NULL DEFAULT 1;`,
    // Issue 22: the live-session caps shared by every process on PostgreSQL (PostgresSessionCaps): a session's claims
    // (channel token, client address); a claim counts while its session lives. SQLite counts in memory (one process).
    `CREATE TABLE session_leases (claim TEXT NOT NULL, session_id TEXT NOT NULL, created_at ${time} NOT NULL,
       PRIMARY KEY (claim, session_id));
     CREATE INDEX session_leases_session ON session_leases(session_id);`,
    insightsAgentsMigration(dialect),
    promptAudioMigration(dialect),
    // Issue 16: voice legs across processes (the stream's process, the callback number in clear, Twilio's call ids).
    voiceLegMigration(dialect),
  ];
}
