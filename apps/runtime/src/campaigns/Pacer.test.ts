import { describe, expect, it } from 'vitest';
import { Pacer } from './Pacer.ts';
import { DEFAULT_STRATEGY, fillTemplate, retryDecision, type CampaignStrategy } from './retryDecision.ts';

describe('Pacer', () => {
  it('spaces starts evenly at the configured rate', () => {
    const pacer = new Pacer({ maxConcurrent: 100, callsPerSecond: 4 });
    const starts: number[] = [];
    for (let now = 0; now < 10_000; now += 10) {
      if (pacer.waitMs(now) === 0) {
        pacer.acquire(now);
        starts.push(now);
        pacer.release();
      }
    }
    expect(starts).toHaveLength(40);
    expect(new Set(starts.slice(1).map((t, i) => t - (starts[i] ?? 0)))).toEqual(new Set([250]));
  });

  it('holds calls while every line is busy and does not burst afterwards', () => {
    const pacer = new Pacer({ maxConcurrent: 2, callsPerSecond: 10 });
    pacer.acquire(0);
    expect(pacer.waitMs(50)).toBe(50);
    pacer.acquire(100);
    expect(pacer.waitMs(5_000)).toBeUndefined();
    pacer.release();
    expect(pacer.waitMs(5_000)).toBe(0);
    pacer.acquire(5_000);
    pacer.release();
    expect(pacer.waitMs(5_000)).toBe(100);
  });
});

describe('retryDecision', () => {
  const strategy: CampaignStrategy = {
    ...DEFAULT_STRATEGY,
    rules: { ...DEFAULT_STRATEGY.rules, noAnswer: { retryAfterMinutes: 15, maxAttempts: 2, smsFallback: true } },
    smsTemplate: { en: 'Hi {{name}}, please call us about {{ amount }}.' },
  };

  it('retries after N minutes up to M attempts, then falls back to a text', () => {
    expect(retryDecision(strategy, 'noAnswer', 1, 1_000)).toEqual({ kind: 'retry', at: 1_000 + 15 * 60_000 });
    expect(retryDecision(strategy, 'noAnswer', 2, 1_000)).toEqual({ kind: 'sms' });
    expect(retryDecision(strategy, 'failed', 1, 0)).toEqual({ kind: 'done' });
    expect(retryDecision(strategy, 'completed', 1, 0)).toEqual({ kind: 'done' });
  });

  it('gives up without a text when no template is set', () => {
    const noTemplate = { rules: strategy.rules };
    expect(retryDecision(noTemplate, 'noAnswer', 2, 0)).toEqual({ kind: 'done' });
  });

  it('fills a template from the row', () => {
    expect(fillTemplate(strategy.smsTemplate?.['en'] ?? '', { name: 'Ann', amount: '$120' })).toBe(
      'Hi Ann, please call us about $120.',
    );
  });
});
