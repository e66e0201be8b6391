/**
 * Damerau–Levenshtein distance (optimal string alignment: insert, delete, substitute, swap two adjacent
 * characters) between two strings, compared by code point. With `maxDistance`, returns `maxDistance + 1`
 * as soon as the distance is known to exceed it, so long unrelated strings cost little.
 */
export function damerauLevenshtein(a: string, b: string, maxDistance = Number.POSITIVE_INFINITY): number {
  const s = Array.from(a);
  const t = Array.from(b);
  const cap = Math.max(0, maxDistance);
  if (Math.abs(s.length - t.length) > cap) return cap + 1;
  if (s.length === 0) return t.length;
  if (t.length === 0) return s.length;
  let previousPrevious: number[] = Array.from({ length: t.length + 1 }, () => 0);
  let previous: number[] = Array.from({ length: t.length + 1 }, (_, j) => j);
  let current: number[] = Array.from({ length: t.length + 1 }, () => 0);
  for (let i = 1; i <= s.length; i += 1) {
    current[0] = i;
    let rowMinimum = i;
    for (let j = 1; j <= t.length; j += 1) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let value = Math.min(at(previous, j) + 1, at(current, j - 1) + 1, at(previous, j - 1) + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        value = Math.min(value, at(previousPrevious, j - 2) + 1);
      }
      current[j] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > cap) return cap + 1;
    [previousPrevious, previous, current] = [previous, current, previousPrevious];
  }
  return at(previous, t.length);
}

/** How many typos a word of this length may carry and still match: none up to 3 characters, 1 up to 7, then 2. */
export function typoTolerance(length: number): number {
  if (length <= 3) return 0;
  if (length <= 7) return 1;
  return 2;
}

function at(row: readonly number[], index: number): number {
  return row[index] ?? Number.POSITIVE_INFINITY;
}
