import { describe, expect, it } from 'vitest';
import { parseNumber } from './parseNumber.ts';
import { parseSpokenDigits } from './parseSpokenDigits.ts';
import { spellDigits, spellNumber } from './spellNumber.ts';

describe('spellNumber', () => {
  it.each([
    [0, 'zero', '零', '영'],
    [7, 'seven', '七', '칠'],
    [10, 'ten', '十', '십'],
    [12, 'twelve', '十二', '십이'],
    [42, 'forty two', '四十二', '사십이'],
    [100, 'one hundred', '一百', '백'],
    [105, 'one hundred five', '一百零五', '백오'],
    [110, 'one hundred ten', '一百一十', '백십'],
    [2024, 'two thousand twenty four', '二千零二十四', '이천이십사'],
    [12500, 'twelve thousand five hundred', '一万二千五百', '만이천오백'],
    [100005, 'one hundred thousand five', '十万零五', '십만오'],
  ])('spells %i as %j, %j and %j', (value, en, zh, ko) => {
    expect(spellNumber(value, 'en')).toBe(en);
    expect(spellNumber(value, 'zh')).toBe(zh);
    expect(spellNumber(value, 'ko')).toBe(ko);
  });

  it('spells every number up to 20,000 so that parseNumber reads it back', () => {
    const wrong: string[] = [];
    for (let value = 0; value <= 20_000; value += value < 200 ? 1 : 37) {
      for (const language of ['en', 'zh', 'ko'] as const) {
        const spelled = spellNumber(value, language);
        if (parseNumber(spelled, 'en-US') !== value) wrong.push(`${value} ${language} ${spelled}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('spells numbers above 999,999 digit by digit', () => {
    expect(spellNumber(1234567, 'en')).toBe('one two three four five six seven');
    expect(parseSpokenDigits(spellNumber(1234567, 'zh'), 'zh-CN')).toBe('1234567');
  });

  it('refuses a negative or fractional number with a message saying what to do', () => {
    expect(() => spellNumber(-1, 'en')).toThrow(/non-negative integer/u);
    expect(() => spellNumber(1.5, 'en')).toThrow(/round it first/u);
  });
});

describe('spellDigits', () => {
  it.each([
    ['4211', 'en', 'four two one one'],
    ['0070', 'zh', '零 零 七 零'],
    ['12', 'ko', '일 이'],
    ['4-2', 'en', 'four two'],
  ] as const)('spells %j in %s as %j', (digits, language, words) => {
    expect(spellDigits(digits, language)).toBe(words);
  });
});
