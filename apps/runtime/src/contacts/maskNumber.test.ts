import { describe, expect, it } from 'vitest';
import { maskNumber } from './maskNumber.ts';

describe('maskNumber', () => {
  it('keeps the plus and the last four digits by default', () => {
    expect(maskNumber('+8613800001234', 'last4')).toBe('+•••••••••1234');
  });
  it('hides short numbers whole, every digit under "all", nothing under "none"', () => {
    expect(maskNumber('1234', 'last4')).toBe('••••');
    expect(maskNumber('+821012345678', 'all')).toBe('+••••••••••••');
    expect(maskNumber('+821012345678', 'none')).toBe('+821012345678');
    expect(maskNumber(null, 'last4')).toBeNull();
  });
});
