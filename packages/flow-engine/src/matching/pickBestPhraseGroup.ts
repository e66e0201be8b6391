import type { AnalyzedText } from './analyzeText.ts';
import { scorePhrase, type TokenWeights } from './scorePhrase.ts';

/** How a group's phrase matched: by its main label, one of its synonyms, or only fuzzily. */
export type PhraseHow = 'label' | 'synonym' | 'fuzzy';

/** The phrases that stand for one choice or intent. */
export interface PhraseGroup {
  key: string;
  phrases: readonly { text: AnalyzedText; how: 'label' | 'synonym' }[];
}

/** Thresholds of pickBestPhraseGroup. */
export interface PhrasePickPolicy {
  minScore: number;
  ambiguityMargin: number;
}

/**
 * Picks the group whose best phrase scores highest for the input. Returns null when the best score is below
 * `minScore`, or when another group scores within `ambiguityMargin` of it — unless the input is exactly one
 * phrase of the best group and of no other.
 */
export function pickBestPhraseGroup(
  heard: AnalyzedText,
  groups: readonly PhraseGroup[],
  weights: TokenWeights,
  policy: PhrasePickPolicy,
): { key: string; score: number; how: PhraseHow } | null {
  if (heard.compact === '') return null;
  const candidates: { key: string; score: number; how: PhraseHow; fullInput: boolean }[] = [];
  for (const group of groups) {
    let best: (typeof candidates)[number] | null = null;
    for (const phrase of group.phrases) {
      const scored = scorePhrase(heard, phrase.text, weights);
      if (scored === null || (best !== null && scored.score <= best.score)) continue;
      best = {
        key: group.key,
        score: scored.score,
        how: scored.exact ? phrase.how : 'fuzzy',
        fullInput: heard.normalized === phrase.text.normalized,
      };
    }
    if (best !== null) candidates.push(best);
  }
  candidates.sort((a, b) => b.score - a.score);
  const [best, runnerUp] = candidates;
  if (best === undefined || best.score < policy.minScore) return null;
  const clearWinner = best.fullInput && (runnerUp === undefined || !runnerUp.fullInput);
  if (
    !clearWinner &&
    runnerUp !== undefined &&
    runnerUp.key !== best.key &&
    best.score - runnerUp.score < policy.ambiguityMargin
  ) {
    return null;
  }
  return { key: best.key, score: Math.round(best.score * 1000) / 1000, how: best.how };
}
