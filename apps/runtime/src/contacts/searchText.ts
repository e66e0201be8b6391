/** The longest search text accepted, in characters. */
export const MAX_SEARCH_TEXT = 200;

/**
 * Text too short for a trigram index (fewer than three characters, counted as code points: a two-character Chinese
 * or Korean word is common), searched by plain substring instead.
 */
export function isShortText(text: string): boolean {
  return [...text].length < 3;
}

/**
 * A turn's path as the inside of a JSON array, to splice onto the stored one: `all` of it, or the `rest` after its
 * first node when that node is where the previous turn stopped (the node waiting for this input). `null` when empty.
 */
export function appendedPath(path: readonly string[]): { all: string | null; rest: string | null } {
  const inner = (nodes: readonly string[]) => (nodes.length === 0 ? null : JSON.stringify(nodes).slice(1, -1));
  return { all: inner(path), rest: inner(path.slice(1)) };
}

/** `text` as a LIKE pattern matching it anywhere, its wildcards and the escape character escaped (`ESCAPE '\'`). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The runs of `text` the contact-search indexes are built from: lowercased, split at whitespace, each run as its
 * characters (code points). The one tokenizer of both stores: SQLite spells its character pairs from it
 * ({@link characterPairs}), PostgreSQL stores its terms ({@link characterTerms}), and searches take theirs from it.
 */
export function characterRuns(text: string): string[][] {
  return text
    .toLowerCase()
    .split(/\s+/)
    .filter((run) => run !== '')
    .map((run) => [...run]);
}

/**
 * The two-character index terms of `text` for searches a trigram index cannot answer: every pair of neighbouring
 * characters inside a run without spaces, plus each run's last character alone, lowercased and spelled as
 * `<code point in base 32>x<code point in base 32>` so any tokenizer keeps a term whole. A two-character search is
 * then one term and a one-character search one prefix ({@link shortTextQuery}).
 */
export function characterPairs(text: string): string {
  const terms: string[] = [];
  for (const run of characterRuns(text)) {
    const chars = run.map((c) => (c.codePointAt(0) ?? 0).toString(32));
    chars.forEach((c, i) => terms.push(`${c}x${chars[i + 1] ?? ''}`));
  }
  return terms.join(' ');
}

/**
 * The PostgreSQL index terms of `text` (the `transcripts.terms` column): each character and each pair of neighbouring
 * characters inside a run, lowercased, each once. None holds whitespace, so they travel joined by spaces.
 */
export function characterTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const run of characterRuns(text))
    run.forEach((c, i) => {
      terms.add(c);
      const next = run[i + 1];
      if (next !== undefined) terms.add(`${c}${next}`);
    });
  return [...terms];
}

/**
 * The terms every entry holding `text` has among its {@link characterTerms}: the pairs of the search text's runs (each
 * of them a pair inside a run of the entry), or its characters when it has no pair (a one-character word). An entry
 * whose terms contain these is a candidate, checked on its text.
 */
export function searchTerms(text: string): string[] {
  const terms = characterTerms(text);
  const pairs = terms.filter((term) => [...term].length === 2);
  return pairs.length > 0 ? pairs : terms;
}

/** The FTS5 query over {@link characterPairs} terms that finds `text` (one or two characters). */
export function shortTextQuery(text: string): string {
  const chars = [...text.toLowerCase()].map((c) => (c.codePointAt(0) ?? 0).toString(32));
  return chars.length >= 2 ? `"${chars[0]}x${chars[1]}"` : `"${chars[0] ?? ''}x" *`;
}
