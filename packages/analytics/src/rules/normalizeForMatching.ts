/** Folds text for phrase matching: NFKC (full-width and half-width forms become one), lower case, single spaces. */
export function normalizeForMatching(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

const LATIN_WORD_CHAR = /[\p{Script=Latin}\d]/u;

/** Whether normalized `text` holds normalized `phrase`; a phrase that begins or ends with a Latin letter must do so at a word edge ("no" is not in "know"; "complaint" is in "complaints"). */
export function containsPhrase(text: string, phrase: string): boolean {
  if (phrase === '') return false;
  let from = text.indexOf(phrase);
  while (from !== -1) {
    const before = text[from - 1];
    const after = text[from + phrase.length];
    const startsLatin = LATIN_WORD_CHAR.test(phrase[0] ?? '');
    const endsLatin = LATIN_WORD_CHAR.test(phrase.at(-1) ?? '');
    const leftOk = !startsLatin || before === undefined || !LATIN_WORD_CHAR.test(before);
    // A plain English plural still counts: "complaint" matches "complaints".
    const next = after === 's' ? text[from + phrase.length + 1] : after;
    const rightOk = !endsLatin || next === undefined || !LATIN_WORD_CHAR.test(next);
    if (leftOk && rightOk) return true;
    from = text.indexOf(phrase, from + 1);
  }
  return false;
}
