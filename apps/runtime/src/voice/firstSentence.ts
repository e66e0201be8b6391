/** Words that end in a period without ending the sentence. */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'sr',
  'jr',
  'prof',
  'no',
  'vs',
  'etc',
  'e.g',
  'i.e',
  'approx',
  'dept',
  'inc',
  'ltd',
  'co',
]);

/**
 * Splits prompt text after its first sentence (`.`, `!`, `?` or `;` and a space, or `。！？`), so the first sentence
 * can be synthesized and sent while the rest is made: `[first, rest]`, or `[text]` when there is one sentence.
 * Abbreviations, initials and decimal numbers do not end a sentence.
 */
export function firstSentence(text: string): string[] {
  const trimmed = text.trim();
  const end = /[.!?;]["')\]]?\s+(?=\S)|[。！？](?=\S)/gu;
  for (let match = end.exec(trimmed); match !== null; match = end.exec(trimmed)) {
    const first = trimmed.slice(0, match.index + match[0].length).trim();
    if (endsWithAbbreviation(first)) continue;
    return [first, trimmed.slice(match.index + match[0].length)];
  }
  return trimmed === '' ? [] : [trimmed];
}

function endsWithAbbreviation(sentence: string): boolean {
  const last = /(\S+)\.$/u.exec(sentence)?.[1];
  if (last === undefined) return false;
  // A single letter is an initial ("J. Smith"); a number before the period ends a sentence.
  return /^\p{L}$/u.test(last) || ABBREVIATIONS.has(last.toLowerCase());
}
