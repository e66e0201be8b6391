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
