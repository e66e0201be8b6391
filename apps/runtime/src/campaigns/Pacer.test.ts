import { describe, expect, it } from 'vitest';
import { CATCH_UP_MS, nextSlot } from './Pacer.ts';
import { DEFAULT_STRATEGY, fillTemplate, retryDecision, type CampaignStrategy } from './retryDecision.ts';

describe('nextSlot', () => {
  it('spaces starts evenly at the configured rate', () => {
    const pacing = { maxConcurrent: 100, callsPerSecond: 4 };
    const starts: number[] = [];
    let slot = 0;
    for (let now = 0; now < 10_000; now += 10) {
      if (now >= slot) {
        starts.push(now);
        slot = nextSlot(slot, now, pacing);
      }
    }
    expect(starts).toHaveLength(40);
    expect(new Set(starts.slice(1).map((t, i) => t - (starts[i] ?? 0)))).toEqual(new Set([250]));
  });

  it('keeps the long-run rate when a start is a little late, but does not burst after an idle spell', () => {
    const pacing = { maxConcurrent: 1, callsPerSecond: 10 };
    expect(nextSlot(1_000, 1_030, pacing)).toBe(1_100);
    // 300 ms late: the next slot is already due (catching up at most CATCH_UP_MS of missed slots).
    expect(nextSlot(1_000, 1_300, pacing)).toBe(1_100);
    expect(nextSlot(1_000, 1_000 + CATCH_UP_MS + 200, pacing)).toBe(1_000 + CATCH_UP_MS + 300);
    expect(nextSlot(1_000, 5_000, pacing)).toBe(5_100);
  });

  it('holds the long-run rate under timer jitter', () => {
    const pacing = { maxConcurrent: 100, callsPerSecond: 40 };
    let slot = 0;
    let now = 0;
    let starts = 0;
    let seed = 7;
    while (now < 60_000) {
      if (now >= slot) {
        starts++;
        slot = nextSlot(slot, now, pacing);
        continue;
      }
      // The timer fires at the slot plus 0–60 ms of lateness.
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      now = slot + (seed % 61);
    }
    expect(starts / 60 / pacing.callsPerSecond).toBeGreaterThan(0.97);
    expect(starts / 60 / pacing.callsPerSecond).toBeLessThan(1.03);
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
