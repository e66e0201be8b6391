import type { SqlDialect } from './schemaMigrations.ts';

/**
 * Issue 22, the CPU of a turn on PostgreSQL, which stores its transcript entries and keyed reply in one statement
 * (PostgresFlowStore.saveTurn). PostgreSQL only; SQLite's schema stays as it is.
 *
 * - The foreign keys of `transcripts` and `session_inputs` to `sessions` are dropped: each checked every inserted row
 *   with a `SELECT … FOR KEY SHARE` of the session (~6 a turn, ~40% of the turn write's execution). What they
 *   guaranteed is kept by the writers and a trigger: every insert of these rows is tied to its session row in the
 *   same statement or transaction — the turn write inserts only what its `UPDATE sessions … RETURNING` returned (that
 *   row locked until commit, so a concurrent delete waits for it and then takes the new rows too), a new session
 *   inserts its session row first, an agent's chat line locks the session `FOR KEY SHARE` as the check did — and the
 *   `ON DELETE CASCADE` they carried is done by one statement-level trigger on `sessions` (retention, flow deletion).
 *   `contacts` keeps its foreign key: it is written once a session, not once a turn.
 * - The contact-search terms of an entry are stored in `transcripts.terms`, computed by the runtime with the tokenizer
 *   the search uses (`characterTerms`), instead of by the SQL function `contact_text_terms` that the GIN index called
 *   for every stored entry. Existing rows are back-filled with that function's terms before it is dropped: its terms
 *   (every one- and two-character substring) are a superset of the runtime's (which leave out pairs across spaces),
 *   and a search asks only for terms the runtime makes, so old and new rows answer alike.
 */
export function turnCostMigration(dialect: SqlDialect): string {
  if (dialect === 'sqlite') return '-- issue 22: PostgreSQL only (foreign-key checks and search terms of a turn write)';
  return `ALTER TABLE transcripts DROP CONSTRAINT transcripts_session_id_fkey;
     ALTER TABLE session_inputs DROP CONSTRAINT session_inputs_session_id_fkey;
     CREATE FUNCTION sessions_delete_children() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         DELETE FROM transcripts t USING gone g WHERE t.session_id = g.id;
         DELETE FROM session_inputs i USING gone g WHERE i.session_id = g.id;
         RETURN NULL;
       END $$;
     CREATE TRIGGER sessions_delete_children AFTER DELETE ON sessions REFERENCING OLD TABLE AS gone
       FOR EACH STATEMENT EXECUTE FUNCTION sessions_delete_children();
     DROP INDEX transcripts_text_terms;
     ALTER TABLE transcripts ADD COLUMN terms TEXT[];
     UPDATE transcripts SET terms = contact_text_terms(entry->>'text')
       WHERE (entry->>'from') IS DISTINCT FROM 'system' AND entry->>'text' IS NOT NULL;
     DROP FUNCTION contact_text_terms(text);
     CREATE INDEX transcripts_terms ON transcripts USING gin (terms) WHERE (entry->>'from') IS DISTINCT FROM 'system';`;
}
