import type { SqlDialect } from '../store/schemaMigrations.ts';

/** Issue 20: uploaded prompt recordings, by the SHA-256 of their bytes (stored once however often uploaded). */
export function promptAudioMigration(dialect: SqlDialect): string {
  const time = dialect === 'postgres' ? 'TIMESTAMPTZ' : 'TEXT';
  const bytes = dialect === 'postgres' ? 'BYTEA' : 'BLOB';
  return `CREATE TABLE prompt_audio (id TEXT PRIMARY KEY, media_type TEXT NOT NULL, name TEXT NOT NULL,
       size INTEGER NOT NULL, bytes ${bytes} NOT NULL, created_at ${time} NOT NULL);`;
}
