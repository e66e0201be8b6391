import { describe, expect, it } from 'vitest';
import { parseNumber } from './parseNumber.ts';

describe('parseNumber', () => {
  it.each([
    ['42', 42],
    [' 42 ', 42],
    ['1,234', 1234],
    ['3.5', 3.5],
    ['-2', -2],
    ['０７', 7],
    ['forty two', 42],
    ['forty-two', 42],
    ['one hundred and five', 105],
    ['a hundred', 100],
    ['two thousand twenty four', 2024],
    ['1.5 million', 1_500_000],
    ['2 thousand', 2000],
    ['three point five', 3.5],
    ['three point one four', 3.14],
    ['minus five', -5],
    ['zero', 0],
    ['I am forty two', 42],
    ['eleven hundred', 1100],
    ['nineteen ninety', 1990],
    ['四十二', 42],
    ['一百零五', 105],
    ['两万', 20000],
    ['三点五', 3.5],
    ['我今年三十岁', 30],
    ['사십이', 42],
    ['사십이요', 42],
    ['마흔둘', 42],
    ['스물다섯 살이에요', 25],
    ['만 이천', 12000],
  ])('reads %j as %d', (text, value) => {
    expect(parseNumber(text, 'en-US')).toBe(value);
  });

  it.each(['', 'none', 'two cards and three accounts', '4 or 5', 'balance', '1.2.3', 'point'])(
    'returns null for %j',
    (text) => {
      expect(parseNumber(text, 'en-US')).toBeNull();
    },
  );
});

describe('parseNumber in decimal-comma locales', () => {
  it.each([
    ['3,5', 'de-DE', 3.5],
    ['1.234,5', 'de-DE', 1234.5],
    ['1.234', 'fr-FR', 1234],
    ['3,5', 'en-US', null],
    ['1,234', 'en-US', 1234],
  ])('reads %j in %s as %s', (text, locale, value) => {
    expect(parseNumber(text, locale)).toBe(value);
  });
});
