import { analyzeText } from './analyzeText.ts';
import type { IntentMatch, IntentMatcher } from './IntentMatcher.ts';
import { matchingLanguage } from './normalizeText.ts';
import { pickBestPhraseGroup, type PhraseGroup } from './pickBestPhraseGroup.ts';
import { tokenWeights, type TokenWeights } from './scorePhrase.ts';

/** An intent's phrases per locale; the flow document's `GlobalIntent` has this shape. */
export interface IntentPhrases {
  id: string;
  phrases: Readonly<Record<string, readonly string[]>>;
}

/** Thresholds of PhraseIntentMatcher. */
export interface PhraseIntentMatcherOptions {
  /** Below this score no intent is matched (default 0.6: stricter than a menu, since an intent jumps away). */
  minScore?: number;
  /** When two intents score within this of each other, none is matched (default 0.08). */
  ambiguityMargin?: number;
}

interface PreparedLocale {
  groups: PhraseGroup[];
  weights: TokenWeights;
}

/**
 * The default IntentMatcher: matches text against each intent's phrases in the session's locale (falling back
 * to the same language, then to every locale), tolerant of word order, filler words and small typos, scoring
 * by weighted word overlap with fuzzy word matching ("I lost my card" matches "lost card"). `matchSync` gives
 * the same answer without a promise, for the engine's hot path.
 */
export class PhraseIntentMatcher implements IntentMatcher {
  private readonly intents: readonly IntentPhrases[];
  private readonly minScore: number;
  private readonly ambiguityMargin: number;
  private readonly prepared = new Map<string, PreparedLocale>();

  constructor(intents: readonly IntentPhrases[], options: PhraseIntentMatcherOptions = {}) {
    this.intents = intents;
    this.minScore = options.minScore ?? 0.6;
    this.ambiguityMargin = options.ambiguityMargin ?? 0.08;
  }

  /** Resolves to the best intent for the text, or null. */
  match(text: string, locale: string): Promise<IntentMatch | null> {
    return Promise.resolve(this.matchSync(text, locale));
  }

  /** The best intent for the text, or null, synchronously. */
  matchSync(text: string, locale: string): IntentMatch | null {
    const { groups, weights } = this.prepare(locale);
    if (groups.length === 0) return null;
    const best = pickBestPhraseGroup(analyzeText(text, locale), groups, weights, {
      minScore: this.minScore,
      ambiguityMargin: this.ambiguityMargin,
    });
    return best === null ? null : { intentId: best.key, score: best.score };
  }

  private prepare(locale: string): PreparedLocale {
    const cached = this.prepared.get(locale);
    if (cached !== undefined) return cached;
    const groups: PhraseGroup[] = [];
    for (const intent of this.intents) {
      const phrases = phrasesForLocale(intent, locale).map((phrase): PhraseGroup['phrases'][number] => ({
        text: analyzeText(phrase, locale),
        how: 'label',
      }));
      if (phrases.length > 0) groups.push({ key: intent.id, phrases });
    }
    const prepared = {
      groups,
      weights: tokenWeights(groups.map((group) => group.phrases.map((phrase) => phrase.text))),
    };
    this.prepared.set(locale, prepared);
    return prepared;
  }
}

/** An intent's phrases for a locale: that locale's, else its language's (zh-TW → zh-CN), else all of them. */
export function phrasesForLocale(intent: IntentPhrases, locale: string): string[] {
  const exact = intent.phrases[locale];
  if (exact !== undefined && exact.length > 0) return [...exact];
  const language = matchingLanguage(locale);
  const primary = locale.toLowerCase().split(/[-_]/u)[0] ?? '';
  const sameLanguage = Object.entries(intent.phrases)
    .filter(
      ([tag]) =>
        (tag.toLowerCase().split(/[-_]/u)[0] ?? '') === primary ||
        (language !== 'en' && matchingLanguage(tag) === language),
    )
    .flatMap(([, phrases]) => phrases);
  if (sameLanguage.length > 0) return sameLanguage;
  return Object.values(intent.phrases).flatMap((phrases) => [...phrases]);
}
