import { describe, expect, it } from 'vitest';
import { parseYesNo } from './parseYesNo.ts';

describe('parseYesNo', () => {
  it.each([
    'yes',
    'Yes.',
    'YES!',
    'yeah',
    'yep',
    'sure',
    'correct',
    "that's right",
    'that is correct',
    'yes please',
    'okay',
    'of course',
    'no problem',
    'sure, no problem',
    'absolutely',
    'uh huh',
    '1',
    ' 1 ',
  ])('hears yes in %j', (text) => {
    expect(parseYesNo(text, 'en-US')).toBe(true);
  });

  it.each([
    'no',
    'No!',
    'nope',
    'nah',
    'no thanks',
    'no thank you',
    "that's not right",
    'not correct',
    'incorrect',
    'wrong',
    "I don't think so",
    'no, that is wrong',
    '2',
  ])('hears no in %j', (text) => {
    expect(parseYesNo(text, 'en-US')).toBe(false);
  });

  it.each(['', 'balance', "I don't know", 'not sure', 'yes no', 'maybe', '3', 'north', 'yesterday', 'notebook'])(
    'hears neither in %j',
    (text) => {
      expect(parseYesNo(text, 'en-US')).toBeNull();
    },
  );

  it.each([
    ['是', true],
    ['是的', true],
    ['对', true],
    ['好的', true],
    ['没问题', true],
    ['不是', false],
    ['不', false],
    ['不对', false],
    ['不要', false],
    ['不知道', null],
  ])('reads Chinese %j as %s', (text, expected) => {
    expect(parseYesNo(text, 'zh-CN')).toBe(expected);
  });

  it.each([
    ['네', true],
    ['예', true],
    ['네 맞아요', true],
    ['맞습니다', true],
    ['아니요', false],
    ['아니오', false],
    ['아뇨 틀려요', false],
    ['잘 모르겠어요', null],
  ])('reads Korean %j as %s', (text, expected) => {
    expect(parseYesNo(text, 'ko-KR')).toBe(expected);
  });

  it('understands English yes and no in a Chinese or Korean session', () => {
    expect(parseYesNo('yes', 'zh-CN')).toBe(true);
    expect(parseYesNo('no', 'ko-KR')).toBe(false);
  });
});
