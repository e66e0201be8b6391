import { describe, expect, it } from 'vitest';
import { damerauLevenshtein, typoTolerance } from './damerauLevenshtein.ts';

describe('damerauLevenshtein', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['', 'abc', 3],
    ['balance', 'balance', 0],
    ['balance', 'balanse', 1],
    ['balance', 'ballance', 1],
    ['balance', 'balnace', 1],
    ['agent', 'agnet', 1],
    ['card', 'cart', 1],
    ['kitten', 'sitting', 3],
    ['ca', 'abc', 3],
    ['余额', '余额', 0],
    ['查询余额', '查余额', 1],
    ['😀a', 'a😀', 1],
  ])('measures %j to %j as %i', (a, b, distance) => {
    expect(damerauLevenshtein(a, b)).toBe(distance);
    expect(damerauLevenshtein(b, a)).toBe(distance);
  });

  it('stops early past the maximum distance and says so with max + 1', () => {
    expect(damerauLevenshtein('activation', 'representative', 2)).toBe(3);
    expect(damerauLevenshtein('a', 'abcdefgh', 1)).toBe(2);
    expect(damerauLevenshtein('balance', 'balanse', 1)).toBe(1);
  });

  it.each([
    [1, 0],
    [3, 0],
    [4, 1],
    [7, 1],
    [8, 2],
    [20, 2],
  ])('allows a word of %i characters %i typos', (length, tolerance) => {
    expect(typoTolerance(length)).toBe(tolerance);
  });
});
