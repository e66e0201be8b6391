import { describe, expect, it } from 'vitest';
import { sentimentTrend } from './sentimentTrend.ts';

describe('sentimentTrend', () => {
  it('calls a contact that cools down worsening', () => {
    const trend = sentimentTrend([0.4, 0.1, -0.3, -0.7]);
    expect(trend.direction).toBe('worsening');
    expect(trend.slope).toBeLessThan(0);
  });

  it('calls a contact that warms up improving', () => {
    expect(sentimentTrend([-0.8, -0.2, 0.5]).direction).toBe('improving');
  });

  it('is stable with fewer than two turns or a flat line', () => {
    expect(sentimentTrend([])).toEqual({ slope: 0, average: 0, direction: 'stable' });
    expect(sentimentTrend([-0.5]).direction).toBe('stable');
    expect(sentimentTrend([0.2, 0.2, 0.2]).direction).toBe('stable');
  });

  it('averages the scores', () => {
    expect(sentimentTrend([-1, 0, 0.4]).average).toBeCloseTo(-0.2);
  });
});
