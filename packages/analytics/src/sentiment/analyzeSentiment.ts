import { resolveAnalysisLocale, type AnalysisLocale } from '../analysisLocale.ts';
import { sentimentLexicons, type SentimentLexicon } from './sentimentLexicons.ts';

/** The sentiment of one utterance: a score in −1..1 and its three-class label. */
export interface SentimentResult {
  readonly score: number;
  readonly label: SentimentLabel;
}

/** The three sentiment classes. */
export type SentimentLabel = 'negative' | 'neutral' | 'positive';

// A caller turn is a few sentences; text past this is pasted content, not how the caller feels, and analyzing it
// would put a 100 KB paste past the per-turn budget.
export const MAX_SENTIMENT_CHARS = 4000;
// VADER's normalization s/√(s²+α): α sets how much summed valence reads as "clearly" positive or negative.
const ALPHA = 8;
const LABEL_THRESHOLD = 0.3;
const NEGATION_FACTOR = -0.75;
const INTENSIFIER_FACTOR = 1.5;
const INTENSIFIER_SCOPE = 2;

/** Scores `text` in `locale` (en, zh-CN, ko-KR; others read as en) with the lexicons, handling negation and intensifiers. */
export function analyzeSentiment(text: string, locale: string): SentimentResult {
  const lang = resolveAnalysisLocale(locale);
  const words = tokenize(text.length > MAX_SENTIMENT_CHARS ? text.slice(0, MAX_SENTIMENT_CHARS) : text, lang);
  let sum = 0;
  let negateLeft = 0;
  let boostLeft = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (word === undefined || word.text === '') {
      negateLeft = 0;
      boostLeft = 0;
      continue;
    }
    const lexicon = sentimentLexicons[word.lang];
    const pair = lookupPair(lexicon, word, words[i + 1]);
    const isNegator = pair === undefined && lexicon.negators.has(word.text);
    const valence = pair ?? (isNegator ? undefined : lookupWord(lexicon, word.text));
    if (valence === undefined) {
      if (isNegator) negateLeft = lexicon.negationScope + 1;
      else if (lexicon.intensifiers.has(word.text)) boostLeft = INTENSIFIER_SCOPE + 1;
      negateLeft = Math.max(0, negateLeft - 1);
      boostLeft = Math.max(0, boostLeft - 1);
      continue;
    }
    if (pair !== undefined) i++;
    let value = valence * (boostLeft > 0 ? INTENSIFIER_FACTOR : 1);
    if (negateLeft > 0 || isTrailingNegator(lexicon, word, words[i + 1])) value *= NEGATION_FACTOR;
    sum += value;
    negateLeft = 0;
    boostLeft = 0;
  }
  const score = sum === 0 ? 0 : sum / Math.sqrt(sum * sum + ALPHA);
  return { score, label: score >= LABEL_THRESHOLD ? 'positive' : score <= -LABEL_THRESHOLD ? 'negative' : 'neutral' };
}

/** A word and the lexicon that reads it; an empty text marks a clause break (punctuation ends a negation). */
interface Word {
  readonly text: string;
  readonly lang: AnalysisLocale;
}

const segmenters = new Map<AnalysisLocale, Intl.Segmenter>();
const CLAUSE_BREAK: Word = { text: '', lang: 'en' };
const PICTOGRAPH = /\p{Extended_Pictographic}/u;

function tokenize(text: string, lang: AnalysisLocale): Word[] {
  let segmenter = segmenters.get(lang);
  if (segmenter === undefined) {
    // Building a segmenter loads ICU data; one per language serves every turn.
    segmenter = new Intl.Segmenter(lang, { granularity: 'word' });
    segmenters.set(lang, segmenter);
  }
  const words: Word[] = [];
  for (const { segment, isWordLike } of segmenter.segment(text)) {
    if (isWordLike === true) words.push({ text: segment.toLowerCase(), lang: scriptLanguage(segment) ?? lang });
    else if (PICTOGRAPH.test(segment)) words.push({ text: segment, lang });
    else if (segment.trim() !== '') words.push(CLAUSE_BREAK);
  }
  return words;
}

/** Mixed-language turns are common (a Korean caller spelling an English product name): each word goes to the lexicon of its script. */
function scriptLanguage(word: string): AnalysisLocale | undefined {
  const code = word.charCodeAt(0);
  if ((code >= 0xac00 && code <= 0xd7a3) || (code >= 0x1100 && code <= 0x11ff) || (code >= 0x3130 && code <= 0x318f))
    return 'ko-KR';
  if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf)) return 'zh-CN';
  if (code < 0x250) return 'en';
  return undefined;
}

function lookupPair(lexicon: SentimentLexicon, word: Word, next: Word | undefined): number | undefined {
  if (next === undefined || next.text === '' || next.lang !== word.lang) return undefined;
  const pair = word.text + lexicon.joiner + next.text;
  const exact = lexicon.valence.get(pair);
  if (exact !== undefined) return exact;
  // The segmenter glues an intensifier to a negator (太不|像话): the negator's character still starts the entry 不像话.
  if (lexicon.joiner === '' && word.text.length > 1) return lexicon.valence.get(word.text.slice(-1) + next.text);
  if (!lexicon.matchPrefix) return undefined;
  // The prefix must reach into the second word, or it is just the first word's own entry.
  return lookupPrefix(lexicon, pair, word.text.length + lexicon.joiner.length + 1);
}

function lookupWord(lexicon: SentimentLexicon, text: string): number | undefined {
  const exact = lexicon.valence.get(text);
  if (exact !== undefined) return exact;
  if (lexicon.matchPrefix) return lookupPrefix(lexicon, text, 1);
  if (lexicon.joiner === '' && text.length >= 3) return longestMatchSum(lexicon, text);
  return undefined;
}

function lookupPrefix(lexicon: SentimentLexicon, text: string, minLength: number): number | undefined {
  for (let length = Math.min(text.length, lexicon.longestKey); length >= minLength; length--) {
    const value = lexicon.valence.get(text.slice(0, length));
    if (value !== undefined) return value;
  }
  return undefined;
}

/** The segmenter may keep a phrase such as 解决不了 as one word: forward longest match over the lexicon finds its parts. */
function longestMatchSum(lexicon: SentimentLexicon, text: string): number | undefined {
  let sum: number | undefined;
  let unmatchedFrom = 0;
  let start = 0;
  while (start < text.length) {
    const match = longestKeyAt(text, start, lexicon.longestKey, (key) => lexicon.valence.has(key));
    if (match === undefined) {
      start++;
      continue;
    }
    const end = start + match.length;
    // Only characters no entry claimed can negate (很不|高兴 flips, 太|不像话 does not).
    let negated = false;
    for (let from = Math.max(unmatchedFrom, start - 3); from < start && !negated; from++)
      negated = lexicon.negators.has(text.slice(from, start));
    const trailing = [...lexicon.trailingNegators.exact].some((negator) => text.startsWith(negator, end));
    sum = (sum ?? 0) + (lexicon.valence.get(match) ?? 0) * (negated !== trailing ? NEGATION_FACTOR : 1);
    start = end;
    unmatchedFrom = end;
  }
  return sum;
}

function longestKeyAt(text: string, start: number, longest: number, has: (key: string) => boolean): string | undefined {
  for (let length = Math.min(text.length - start, longest); length >= 2; length--) {
    const key = text.slice(start, start + length);
    if (has(key)) return key;
  }
  return undefined;
}

function isTrailingNegator(lexicon: SentimentLexicon, word: Word, next: Word | undefined): boolean {
  if (next === undefined || next.lang !== word.lang) return false;
  const { exact, prefixes } = lexicon.trailingNegators;
  return exact.has(next.text) || prefixes.some((prefix) => next.text.startsWith(prefix));
}
