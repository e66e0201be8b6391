import { describe, expect, it } from 'vitest';
import { detectChineseResidentIds } from './detectChineseResidentIds.ts';

describe('detectChineseResidentIds', () => {
  it('accepts an ID whose MOD 11-2 check character is X, in either case and grouped 6-8-4', () => {
    expect(detectChineseResidentIds('11010519491231002X')).toHaveLength(1);
    expect(detectChineseResidentIds('11010519491231002x')).toHaveLength(1);
    expect(detectChineseResidentIds('110105 19491231 002X')).toHaveLength(1);
  });

  it('rejects a wrong check character and an impossible birth date', () => {
    expect(detectChineseResidentIds('110105194912310021')).toHaveLength(0);
    expect(detectChineseResidentIds('110105194902300029')).toHaveLength(0);
  });
});
