import { matchingLanguage, normalizeText, type MatchingLanguage } from './normalizeText.ts';

const ALL_LANGUAGES: readonly MatchingLanguage[] = ['en', 'zh', 'ko'];

/** Agreeing phrases per language (after normalizeText, so without apostrophes). */
const YES_PHRASES: Record<MatchingLanguage, readonly string[]> = {
  en: [
    'yes',
    'yeah',
    'yea',
    'yep',
    'yup',
    'ya',
    'yah',
    'sure',
    'correct',
    'right',
    'thats right',
    'that is right',
    'thats correct',
    'affirmative',
    'ok',
    'okay',
    'absolutely',
    'definitely',
    'of course',
    'please do',
    'go ahead',
    'i do',
    'it is',
    'true',
    'confirm',
    'no problem',
    'no worries',
    'uh huh',
    'mhm',
    'indeed',
    'exactly',
    'alright',
  ],
  zh: ['是的', '是', '对的', '对', '好的', '好', '可以', '没错', '确认', '确定', '行', '嗯', '没问题', '正确'],
  ko: ['네', '예', '응', '맞아요', '맞습니다', '맞아', '그래요', '그렇습니다', '좋아요', '알겠습니다', '확인'],
};

/** Refusing phrases per language. */
const NO_PHRASES: Record<MatchingLanguage, readonly string[]> = {
  en: [
    'no',
    'nope',
    'nah',
    'not',
    'negative',
    'incorrect',
    'wrong',
    'not right',
    'thats wrong',
    'that is wrong',
    'not correct',
    'no thanks',
    'no thank you',
    'i dont',
    'dont',
    'never',
    'false',
    'cancel',
    'not really',
    'i dont think so',
    'uh uh',
    'nay',
  ],
  zh: ['不是', '不对', '不要', '不用', '不行', '不可以', '不好', '没有', '错了', '不', '否', '错', '取消'],
  ko: ['아니요', '아니오', '아뇨', '아니', '아닙니다', '아니에요', '틀려요', '틀렸어요', '싫어요', '취소'],
};

/** Phrases that sound like yes or no but are neither. */
const NEUTRAL_PHRASES: readonly string[] = [
  'not sure',
  'i dont know',
  'dont know',
  'no idea',
  '不知道',
  '不确定',
  '모르겠어요',
  '잘 모르겠어요',
];

/**
 * Reads a yes/no answer: English words and phrases always ("yes", "yeah", "sure", "that's right", "no", "nope",
 * "not right"), Chinese (是/对/好 — 不是/不/不对) and Korean (네/예 — 아니요) in any locale, and the keypad
 * (`1` = yes, `2` = no). Returns null when there is no answer or both yes and no are heard.
 */
export function parseYesNo(text: string, locale: string): boolean | null {
  const trimmed = text.normalize('NFKC').trim();
  if (trimmed === '1') return true;
  if (trimmed === '2') return false;
  let rest = ` ${normalizeText(text, locale)} `;
  let heardYes = false;
  let heardNo = false;
  for (const { phrase, meaning } of orderedPhrases(locale)) {
    const removed = removePhrase(rest, phrase);
    rest = removed.rest;
    if (removed.found && meaning === 'yes') heardYes = true;
    if (removed.found && meaning === 'no') heardNo = true;
  }
  if (heardYes === heardNo) return null;
  return heardYes;
}

type Meaning = 'yes' | 'no' | 'neither';

/**
 * Every phrase with its meaning, longest first, so "no problem" is consumed before "no" and "不是" before "是";
 * the locale's own language comes first among phrases of equal length.
 */
function orderedPhrases(locale: string): { phrase: string; meaning: Meaning }[] {
  const language = matchingLanguage(locale);
  const languages = [language, ...ALL_LANGUAGES.filter((other) => other !== language)];
  const entries: { phrase: string; meaning: Meaning }[] = NEUTRAL_PHRASES.map((phrase) => ({
    phrase,
    meaning: 'neither',
  }));
  for (const lang of languages) {
    for (const phrase of NO_PHRASES[lang]) entries.push({ phrase, meaning: 'no' });
    for (const phrase of YES_PHRASES[lang]) entries.push({ phrase, meaning: 'yes' });
  }
  return entries.toSorted((a, b) => b.phrase.length - a.phrase.length);
}

function removePhrase(text: string, phrase: string): { rest: string; found: boolean } {
  // Space-separated languages match whole words; Chinese and Korean (particles attach to words) by substring.
  const wordBound = /^[a-z ]+$/u.test(phrase);
  const needle = wordBound ? ` ${phrase} ` : phrase;
  if (!text.includes(needle)) return { rest: text, found: false };
  return { rest: text.split(needle).join(' '), found: true };
}
