import { describe, expect, it } from 'vitest';
import { koreanEndingCandidates } from './koreanEndings.ts';

describe('koreanEndingCandidates', () => {
  it.each([
    ['사십이요', ['사십이요', '사십이', '사십']],
    ['일이에요', ['일이에요', '일이에', '일']],
    ['오천원입니다', ['오천원입니다', '오천원']],
    ['이예요', ['이예요', '이예', '이']],
    ['잔액', ['잔액']],
    ['요', ['요']],
  ])('offers the readings of %j longest first', (word, readings) => {
    expect(koreanEndingCandidates(word)).toEqual(readings);
  });

  it('only strips an ending the syllable before it allows', () => {
    // 이요 follows a consonant, so "이이요" (2 + 이요) is not split after the vowel-final 이.
    expect(koreanEndingCandidates('이이요')).toEqual(['이이요', '이이']);
  });
});
