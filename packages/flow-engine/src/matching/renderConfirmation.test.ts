import { describe, expect, it } from 'vitest';
import { renderConfirmation } from './renderConfirmation.ts';

describe('renderConfirmation', () => {
  it.each([
    ['balance', 'en-US', 'Did you say balance?'],
    [' card activation ', 'en-GB', 'Did you say card activation?'],
    ['balance', 'de-DE', 'Did you say balance?'],
    ['查询余额', 'zh-CN', '您是说查询余额吗？'],
    ['잔액 조회', 'ko-KR', '잔액 조회라고 하셨나요?'],
    ['잔액', 'ko-KR', '잔액이라고 하셨나요?'],
  ])('asks to confirm %j in %s', (heard, locale, question) => {
    expect(renderConfirmation(heard, locale)).toBe(question);
  });
});
