import { describe, expect, it } from 'vitest';
import { isRepeatRequest } from './isRepeatRequest.ts';

describe('isRepeatRequest', () => {
  it.each([
    'repeat',
    'Repeat.',
    'Can you repeat that please?',
    'say that again',
    'Pardon?',
    'what?',
    'what were the options',
    "I didn't catch that",
    'come again',
    'main menu',
    'um, again please',
  ])('hears a request to repeat in %j', (text) => {
    expect(isRepeatRequest(text, 'en-US')).toBe(true);
  });

  it.each(['', 'balance', 'repeat my last transaction', 'what is my balance', 'yes', 'agent'])(
    'hears no request to repeat in %j',
    (text) => {
      expect(isRepeatRequest(text, 'en-US')).toBe(false);
    },
  );

  it.each([
    ['再说一遍', true],
    ['请重复一下', true],
    ['我没听清', true],
    ['查询余额', false],
    ['다시 말해 주세요', true],
    ['반복해 주세요', true],
    ['네', false],
    ['잔액 조회', false],
  ])('reads Chinese and Korean %j as %s', (text, expected) => {
    expect(isRepeatRequest(text, 'zh-CN')).toBe(expected);
  });
});
