import { sentimentTrend, type SentimentTrend } from '@omniflow/analytics';

/** A contact's sentiment so far: the latest caller score (null before any scored turn) and the trend over its turns. */
export interface ContactSentiment extends SentimentTrend {
  latest: number | null;
  turns: number;
}

/** Reads the sentiment stored on a transcript's caller entries, oldest first. */
export function contactSentiment(entries: readonly unknown[]): ContactSentiment {
  const scores: number[] = [];
  for (const entry of entries) {
    const score = storedScore(entry);
    if (score !== null) scores.push(score);
  }
  return { ...sentimentTrend(scores), latest: scores.at(-1) ?? null, turns: scores.length };
}

function storedScore(entry: unknown): number | null {
  if (typeof entry !== 'object' || entry === null || !('sentiment' in entry)) return null;
  const sentiment: unknown = entry.sentiment;
  if (typeof sentiment !== 'object' || sentiment === null || !('score' in sentiment)) return null;
  return typeof sentiment.score === 'number' ? sentiment.score : null;
}
