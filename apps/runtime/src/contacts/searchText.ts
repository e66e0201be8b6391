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
 * The two-character index terms of `text` for searches a trigram index cannot answer: every pair of neighbouring
 * characters inside a run without spaces, plus each run's last character alone, lowercased and spelled as
 * `<code point in base 32>x<code point in base 32>` so any tokenizer keeps a term whole. A two-character search is
 * then one term and a one-character search one prefix ({@link shortTextQuery}).
 */
export function characterPairs(text: string): string {
  const terms: string[] = [];
  for (const run of text.toLowerCase().split(/\s+/)) {
    const chars = [...run].map((c) => (c.codePointAt(0) ?? 0).toString(32));
    chars.forEach((c, i) => terms.push(`${c}x${chars[i + 1] ?? ''}`));
  }
  return terms.join(' ');
}

/** The FTS5 query over {@link characterPairs} terms that finds `text` (one or two characters). */
export function shortTextQuery(text: string): string {
  const chars = [...text.toLowerCase()].map((c) => (c.codePointAt(0) ?? 0).toString(32));
  return chars.length >= 2 ? `"${chars[0]}x${chars[1]}"` : `"${chars[0] ?? ''}x" *`;
}
