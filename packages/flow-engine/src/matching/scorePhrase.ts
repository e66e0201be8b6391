import type { AnalyzedText } from './analyzeText.ts';
import { damerauLevenshtein, typoTolerance } from './damerauLevenshtein.ts';

/** How well one phrase matched an input: `score` in 0..1, `exact` when no typo, stem or partial match was needed. */
export interface PhraseScore {
  score: number;
  exact: boolean;
}

/** Per-word weights: words shared by many phrase groups (like "card") count less than distinctive ones. */
export type TokenWeights = ReadonlyMap<string, number>;

/** Below this a phrase score is not a match. Chosen so that one distinctive word of a two-word label still matches. */
export const MIN_PHRASE_SCORE = 0.45;

const PARTIAL_FACTOR = 0.9;
const REORDERED_FACTOR = 0.97;

/**
 * Weighs each content word by inverse group frequency, where a group is all phrases of one choice or intent:
 * a word found in every group weighs least.
 */
export function tokenWeights(groups: readonly (readonly AnalyzedText[])[]): TokenWeights {
  const groupCount = new Map<string, number>();
  for (const group of groups) {
    const words = new Set(group.flatMap((phrase) => phrase.content));
    for (const word of words) groupCount.set(word, (groupCount.get(word) ?? 0) + 1);
  }
  const weights = new Map<string, number>();
  for (const [word, count] of groupCount) weights.set(word, Math.log(1 + groups.length / count));
  return weights;
}

/**
 * Scores how well `phrase` is present in `input`: all words in any order, tolerating typos and word endings,
 * for space-separated text; by substring and shared character pairs for CJK text. Returns null when nothing matches.
 */
export function scorePhrase(input: AnalyzedText, phrase: AnalyzedText, weights: TokenWeights): PhraseScore | null {
  if (phrase.compact === '' || input.compact === '') return null;
  if (input.normalized === phrase.normalized) return { score: 1, exact: true };
  return phrase.cjk ? scoreCjkPhrase(input, phrase) : scoreWordPhrase(input, phrase, weights);
}

function scoreWordPhrase(input: AnalyzedText, phrase: AnalyzedText, weights: TokenWeights): PhraseScore | null {
  const used = new Set<number>();
  const positions: number[] = [];
  let weightTotal = 0;
  let weightedQuality = 0;
  let allExact = true;
  let matchedCount = 0;
  for (const word of phrase.content) {
    const weight = weights.get(word) ?? 1;
    weightTotal += weight;
    const best = bestTokenMatch(word, input.tokens, used);
    if (best === null) {
      allExact = false;
      continue;
    }
    used.add(best.index);
    positions.push(best.index);
    matchedCount += 1;
    weightedQuality += weight * best.quality;
    if (best.quality < 1) allExact = false;
  }
  if (matchedCount === 0 || weightTotal === 0) return null;
  const full = matchedCount === phrase.content.length;
  const inputContentUsed = [...used].filter((index) => input.content.includes(input.tokens[index] ?? '')).length;
  const inputCoverage = Math.min(1, Math.max(inputContentUsed, 1) / Math.max(input.content.length, 1));
  const ordered = positions.every((position, i) => i === 0 || position > (positions[i - 1] ?? -1));
  const score =
    (weightedQuality / weightTotal) *
    (full ? 1 : PARTIAL_FACTOR) *
    (0.75 + 0.25 * inputCoverage) *
    (ordered ? 1 : REORDERED_FACTOR);
  return { score: Math.min(score, 0.99), exact: allExact && full };
}

function bestTokenMatch(
  word: string,
  tokens: readonly string[],
  used: ReadonlySet<number>,
): { index: number; quality: number } | null {
  let best: { index: number; quality: number } | null = null;
  for (let index = 0; index < tokens.length; index += 1) {
    if (used.has(index)) continue;
    const quality = tokenQuality(word, tokens[index] ?? '');
    if (quality > 0 && (best === null || quality > best.quality)) best = { index, quality };
    if (quality === 1) break;
  }
  return best;
}

/** 1 for the same word, 0.95 for a plural, 0.9 for a shared stem, less per typo, 0 for a different word. */
function tokenQuality(word: string, token: string): number {
  if (word === token) return 1;
  const shorter = Math.min(word.length, token.length);
  const lengthGap = Math.abs(word.length - token.length);
  const prefix = commonPrefixLength(word, token);
  if (prefix === shorter && lengthGap <= 2) {
    const ending = (word.length > token.length ? word : token).slice(prefix);
    if (ending === 's' || ending === 'es') return isNumeric(word) || isNumeric(token) ? 0 : 0.95;
  }
  const tolerance = typoTolerance(shorter);
  const stem = prefix >= 5 && prefix >= 0.75 * shorter;
  if (!stem && (tolerance === 0 || lengthGap > tolerance)) return 0;
  if (isNumeric(word) || isNumeric(token)) return 0;
  if (stem) return 0.9;
  const distance = damerauLevenshtein(word, token, tolerance);
  return distance <= tolerance ? 1 - 0.12 * distance : 0;
}

function isNumeric(text: string): boolean {
  return /\d/u.test(text);
}

function commonPrefixLength(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let i = 0;
  while (i < limit && a[i] === b[i]) i += 1;
  return i;
}

function scoreCjkPhrase(input: AnalyzedText, phrase: AnalyzedText): PhraseScore | null {
  const target = phrase.compact;
  const heard = input.compact;
  const inputCoverage = Math.min(1, Array.from(target).length / Math.max(1, Array.from(input.compactContent).length));
  if (heard.includes(target)) {
    return { score: Math.min(0.99, 0.75 + 0.25 * inputCoverage), exact: true };
  }
  const pairs = characterPairs(target);
  const shared = pairs.filter((pair) => heard.includes(pair)).length;
  const pairShare = pairs.length === 0 ? 0 : shared / pairs.length;
  const heardContent = input.compactContent;
  const insideShare =
    Array.from(heardContent).length >= 2 && target.includes(heardContent)
      ? Array.from(heardContent).length / Array.from(target).length
      : 0;
  const quality = PARTIAL_FACTOR * Math.max(pairShare >= 0.5 ? pairShare : 0, insideShare);
  if (quality === 0) return null;
  return { score: quality * (0.75 + 0.25 * Math.max(inputCoverage, insideShare > 0 ? 1 : 0)), exact: false };
}

function characterPairs(text: string): string[] {
  const chars = Array.from(text);
  const pairs: string[] = [];
  for (let i = 0; i + 1 < chars.length; i += 1) pairs.push(`${chars[i] ?? ''}${chars[i + 1] ?? ''}`);
  return pairs;
}
