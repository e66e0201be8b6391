import { describe, expect, it } from 'vitest';
import { parseKoreanNative, readCjkNumbers } from './readCjkNumbers.ts';

describe('readCjkNumbers', () => {
  it.each([
    [
      '十二块五毛',
      [
        { value: 12, unit: '块' },
        { value: 5, unit: '毛' },
      ],
    ],
    ['12.5元', [{ value: 12.5, unit: '元' }]],
    ['三点五', [{ value: 3.5, unit: '' }]],
    ['我要转两万块钱', [{ value: 20000, unit: '块' }]],
    [
      '1990年5月17日',
      [
        { value: 1990, unit: '年' },
        { value: 5, unit: '月' },
        { value: 17, unit: '日' },
      ],
    ],
    ['만 이천 원이요', [{ value: 12000, unit: '원' }]],
    ['스물다섯 살', [{ value: 25, unit: '살' }]],
    [
      '12달러 50센트',
      [
        { value: 12, unit: '달러' },
        { value: 50, unit: '센트' },
      ],
    ],
    ['12,500원', [{ value: 12500, unit: '원' }]],
    [
      '천구백구십년 오월 십칠일',
      [
        { value: 1990, unit: '년' },
        { value: 5, unit: '월' },
        { value: 17, unit: '일' },
      ],
    ],
    ['사십이요', [{ value: 42, unit: '' }]],
    ['일', [{ value: 1, unit: '' }]],
    ['이거 주세요', []],
    ['잔액 조회', []],
    ['', []],
  ])('reads %j', (text, numbers) => {
    expect(readCjkNumbers(text)).toEqual(numbers);
  });
});

describe('parseKoreanNative', () => {
  it.each([
    ['하나', 1],
    ['열', 10],
    ['스물다섯', 25],
    ['마흔둘', 42],
    ['아흔아홉', 99],
    ['열하나', 11],
    ['사십', null],
    ['스물스물', null],
  ])('reads %j as %s', (word, value) => {
    expect(parseKoreanNative(word)).toBe(value);
  });
});
