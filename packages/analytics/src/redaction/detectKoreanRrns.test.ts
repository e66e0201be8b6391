import { describe, expect, it } from 'vitest';
import { detectKoreanRrns } from './detectKoreanRrns.ts';

describe('detectKoreanRrns', () => {
  // 800101-1234560 carries a valid check digit (weights 2..9,2..5; (11 − sum mod 11) mod 10).
  it('accepts a bare 13-digit number only with its check digit', () => {
    expect(detectKoreanRrns('8001011234560')).toHaveLength(1);
    expect(detectKoreanRrns('8001011234567')).toHaveLength(0);
  });

  it('takes a dashed number on its form, since numbers issued since October 2020 carry no check digit', () => {
    expect(detectKoreanRrns('800101-1234567')).toHaveLength(1);
    expect(detectKoreanRrns('2103154827361')).toHaveLength(1);
  });

  it('rejects an impossible date or century digit', () => {
    expect(detectKoreanRrns('801301-1234567')).toHaveLength(0);
    expect(detectKoreanRrns('800101-9234567')).toHaveLength(0);
  });
});
