import { describe, expect, it } from 'vitest';
import { numberTokens, readEnglishNumbers } from './readEnglishNumbers.ts';

const values = (text: string, concatenate = true): number[] =>
  readEnglishNumbers(numberTokens(text), { concatenate }).map((run) => run.value);

describe('readEnglishNumbers', () => {
  it.each([
    ['forty two', [42]],
    ['one hundred and five', [105]],
    ['a hundred', [100]],
    ['two thousand twenty four', [2024]],
    ['three point five', [3.5]],
    ['minus five', [-5]],
    ['2 thousand', [2000]],
    ['2 hundred five', [205]],
    ['3 5', [3, 5]],
    ['twenty 5', [20, 5]],
    ['$1,234.50', [1234.5]],
    ['nineteen ninety', [1990]],
    ['nineteen oh five', [1905]],
    ['one two three', [123]],
    ['two cards and three accounts', [2, 3]],
    ['oh well', []],
    ['twelve point', [12]],
    ['', []],
  ])('reads %j as %j', (text, expected) => {
    expect(values(text)).toEqual(expected);
  });

  it('keeps numbers that do not add up apart when not concatenating', () => {
    expect(values('twelve fifty', false)).toEqual([12, 50]);
    expect(values('nineteen ninety', false)).toEqual([19, 90]);
    expect(values('twenty five', false)).toEqual([25]);
  });

  it('reports the word range each number was read from', () => {
    expect(readEnglishNumbers(numberTokens('pay twelve dollars and fifty cents'), { concatenate: false })).toEqual([
      { value: 12, start: 1, end: 2 },
      { value: 50, start: 4, end: 5 },
    ]);
  });
});

describe('numberTokens', () => {
  it.each([
    ['$1,234.50 now', ['1234.50', 'now']],
    ['-3 degrees', ['-3', 'degrees']],
    ['twenty-one', ['twenty', 'one']],
    ["it's 5", ['its', '5']],
    ['１２３', ['123']],
  ])('splits %j into %j', (text, tokens) => {
    expect(numberTokens(text)).toEqual(tokens);
  });
});
