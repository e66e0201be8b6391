import { describe, expect, it } from 'vitest';
import {
  characterPairs,
  characterTerms,
  containsPattern,
  isShortText,
  searchTerms,
  shortTextQuery,
} from './searchText.ts';

describe('search text helpers', () => {
  it('counts characters, not UTF-16 units, when telling short text from text a trigram index can answer', () => {
    expect([isShortText('余额'), isShortText('잔액'), isShortText('𠮷𠮷'), isShortText('信用卡')]).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });

  it('spells character pairs as code points, so a two-character query is one of their terms', () => {
    const pairs = characterPairs('查询余额 OK').split(' ');
    expect(pairs).toHaveLength(6);
    expect(pairs).toContain(shortTextQuery('余额').slice(1, -1));
    expect(pairs).toContain(shortTextQuery('ok').slice(1, -1));
    expect(pairs.join(' ')).toMatch(/^[0-9a-vx ]+$/);
  });

  it('gives PostgreSQL each character and neighbouring pair inside a run once, and searches only terms an entry holding them has', () => {
    expect(characterTerms('Ab ab 𠮷!')).toEqual(['a', 'ab', 'b', '𠮷', '𠮷!', '!']);
    expect(characterTerms(' \t ')).toEqual([]);
    expect(searchTerms('余额')).toEqual(['余额']);
    expect(searchTerms('汇')).toEqual(['汇']);
    expect(searchTerms('a bc d')).toEqual(['bc']);
    expect(searchTerms('a b')).toEqual(['a', 'b']);
    const entry = new Set(characterTerms('Please check My card balance'));
    for (const search of ['y car', 'CHECK', 'k', 'e c', 'card balance'])
      expect(searchTerms(search).every((term) => entry.has(term))).toBe(true);
  });

  it('builds FTS5 queries from code points only, whatever the text holds', () => {
    for (const hostile of ['"', '*', '" OR', '^', 'a"'])
      expect(shortTextQuery(hostile)).toMatch(/^"[0-9a-v]+x[0-9a-v]*"( \*)?$/);
  });

  it('escapes LIKE wildcards and the escape character', () => {
    expect(containsPattern('100%_\\')).toBe('%100\\%\\_\\\\%');
  });
});
