import type { MatchingLanguage } from './normalizeText.ts';

/** How a keypad key is named in a prompt: digits as themselves, `*` and `#` by name. */
export function spokenKey(key: string, language: MatchingLanguage): string {
  const names: Record<MatchingLanguage, Record<string, string>> = {
    en: { '*': 'star', '#': 'pound' },
    zh: { '*': '星号键', '#': '井号键' },
    ko: { '*': '별표', '#': '우물 정자' },
  };
  return names[language][key] ?? key;
}

/** Joins alternatives as a caller hears them, by the locale's own list rules: "a or b", "a, b, or c"; "a、b或c"; "a, b 또는 c". */
export function joinAlternatives(items: readonly string[], language: MatchingLanguage): string {
  return ALTERNATIVES[language].format(items);
}

/** Whether the last character of a word is a Hangul syllable with a final consonant (batchim). */
export function endsWithBatchim(word: string): boolean {
  const last = word.trimEnd().at(-1);
  if (last === undefined) return false;
  const code = last.charCodeAt(0);
  if (code < 0xac00 || code > 0xd7a3) return /[0-9]$/u.test(last) ? digitHasBatchim(last) : false;
  return (code - 0xac00) % 28 !== 0;
}

/** Picks the Korean particle form for the word before it: `particle('잔액', '은', '는')` → `은`. */
export function koreanParticle(word: string, afterConsonant: string, afterVowel: string): string {
  return endsWithBatchim(word) ? afterConsonant : afterVowel;
}

/** Joins sentences: with a space in English and Korean, directly in Chinese. */
export function joinSentences(sentences: readonly string[], language: MatchingLanguage): string {
  const parts = sentences.map((sentence) => sentence.trim()).filter((sentence) => sentence !== '');
  return parts.join(language === 'zh' ? '' : ' ');
}

function digitHasBatchim(digit: string): boolean {
  // Sino-Korean readings: 영 일 이 삼 사 오 육 칠 팔 구 — 0, 1, 3, 6, 7, 8 end in a consonant.
  return '013678'.includes(digit);
}

// Built once: a list format is costly to create and a menu renders on every turn.
const ALTERNATIVES: Readonly<Record<MatchingLanguage, Intl.ListFormat>> = {
  en: new Intl.ListFormat('en', { type: 'disjunction' }),
  zh: new Intl.ListFormat('zh', { type: 'disjunction' }),
  ko: new Intl.ListFormat('ko', { type: 'disjunction' }),
};
