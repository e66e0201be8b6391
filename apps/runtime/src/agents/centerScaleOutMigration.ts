import type { SqlDialect } from '../store/schemaMigrations.ts';

/**
 * The contact center across processes (issue 16, point 7), appended once to the store's migrations: live events too
 * large for a PostgreSQL notification (stored, their id notified; swept after minutes), and each agent's last state,
 * which a process that takes over routing restores (available agents stay available when the router moves).
 */
export function centerScaleOutMigration(dialect: SqlDialect): string {
  const time = dialect === 'postgres' ? 'TIMESTAMPTZ' : 'TEXT';
  return `CREATE TABLE cc_spilled_events (id TEXT PRIMARY KEY, item TEXT NOT NULL, created_at ${time} NOT NULL);
     CREATE INDEX cc_spilled_events_created ON cc_spilled_events(created_at);
     CREATE TABLE cc_agent_states (agent_id TEXT PRIMARY KEY, state TEXT NOT NULL, reason TEXT, since ${time} NOT NULL);`;
}
