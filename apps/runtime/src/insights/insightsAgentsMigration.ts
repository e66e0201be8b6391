import type { SqlDialect } from '../store/schemaMigrations.ts';

/**
 * Issue 17, agent contacts and alerts across processes: the agent who handled a contact and the handle time (the
 * dashboards' agent figures and the QA trend per queue and agent group by them; the index covers both queries), and one row per alert raised, so of several processes
 * that see turns of one contact exactly one raises each alert (and posts its webhooks).
 */
export function insightsAgentsMigration(dialect: SqlDialect): string {
  const time = dialect === 'postgres' ? 'TIMESTAMPTZ' : 'TEXT';
  return `ALTER TABLE contact_insights ADD COLUMN agent_id TEXT;
     ALTER TABLE contact_insights ADD COLUMN handle_seconds REAL;
     CREATE INDEX contact_insights_agent ON contact_insights(day, flow_id, transfer_queue, agent_id, qa_score,
       handle_seconds, sentiment);
     CREATE TABLE insight_alerts (session_id TEXT NOT NULL, category TEXT NOT NULL, raised_at ${time} NOT NULL,
       PRIMARY KEY (session_id, category));`;
}
