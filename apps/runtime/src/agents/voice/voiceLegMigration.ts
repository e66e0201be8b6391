import type { SqlDialect } from '../../store/schemaMigrations.ts';

/**
 * Voice legs across processes (issue 16), appended once to the store's migrations: per voice contact, what only the
 * runtime may know and every process must find — the process holding a media stream, the caller's number in clear
 * (for a callback; agents see it masked), Twilio's conference and call ids, and how a callback went.
 */
export function voiceLegMigration(dialect: SqlDialect): string {
  const json = dialect === 'postgres' ? 'JSONB' : 'TEXT';
  const time = dialect === 'postgres' ? 'TIMESTAMPTZ' : 'TEXT';
  return `CREATE TABLE cc_voice_legs (contact_id TEXT PRIMARY KEY, leg ${json} NOT NULL, updated_at ${time} NOT NULL);`;
}
