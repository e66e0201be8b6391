import { describe, expect, it } from 'vitest';
import { readRedactionSet, REDACTION_SET_OPTIONS } from '../../bench/readRedactionSet.ts';
import { measureRedaction } from './measureRedaction.ts';

// Issue 17: recall 100% on valid cards and IDs, precision ≥ 95% on a set with hard negatives.
describe('the redaction set', () => {
  const cases = readRedactionSet();
  const quality = measureRedaction(cases, REDACTION_SET_OPTIONS);

  it('holds valid cards and IDs and hard negatives', () => {
    expect(quality.recall.card.expected).toBeGreaterThanOrEqual(50);
    expect(quality.recall.cn_id.expected).toBeGreaterThanOrEqual(30);
    expect(quality.recall.kr_rrn.expected).toBeGreaterThanOrEqual(30);
    expect(cases.filter((entry) => entry.kind === 'hardNegative').length).toBeGreaterThanOrEqual(50);
  });

  it.each(['card', 'cn_id', 'kr_rrn'] as const)('finds every valid %s', (type) => {
    expect(quality.recall[type].found).toBe(quality.recall[type].expected);
  });

  it('is at least 95% precise', () => {
    expect(quality.falsePositives).toEqual([]);
    expect(quality.precision).toBeGreaterThanOrEqual(0.95);
  });
});
