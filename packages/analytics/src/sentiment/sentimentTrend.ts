/** Where a contact's sentiment is heading over its caller turns. */
export interface SentimentTrend {
  /** Least-squares slope of the score per turn. */
  readonly slope: number;
  readonly average: number;
  readonly direction: 'improving' | 'worsening' | 'stable';
}

// A slope below this per turn is noise from one word more or less; over ten turns it still moves a score by 0.5.
const STABLE_SLOPE = 0.05;

/** Summarizes the sentiment scores of a contact's caller turns, oldest first, as a slope, an average and a direction. */
export function sentimentTrend(scores: readonly number[]): SentimentTrend {
  const n = scores.length;
  if (n === 0) return { slope: 0, average: 0, direction: 'stable' };
  let sum = 0;
  for (const score of scores) sum += score;
  const average = sum / n;
  if (n < 2) return { slope: 0, average, direction: 'stable' };
  const meanIndex = (n - 1) / 2;
  let covariance = 0;
  let variance = 0;
  scores.forEach((score, index) => {
    covariance += (index - meanIndex) * (score - average);
    variance += (index - meanIndex) ** 2;
  });
  const slope = covariance / variance;
  const direction = slope >= STABLE_SLOPE ? 'improving' : slope <= -STABLE_SLOPE ? 'worsening' : 'stable';
  return { slope, average, direction };
}
