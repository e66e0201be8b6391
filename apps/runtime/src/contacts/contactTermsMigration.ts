import type { SqlDialect } from '../store/schemaMigrations.ts';

/**
 * The second contact-search migration (issue 15), PostgreSQL only: replaces the pg_trgm index on transcript text with
 * a GIN index of each searched entry's one- and two-character substrings (`contact_text_terms`, lowercased), which
 * answers searches of every length — pg_trgm has no trigram for a one- or two-character word such as 汇款 or 분실.
 * SQLite already has its character-pair index, so its migration changes nothing.
 */
export function contactTermsMigration(dialect: SqlDialect): string {
  if (dialect === 'sqlite') return '-- issue 15: PostgreSQL only (the character-pair index of transcript text)';
  // IMMUTABLE so an index may use it; GIN drops the repeated terms itself. A term is one character, or two that stand
  // next to each other: every substring of a searched text made of two characters or fewer is one of its terms.
  return `CREATE FUNCTION contact_text_terms(t text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
       $$ SELECT array(SELECT substr(l, i, n) FROM lower(t) l, generate_series(1, char_length(l)) i,
            generate_series(1, 2) n) $$;
     DROP INDEX IF EXISTS transcripts_text_trgm;
     CREATE INDEX transcripts_text_terms ON transcripts USING gin (contact_text_terms(entry->>'text'))
       WHERE (entry->>'from') IS DISTINCT FROM 'system';`;
}
