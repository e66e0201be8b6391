import { analyzeSentiment, sentimentTrend } from '@omniflow/analytics';
import type { SentimentScorer } from '@omniflow/flow-engine';

/**
 * Scores caller turns for `contact.sentiment` with the same analyzer that annotates stored transcript entries, and
 * names the trend of the last scores as the analytics' category rules do (`improving`, `stable`, `worsening`).
 */
export const contactSentimentScorer: SentimentScorer = {
  score: (text, locale) => {
    const { score } = analyzeSentiment(text, locale);
    // Three decimals, as stored on transcript entries: the same turn reads the same in a flow and in a transcript.
    return Math.round(score * 1000) / 1000;
  },
  trend: (scores) => sentimentTrend(scores).direction,
};
