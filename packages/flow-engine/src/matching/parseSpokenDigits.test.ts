import { describe, expect, it } from 'vitest';
import { parseSpokenDigits } from './parseSpokenDigits.ts';

describe('parseSpokenDigits', () => {
  it.each([
    ['4211', '4211'],
    ['4 2 1 1', '4211'],
    ['4-2-1-1', '4211'],
    ['4211#', '4211'],
    ['４２１１', '4211'],
    ['four two one one', '4211'],
    ['Four, two, one, one.', '4211'],
    ['oh', '0'],
    ['zero one', '01'],
    ['o five', '05'],
    ['double five', '55'],
    ['triple zero', '000'],
    ['double 7 one', '771'],
    ['forty two eleven', '4211'],
    ['twenty twenty', '2020'],
    ['nineteen oh five', '1905'],
    ['four hundred five', '405'],
    ['four hundred twenty one', '421'],
    ['one hundred', '100'],
    ['my card ends in four two one one please', '4211'],
    ['um four two uh one one', '4211'],
    ['one two and three', '123'],
    ['四二一一', '4211'],
    ['我的卡号是四二一一', '4211'],
    ['幺零零', '100'],
    ['零一', '01'],
    ['四十二', '42'],
    ['사이일일', '4211'],
    ['사 이 일 일이에요', '4211'],
    ['제 번호는 공일공', '010'],
  ])('reads %j as %s', (text, digits) => {
    expect(parseSpokenDigits(text, 'en-US')).toBe(digits);
  });

  it.each(['', 'I do not know', 'four banana two', 'balance', 'one two three four five six 我 seven'])(
    'returns null for %j',
    (text) => {
      expect(parseSpokenDigits(text, 'en-US')).toBeNull();
    },
  );
});
