import { describe, expect, it } from 'vitest';
import { speechDecision } from './speechDecision.ts';

describe('speechDecision', () => {
  it.each([
    [0.9, 0.5, 'accept'],
    [0.5, 0.5, 'accept'],
    [0.49, 0.5, 'confirm'],
    [0.25, 0.5, 'confirm'],
    [0.24, 0.5, 'reject'],
    [0, 0.5, 'reject'],
    [0, 0, 'accept'],
    [1, 1, 'accept'],
    [0.8, 1.4, 'confirm'],
    [Number.NaN, 0.5, 'reject'],
    [undefined, 0.5, 'accept'],
  ] as const)('decides %s against a minimum of %s: %s', (confidence, min, decision) => {
    expect(speechDecision(confidence, min)).toBe(decision);
  });

  it('uses a custom confirm band', () => {
    expect(speechDecision(0.45, 0.5, 0.1)).toBe('confirm');
    expect(speechDecision(0.35, 0.5, 0.1)).toBe('reject');
    expect(speechDecision(0.49, 0.5, 0)).toBe('reject');
  });
});
