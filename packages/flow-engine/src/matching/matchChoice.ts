import { analyzePhrase, analyzeText, type AnalyzedText } from './analyzeText.ts';
import { isFillerWord, stripCjkFillers } from './fillerWords.ts';
import {
  CHINESE_DIGITS,
  ENGLISH_DIGIT_HOMOPHONES,
  ENGLISH_ORDINALS,
  KOREAN_DIGITS,
  KOREAN_ORDINAL_STEMS,
  singleDigitValue,
} from './numberWords.ts';
import { pickBestPhraseGroup, type PhraseGroup } from './pickBestPhraseGroup.ts';
import { MIN_PHRASE_SCORE, tokenWeights, type TokenWeights } from './scorePhrase.ts';

/** One choice offered to the caller, with its label and synonyms already resolved to one locale. */
export interface MatchableChoice {
  /** The keypad key (menu) or value (ask choice) returned on a match. */
  key: string;
  label: string;
  synonyms: readonly string[];
}

/** Where the caller's input came from: typed chat text, or a speech transcript. */
export type MatchMode = 'chat' | 'voice';

/** How a choice was recognized. */
export type MatchHow = 'number' | 'label' | 'synonym' | 'fuzzy';

/** The matched choice, a score in 0..1 (1 = exact), and how it matched. */
export interface ChoiceMatch {
  key: string;
  score: number;
  how: MatchHow;
}

/** Tuning of matchChoice. */
export interface MatchChoiceOptions {
  /** Locale of the input, for lower-casing (default `en-US`). Number words of every supported language are always understood. */
  locale?: string;
  /** Scores below this are no match (default MIN_PHRASE_SCORE, 0.45). */
  minScore?: number;
  /** When the runner-up choice scores within this of the best one, the input is ambiguous and null is returned (default 0.08). */
  ambiguityMargin?: number;
}

const DEFAULT_AMBIGUITY_MARGIN = 0.08;

/** Words that only frame a choice number: "option 2", "press one", "number three please". */
const NUMBER_FRAME_WORDS: ReadonlySet<string> = new Set([
  'option',
  'options',
  'number',
  'num',
  'no',
  'press',
  'pressing',
  'choice',
  'choose',
  'select',
  'pick',
  'key',
  'button',
  'item',
  'menu',
]);

const KEY_WORDS: ReadonlyMap<string, string> = new Map([
  ['star', '*'],
  ['asterisk', '*'],
  ['pound', '#'],
  ['hash', '#'],
  ['hashtag', '#'],
  ['sharp', '#'],
]);

/**
 * Matches caller input to one of the choices: by key or position ("1", "one", "option 2", "the second one",
 * "2号", "1번"), by label or synonym anywhere in the input (any case, punctuation, filler words, word order),
 * or fuzzily (small typos scaled by word length, plurals, shared stems; CJK text by substring and shared
 * character pairs). Voice mode also accepts digit homophones a recognizer writes ("to" → 2) when said alone.
 * Returns null when nothing scores `minScore` or when two choices score within `ambiguityMargin` of each other
 * (an ambiguous input is rejected rather than guessed; an exact full-input match of one choice still wins).
 */
export function matchChoice(
  input: string,
  choices: readonly MatchableChoice[],
  mode: MatchMode,
  options: MatchChoiceOptions = {},
): ChoiceMatch | null {
  if (choices.length === 0) return null;
  const raw = input.normalize('NFKC').trim();
  const direct = choices.find((choice) => choice.key === raw);
  if (direct !== undefined) return { key: direct.key, score: 1, how: 'number' };
  const locale = options.locale ?? 'en-US';
  const heard = analyzeText(input, locale);
  const byNumber =
    (heard.cjk ? matchCjkNumber(heard.normalized, choices) : null) ?? matchWordNumber(heard.tokens, choices, mode);
  if (byNumber !== null) return { key: byNumber, score: 1, how: 'number' };
  return matchByPhrase(heard, choices, locale, options);
}

function matchByPhrase(
  heard: AnalyzedText,
  choices: readonly MatchableChoice[],
  locale: string,
  options: MatchChoiceOptions,
): ChoiceMatch | null {
  const groups: PhraseGroup[] = choices.map((choice) => ({
    key: choice.key,
    phrases: [
      { text: analyzePhrase(choice.label, locale), how: 'label' },
      ...choice.synonyms.map((synonym): PhraseGroup['phrases'][number] => ({
        text: analyzePhrase(synonym, locale),
        how: 'synonym',
      })),
    ],
  }));
  const weights = cachedWeights(groups);
  return pickBestPhraseGroup(heard, groups, weights, {
    minScore: options.minScore ?? MIN_PHRASE_SCORE,
    ambiguityMargin: options.ambiguityMargin ?? DEFAULT_AMBIGUITY_MARGIN,
  });
}

function matchWordNumber(
  tokens: readonly string[],
  choices: readonly MatchableChoice[],
  mode: MatchMode,
): string | null {
  const framed = tokens.filter((token) => !NUMBER_FRAME_WORDS.has(token));
  const picks: string[] = [];
  const others: string[] = [];
  for (let i = 0; i < framed.length; i += 1) {
    const token = framed[i] ?? '';
    const ordinal = ordinalPosition(token);
    if (ordinal !== undefined) {
      const choice = choices[ordinal - 1];
      picks.push(choice === undefined ? '' : choice.key);
      // "the second one": the trailing "one" is a pronoun, not a digit.
      if (framed[i + 1] === 'one') i += 1;
      continue;
    }
    const key = KEY_WORDS.get(token) ?? digitKey(token);
    if (key === undefined) others.push(token);
    else picks.push(key);
  }
  const [only] = picks;
  if (picks.length === 1 && only !== undefined && others.every(isFillerWord)) return findKey(choices, only);
  if (mode === 'voice' && framed.length === 1) {
    const homophone = ENGLISH_DIGIT_HOMOPHONES.get(framed[0] ?? '');
    if (homophone !== undefined) return findKey(choices, String(homophone));
  }
  return null;
}

function digitKey(token: string): string | undefined {
  if (/^\d+$/u.test(token)) return token;
  const value = singleDigitValue(token);
  return value === undefined ? undefined : String(value);
}

function ordinalPosition(token: string): number | undefined {
  const suffixed = /^(\d+)(?:st|nd|rd|th)$/u.exec(token);
  if (suffixed?.[1] !== undefined) return Number(suffixed[1]);
  return ENGLISH_ORDINALS.get(token);
}

const CHINESE_KEY = /^(?:选择|选|按|要)?([0-9零〇一二两三四五六七八九幺])(?:号键|号|键|项)?$/u;
const CHINESE_POSITION = /^(?:选择|选|要)?第([0-9一二三四五六七八九])(?:个|项|种|号)?$/u;
const KOREAN_KEY = /^([0-9영공일이삼사오육칠팔구])번(?:으로|로|이요|을|를|이)?$/u;
const KOREAN_POSITION = /^(첫|두|세|네|다섯|여섯|일곱|여덟|아홉|열)번째(?:로|것|거|요|이요)?$/u;

function matchCjkNumber(normalized: string, choices: readonly MatchableChoice[]): string | null {
  const compact = normalized.replace(/ /gu, '');
  const candidates = [compact, stripCjkFillers(compact)];
  for (const text of candidates) {
    const key = CHINESE_KEY.exec(text)?.[1] ?? KOREAN_KEY.exec(text)?.[1];
    if (key !== undefined) {
      const digit = /\d/u.test(key) ? Number(key) : (CHINESE_DIGITS.get(key) ?? KOREAN_DIGITS.get(key));
      if (digit !== undefined) return findKey(choices, String(digit));
    }
    const positionText = CHINESE_POSITION.exec(text)?.[1];
    const position =
      positionText === undefined
        ? KOREAN_ORDINAL_STEMS.get(KOREAN_POSITION.exec(text)?.[1] ?? '')
        : (CHINESE_DIGITS.get(positionText) ?? Number(positionText));
    if (position !== undefined) return choices[position - 1]?.key ?? null;
  }
  return null;
}

const weightCache = new Map<string, TokenWeights>();

/** tokenWeights of a menu's phrases, memoized by the phrases: a menu is matched on many turns. */
function cachedWeights(groups: readonly PhraseGroup[]): TokenWeights {
  const key = groups
    .map((group) => group.phrases.map((phrase) => phrase.text.normalized).join('\u0001'))
    .join('\u0002');
  const cached = weightCache.get(key);
  if (cached !== undefined) return cached;
  const weights = tokenWeights(groups.map((group) => group.phrases.map((phrase) => phrase.text)));
  // Flows hold a bounded set of menus; starting over is cheaper than tracking recency.
  if (weightCache.size >= 1000) weightCache.clear();
  weightCache.set(key, weights);
  return weights;
}

function findKey(choices: readonly MatchableChoice[], key: string): string | null {
  return choices.find((choice) => choice.key === key)?.key ?? null;
}
