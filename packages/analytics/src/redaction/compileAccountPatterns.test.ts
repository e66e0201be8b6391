import { describe, expect, it } from 'vitest';
import { compileAccountPatterns } from './compileAccountPatterns.ts';

describe('compileAccountPatterns', () => {
  it('reports patterns RE2 cannot run, that match nothing at all, or are too long, and keeps the good ones', () => {
    const { matchers, issues } = compileAccountPatterns(['ACC-\\d{8}', '(\\d)\\1', '\\d*', 'x'.repeat(201)]);
    expect(matchers).toHaveLength(1);
    expect(issues.map((issue) => [issue.code, issue.index])).toEqual([
      ['ACCOUNT003', 1],
      ['ACCOUNT004', 2],
      ['ACCOUNT002', 3],
    ]);
    expect(issues[1]?.message).toMatch(/\\d\+/u);
  });

  it('runs a pattern that would backtrack catastrophically in linear time', () => {
    const [matcher] = compileAccountPatterns(['(a+)+b']).matchers;
    const started = performance.now();
    expect(matcher?.matcher('a'.repeat(30_000)).find()).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
