/**
 * Damerau–Levenshtein distance (optimal string alignment: insert, delete, substitute, swap two adjacent
 * characters) between two strings, compared by code point. With `maxDistance`, returns `maxDistance + 1`
 * as soon as the distance is known to exceed it, so long unrelated strings cost little.
 */
export function damerauLevenshtein(a: string, b: string, maxDistance = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  const astral = hasSurrogate(a) || hasSurrogate(b);
  const s = astral ? Array.from(a, codePoint) : codeUnits(a);
  const t = astral ? Array.from(b, codePoint) : codeUnits(b);
  return distance(s, t, Math.max(0, maxDistance));
}

/** How many typos a word of this length may carry and still match: none up to 3 characters, 1 up to 7, then 2. */
export function typoTolerance(length: number): number {
  if (length <= 3) return 0;
  if (length <= 7) return 1;
  return 2;
}

/** Whether a string holds UTF-16 surrogates (characters outside the BMP), which must be compared as code points. */
function hasSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdfff) return true;
  }
  return false;
}

function codePoint(char: string): number {
  return char.codePointAt(0) ?? 0;
}

function codeUnits(text: string): number[] {
  const units: number[] = [];
  for (let i = 0; i < text.length; i += 1) units.push(text.charCodeAt(i));
  return units;
}

function distance(source: readonly number[], target: readonly number[], cap: number): number {
  // Common ends never change the distance; trimming them keeps the table small for near-identical words.
  let start = 0;
  while (start < source.length && start < target.length && source[start] === target[start]) start += 1;
  let endS = source.length;
  let endT = target.length;
  while (endS > start && endT > start && source[endS - 1] === target[endT - 1]) {
    endS -= 1;
    endT -= 1;
  }
  const s = source.slice(start, endS);
  const t = target.slice(start, endT);
  if (Math.abs(s.length - t.length) > cap) return cap + 1;
  if (s.length === 0) return t.length;
  if (t.length === 0) return s.length;
  let previousPrevious = new Int32Array(t.length + 1);
  let previous = new Int32Array(t.length + 1);
  let current = new Int32Array(t.length + 1);
  for (let j = 0; j <= t.length; j += 1) previous[j] = j;
  for (let i = 1; i <= s.length; i += 1) {
    current[0] = i;
    let rowMinimum = i;
    for (let j = 1; j <= t.length; j += 1) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        value = Math.min(value, (previousPrevious[j - 2] ?? 0) + 1);
      }
      current[j] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > cap) return cap + 1;
    [previousPrevious, previous, current] = [previous, current, previousPrevious];
  }
  return previous[t.length] ?? 0;
}
