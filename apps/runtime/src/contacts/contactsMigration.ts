import type { SqlDialect } from '../store/schemaMigrations.ts';

/**
 * The contacts migration (issue 15), appended once to the store's migrations: the contact record beside its session
 * (deleted with it), its indexes, and the transcript text index for search — FTS5 with the trigram tokenizer on
 * SQLite plus a character-pair index for one- and two-character
 * searches (both filled in batches by SqliteContactStore's indexer, keyed by the transcript row's rowid, emptied by a
 * trigger) and pg_trgm on PostgreSQL. Existing sessions get
 * a contact row with what they knew (no numbers, no outcome).
 */
export function contactsMigration(dialect: SqlDialect): string {
  const time = dialect === 'postgres' ? 'TIMESTAMPTZ' : 'TEXT';
  const common = `CREATE TABLE contacts (id TEXT PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE, flow_id TEXT NOT NULL,
       version INTEGER NOT NULL, channel TEXT NOT NULL, direction TEXT NOT NULL, caller_number TEXT, dialed_number TEXT,
       locale TEXT NOT NULL, started_at ${time} NOT NULL, ended_at ${time}, outcome TEXT, end_node TEXT,
       path ${dialect === 'postgres' ? 'JSONB' : 'TEXT'} NOT NULL DEFAULT '[]', last_node TEXT, turns INTEGER NOT NULL DEFAULT 0,
       duration_ms BIGINT, transfer_queue TEXT);
     CREATE INDEX contacts_started ON contacts(started_at, id);
     CREATE INDEX contacts_flow_started ON contacts(flow_id, started_at);
     CREATE INDEX contacts_caller_started ON contacts(caller_number, started_at);
     CREATE INDEX sessions_status_updated ON sessions(status, updated_at);
     INSERT INTO contacts (id, flow_id, version, channel, direction, locale, started_at, ended_at)
       SELECT id, flow_id, version, channel, 'inbound', locale, created_at,
         CASE WHEN status = 'ended' THEN updated_at END FROM sessions;`;
  if (dialect === 'postgres')
    return `CREATE EXTENSION IF NOT EXISTS pg_trgm;
     ${common}
     CREATE INDEX transcripts_text_trgm ON transcripts USING gin ((entry->>'text') gin_trgm_ops)
       WHERE (entry->>'from') IS DISTINCT FROM 'system';`;
  return `${common}
     CREATE VIRTUAL TABLE transcript_text USING fts5(session_id UNINDEXED, text, tokenize = 'trigram');
     CREATE VIRTUAL TABLE transcript_pairs USING fts5(pairs, content = '', contentless_delete = 1);
     CREATE TRIGGER transcripts_text_delete AFTER DELETE ON transcripts BEGIN
       DELETE FROM transcript_text WHERE rowid = old.rowid;
       DELETE FROM transcript_pairs WHERE rowid = old.rowid;
     END;`;
}
