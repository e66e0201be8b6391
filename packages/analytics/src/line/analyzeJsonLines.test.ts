import { describe, expect, it } from 'vitest';
import { analyzeJsonLines } from './analyzeJsonLines.ts';

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('analyzeJsonLines', () => {
  it('analyzes each line, skips blank ones and reports bad ones by number', async () => {
    async function* lines(): AsyncIterable<string> {
      yield '{"text": "Thank you so much!", "locale": "en"}';
      yield '';
      yield 'not json';
      yield '{"text": 5}';
      yield '[1, 2]';
      yield '{"text": "정말 최악이에요", "locale": "ko-KR"}';
    }
    const results = await collect(analyzeJsonLines(lines()));
    expect(results.map((result) => ('error' in result ? `error@${result.line}` : result.label))).toEqual([
      'positive',
      'error@3',
      'error@4',
      'error@5',
      'negative',
    ]);
  });

  it('accepts a plain array of lines', async () => {
    const [result] = await collect(analyzeJsonLines(['{"text": "call me at 010-1234-5678", "locale": "ko-KR"}']));
    expect(result).toMatchObject({ redacted: 'call me at [PHONE]' });
  });
});
