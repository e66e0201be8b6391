import { isFillerWord, stripCjkFillers } from './fillerWords.ts';
import { hasCjk, normalizeText, tokenize } from './normalizeText.ts';

/** Text prepared once for phrase scoring. */
export interface AnalyzedText {
  /** Output of normalizeText. */
  normalized: string;
  /** Words of the normalized text. */
  tokens: string[];
  /** Words that are not fillers; all words when every word is a filler. */
  content: string[];
  /** Whether the text holds CJK characters (and so is matched by substring). */
  cjk: boolean;
  /** The normalized text without spaces. */
  compact: string;
  /** `compact` without CJK fillers (never empty unless `compact` is). */
  compactContent: string;
}

/** Normalizes, tokenizes and strips fillers from a text once, for repeated phrase scoring. */
export function analyzeText(text: string, locale: string): AnalyzedText {
  const normalized = normalizeText(text, locale);
  const tokens = tokenize(normalized);
  const content = tokens.filter((token) => !isFillerWord(token));
  const compact = normalized.replace(/ /gu, '');
  const cjk = hasCjk(normalized);
  const stripped = cjk ? stripCjkFillers(compact) : compact;
  return {
    normalized,
    tokens,
    content: content.length > 0 ? content : tokens,
    cjk,
    compact,
    compactContent: stripped.length > 0 ? stripped : compact,
  };
}

const phraseCache = new Map<string, AnalyzedText>();
const PHRASE_CACHE_LIMIT = 5000;

/**
 * analyzeText for the phrases a flow defines (labels, synonyms), memoized: the same few phrases are matched on
 * every turn. Never use it for caller input, which would only fill the cache.
 */
export function analyzePhrase(text: string, locale: string): AnalyzedText {
  const key = `${locale}\u0000${text}`;
  const cached = phraseCache.get(key);
  if (cached !== undefined) return cached;
  const analyzed = analyzeText(text, locale);
  // Flows hold a bounded set of phrases; starting over is cheaper than tracking recency.
  if (phraseCache.size >= PHRASE_CACHE_LIMIT) phraseCache.clear();
  phraseCache.set(key, analyzed);
  return analyzed;
}
