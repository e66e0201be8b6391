import { matchingLanguage, type MatchingLanguage } from './normalizeText.ts';
import { spellDigits, spellNumber } from './spellNumber.ts';

/** What a voice prompt lets the caller say; every part is optional. */
export interface JsgfGrammarSpec {
  /** Grammar name (letters, digits and `_`; default `menu`). The public rule is always `<choice>`. */
  name?: string;
  /** Phrases that name a choice: labels and synonyms ("balance", "check my balance"). */
  choices?: readonly string[];
  /** Choices whose phrases carry a JSGF tag (`balance {1}`) so a recognizer can report which choice was said. */
  taggedChoices?: readonly { tag: string; phrases: readonly string[] }[];
  /** Keys a caller may say as a number ("one", "option two", "press three"); each is tagged with its key. */
  keys?: readonly string[];
  /** Yes and no, with their usual variants. */
  yesNo?: boolean;
  /** A digit string of this many digits, said one by one. */
  digits?: { min: number; max: number };
  /** More phrases, e.g. global intents ("agent") or "repeat". */
  extraPhrases?: readonly string[];
}

/** Digit strings longer than this are written with `<digit>*` rather than nested optionals. */
const MAX_SPELLED_DIGITS = 24;

const DIGIT_WORDS: Record<MatchingLanguage, readonly string[]> = {
  en: ['zero', 'oh', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'],
  zh: ['零', '一', '幺', '二', '两', '三', '四', '五', '六', '七', '八', '九'],
  ko: ['영', '공', '일', '이', '삼', '사', '오', '육', '칠', '팔', '구'],
};

/** Yes and no as a recognizer should expect them; every phrase is understood by parseYesNo. */
export const GRAMMAR_YES_NO: Record<MatchingLanguage, { yes: readonly string[]; no: readonly string[] }> = {
  en: {
    yes: [
      'yes',
      'yeah',
      'yep',
      'sure',
      'correct',
      "that's right",
      "that's correct",
      'right',
      'okay',
      'yes please',
      'of course',
    ],
    no: ['no', 'nope', 'no thanks', 'no thank you', "that's wrong", 'not right', 'incorrect', 'wrong'],
  },
  zh: { yes: ['是', '是的', '对', '对的', '好', '好的', '可以', '没错'], no: ['不', '不是', '不对', '不要', '不用'] },
  ko: { yes: ['네', '예', '응', '맞아요', '맞습니다', '좋아요'], no: ['아니요', '아니오', '아뇨', '아니', '틀려요'] },
};

const KEY_FRAMES: Record<MatchingLanguage, string> = {
  en: '[option | number | press]',
  zh: '[按 | 选]',
  ko: '',
};

/**
 * Builds a JSGF V1.0 grammar (`grammar menu;`, public rule `<choice>`) for a constrained recognizer such as
 * pocketsphinx: lower-case words only, punctuation stripped, numbers spelled as words, English choices with
 * an optional "i want to" / "i'd like to" before and "please" after. Tagged choices, keys and yes/no carry
 * JSGF tags (`{2}`, `{yes}`) naming what was said. Chinese and Korean phrases are kept as
 * written (the recognizer's dictionary decides the word split). An empty spec yields a grammar of `<VOID>`.
 */
export function buildJsgfGrammar(spec: JsgfGrammarSpec, locale: string): string {
  const language = matchingLanguage(locale);
  const rules: string[] = [];
  const top: string[] = [];
  const tagged = (spec.taggedChoices ?? []).flatMap((choice) =>
    alternatives(choice.phrases.map((phrase) => grammarWords(phrase, language))).map(
      (words) => `${words} ${jsgfTag(choice.tag)}`,
    ),
  );
  const phrases = alternatives([
    ...tagged,
    ...[...(spec.choices ?? []), ...(spec.extraPhrases ?? [])].map((phrase) => grammarWords(phrase, language)),
  ]);
  if (phrases.length > 0) {
    rules.push(`<option> = ${phrases.join(' | ')};`);
    if (language === 'en') {
      rules.push("<prefix> = i want [to] | i'd like [to] | i would like [to] | i need [to];");
      top.push('[<prefix>] <option> [please]');
    } else if (language === 'zh') {
      rules.push('<prefix> = 我想 | 我要;');
      top.push('[<prefix>] <option>');
    } else {
      top.push('<option>');
    }
  }
  const keys = alternatives(
    (spec.keys ?? []).map((key) => {
      const words = keyWords(key, language);
      return words === '' ? '' : `${words} ${jsgfTag(key)}`;
    }),
  );
  if (keys.length > 0) {
    const frame = KEY_FRAMES[language];
    rules.push(`<key> = ${frame === '' ? '' : `${frame} `}(${keys.join(' | ')})${language === 'ko' ? ' [번]' : ''};`);
    top.push('<key>');
  }
  if (spec.yesNo === true) {
    const { yes, no } = GRAMMAR_YES_NO[language];
    rules.push(`<yes> = ${alternatives(yes.map((phrase) => grammarWords(phrase, language))).join(' | ')};`);
    rules.push(`<no> = ${alternatives(no.map((phrase) => grammarWords(phrase, language))).join(' | ')};`);
    top.push('<yes> {yes}', '<no> {no}');
  }
  if (spec.digits !== undefined) {
    const min = Math.max(1, Math.floor(spec.digits.min));
    const max = Math.max(min, Math.floor(spec.digits.max));
    rules.push(`<digit> = ${DIGIT_WORDS[language].join(' | ')};`);
    rules.push(`<digits> = ${digitSequence(min, max)};`);
    top.push('<digits>');
  }
  const body = top.length === 0 ? '<VOID>' : top.join(' | ');
  const name = (spec.name ?? '').replace(/[^A-Za-z0-9_]/gu, '_').replace(/^(?=\d)/u, '_') || 'menu';
  return ['#JSGF V1.0;', `grammar ${name};`, `public <choice> = ${body};`, ...rules, ''].join('\n');
}

/**
 * A phrase as grammar words: lower case, letters and digits only (English keeps apostrophes inside words,
 * "i'd"), numbers spelled out ("24 hour" → "twenty four hour"); '' when nothing is left.
 */
export function grammarWords(phrase: string, language: MatchingLanguage): string {
  return phrase
    .normalize('NFKC')
    .toLowerCase()
    .replace(/(\p{L})['’](?=\p{L})/gu, language === 'en' ? "$1'" : '$1')
    .replace(/[^\p{L}\p{N}\p{M}']+|'(?!\p{L})|(?<!\p{L})'/gu, ' ')
    .replace(
      /\d+/gu,
      (digits) =>
        ` ${digits.length > 6 || digits.startsWith('0') ? spellDigits(digits, language) : spellNumber(Number(digits), language)} `,
    )
    .replace(/\s+/gu, ' ')
    .trim();
}

function keyWords(key: string, language: MatchingLanguage): string {
  const named: Record<MatchingLanguage, Record<string, string>> = {
    en: { '*': 'star', '#': 'pound' },
    zh: { '*': '星号', '#': '井号' },
    ko: { '*': '별표', '#': '우물 정자' },
  };
  return named[language][key] ?? grammarWords(key, language);
}

/** A JSGF tag `{text}`, with the braces and backslashes a tag cannot hold removed. */
function jsgfTag(tag: string): string {
  return `{${tag.replace(/[{}\\]/gu, '').trim() || '_'}}`;
}

function alternatives(phrases: readonly string[]): string[] {
  return [...new Set(phrases.filter((phrase) => phrase !== ''))];
}

/** `<digit>` min times, then up to max − min more, as nested optionals ("<digit> <digit> [<digit> [<digit>]]"). */
function digitSequence(min: number, max: number): string {
  const required = Array.from({ length: min }, () => '<digit>').join(' ');
  if (max > MAX_SPELLED_DIGITS) return `${required} <digit>*`;
  let optional = '';
  for (let i = 0; i < max - min; i += 1) optional = optional === '' ? '[<digit>]' : `[<digit> ${optional}]`;
  return optional === '' ? required : `${required} ${optional}`;
}
