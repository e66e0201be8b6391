import { describe, expect, it } from 'vitest';
import { parseJsonPath, readJsonPath } from './jsonPathSubset.ts';

describe('JSONPath subset', () => {
  const doc = { a: { b: [{ c: 1 }, { 'd e': 'x' }] }, list: ['p', 'q'] };

  it('reads members, indexes and quoted members', () => {
    expect(readJsonPath(doc, '$.a.b[0].c')).toBe(1);
    expect(readJsonPath(doc, "$.a.b[1]['d e']")).toBe('x');
    expect(readJsonPath(doc, '$.list[1]')).toBe('q');
    expect(readJsonPath(doc, '$')).toEqual(doc);
  });

  it('yields undefined for missing steps and never walks the prototype', () => {
    expect(readJsonPath(doc, '$.a.z.y')).toBeUndefined();
    expect(readJsonPath(doc, '$.list[9]')).toBeUndefined();
    expect(readJsonPath(doc, '$.a.constructor')).toBeUndefined();
  });

  it('refuses paths outside the subset', () => {
    expect(parseJsonPath('a.b')).toBeNull();
    expect(parseJsonPath('$..b')).toBeNull();
    expect(parseJsonPath('$.a[*]')).toBeNull();
  });
});
