import { describe, expect, it } from 'vitest';
import { readPromise } from './readPromise.ts';

describe('readPromise', () => {
  it('reads keypad amount*date and amount*cents*date', () => {
    expect(readPromise('500*20261215#', 'en-US', true)).toEqual({ amount: 500, date: '2026-12-15' });
    expect(readPromise('120*50*20261201', 'en-US', true)).toEqual({ amount: 120.5, date: '2026-12-01' });
    expect(readPromise('20261215', 'en-US', true)).toBeNull();
    expect(readPromise('0*20261215', 'en-US', true)).toBeNull();
  });

  it('reads an amount and a date in either order, in English, Chinese and Korean', () => {
    expect(readPromise('two hundred dollars on December 15th, 2026', 'en-US', false)).toEqual({
      amount: 200,
      date: '2026-12-15',
    });
    expect(readPromise('I will pay on 2026-12-15 $75.50', 'en-US', false)).toEqual({
      amount: 75.5,
      date: '2026-12-15',
    });
    expect(readPromise('2026年12月15日前还500元', 'zh-CN', false)).toEqual({ amount: 500, date: '2026-12-15' });
    expect(readPromise('2026년 12월 15일까지 50000원', 'ko-KR', false)).toEqual({ amount: 50000, date: '2026-12-15' });
  });

  it('refuses an answer without both parts', () => {
    expect(readPromise('next week', 'en-US', false)).toBeNull();
    expect(readPromise('500 dollars', 'en-US', false)).toBeNull();
    expect(readPromise('2026-12-15', 'en-US', false)).toBeNull();
  });
});
