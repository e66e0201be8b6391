import { describe, expect, it } from 'vitest';
import { getAtPointer, joinPointer, pointerSegments, setAtPointer } from './jsonPointer.ts';

describe('jsonPointer', () => {
  it('writes through missing containers, making arrays for numeric segments', () => {
    expect(setAtPointer({}, '/options/0/label/zh-CN', '激活卡')).toEqual({
      options: [{ label: { 'zh-CN': '激活卡' } }],
    });
  });

  it('removes an array item when undefined is written at its index', () => {
    const config = { options: [{ key: '1' }, { key: '2' }, { key: '3' }] };
    expect(setAtPointer(config, '/options/1', undefined)).toEqual({ options: [{ key: '1' }, { key: '3' }] });
    expect(config.options).toHaveLength(3);
  });

  it('removes an object key when undefined is written', () => {
    expect(setAtPointer({ a: 1, b: 2 }, '/a', undefined)).toEqual({ b: 2 });
  });

  it('round-trips escaped segments', () => {
    const pointer = joinPointer(['headers', 'a/b', 'c~d']);
    expect(pointer).toBe('/headers/a~1b/c~0d');
    expect(pointerSegments(pointer)).toEqual(['headers', 'a/b', 'c~d']);
    expect(getAtPointer({ headers: { 'a/b': { 'c~d': 1 } } }, pointer)).toBe(1);
  });

  it('reads undefined past a missing step instead of throwing', () => {
    expect(getAtPointer({ a: 'text' }, '/a/b/c')).toBeUndefined();
  });
});
