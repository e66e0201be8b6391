import { analyzeSentiment, sentimentTrend, type SentimentLabel } from '@omniflow/analytics';
import type { SentimentScorer } from '@omniflow/flow-engine';

/** The last text scored, kept so a turn's caller text is analyzed once for `contact.sentiment` and its transcript. */
let last: { text: string; locale: string; sentiment: { score: number; label: SentimentLabel } } | undefined;

/**
 * The sentiment of one caller text, its score rounded to three decimals (as stored on transcript entries, so the same
 * turn reads the same in a flow and in a transcript). The engine scores a turn's input and the runtime then annotates
 * the entry the turn recorded from the same text: the second call reuses the first one's result.
 */
export function scoreCallerText(text: string, locale: string): { score: number; label: SentimentLabel } {
  if (last?.text === text && last.locale === locale) return last.sentiment;
  const { score, label } = analyzeSentiment(text, locale);
  const sentiment = { score: Math.round(score * 1000) / 1000, label };
  last = { text, locale, sentiment };
  return sentiment;
}

/**
 * Scores caller turns for `contact.sentiment` with the same analyzer that annotates stored transcript entries, and
 * names the trend of the last scores as the analytics' category rules do (`improving`, `stable`, `worsening`).
 */
export const contactSentimentScorer: SentimentScorer = {
  score: (text, locale) => scoreCallerText(text, locale).score,
  trend: (scores) => sentimentTrend(scores).direction,
};
