import { describe, expect, it } from 'vitest';
import { hasCjk, matchingLanguage, normalizeText } from './normalizeText.ts';

describe('normalizeText', () => {
  it.each([
    ['  Hello,   World! ', 'hello world'],
    ["I'd like my BALANCE, please.", 'id like my balance please'],
    ['That’s right', 'thats right'],
    ['card-activation', 'card activation'],
    ['$12.50', '12 50'],
    ['１２３ＡＢＣ', '123abc'],
    ['我想查询余额。', '我想查询余额'],
    ['잔액 조회요!', '잔액 조회요'],
    ['tab\tand\nnewline', 'tab and newline'],
    ['', ''],
    ['?!...', ''],
  ])('normalizes %j to %j', (text, expected) => {
    expect(normalizeText(text, 'en-US')).toBe(expected);
  });

  it('lower-cases by the locale rules where they differ', () => {
    expect(normalizeText('İSTANBUL', 'tr-TR')).toBe('istanbul');
  });

  it('does not throw on an invalid locale tag', () => {
    expect(normalizeText('Balance', 'not a locale!')).toBe('balance');
  });
});

describe('matchingLanguage', () => {
  it.each([
    ['en-US', 'en'],
    ['zh-CN', 'zh'],
    ['zh-Hant-TW', 'zh'],
    ['ko-KR', 'ko'],
    ['ko', 'ko'],
    ['fr-FR', 'en'],
    ['', 'en'],
  ])('maps %j to %s', (locale, language) => {
    expect(matchingLanguage(locale)).toBe(language);
  });
});

describe('hasCjk', () => {
  it.each([
    ['余额', true],
    ['잔액', true],
    ['カード', true],
    ['balance', false],
    ['12', false],
  ])('detects CJK in %j: %s', (text, expected) => {
    expect(hasCjk(text)).toBe(expected);
  });
});
