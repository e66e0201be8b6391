import { describe, expect, it } from 'vitest';
import { analyzeLine } from './analyzeLine.ts';

describe('analyzeLine', () => {
  it('answers with the CLI output shape: sentiment, label, redacted text and entities', () => {
    const result = analyzeLine({ text: '我要投诉，卡号 4111 1111 1111 1111 被冻结了', locale: 'zh-CN' });
    expect(result.label).toBe('negative');
    expect(result.sentiment).toBeLessThan(0);
    expect(result.redacted).toBe('我要投诉，卡号 [CARD] 被冻结了');
    expect(result.entities).toEqual([{ type: 'card', start: 8, end: 27 }]);
  });
});

// Issue 17: bad input never crashes analysis or slows a turn past its target.
describe('analyzeLine on bad input', () => {
  const hundredKb = 'My card 4111 1111 1111 1111 was charged twice, 我很不满意, 정말 화나요 😡 '.repeat(1400);

  it.each([
    ['empty text', '', 'en'],
    ['emoji only', '😡👍🙏❤️', 'en'],
    ['mixed languages', 'The app is great 但是客服太差了 상담원 최악 4111-1111-1111-1111', 'ko-KR'],
    ['an unknown locale', 'merci beaucoup', 'fr-FR'],
    ['control characters and lone surrogates', '\u0000\ud800\u202e 010-1234-5678 \udfff', 'zh-CN'],
    ['100 KB of text', hundredKb, 'zh-CN'],
  ])('answers %s without throwing', (_name, text, locale) => {
    const result = analyzeLine({ text, locale });
    expect(result.sentiment).toBeGreaterThanOrEqual(-1);
    expect(result.sentiment).toBeLessThanOrEqual(1);
    expect(result.redacted).not.toMatch(/4111/u);
  });

  it('keeps a 100 KB turn within a few hundred milliseconds on a shared machine', () => {
    const started = performance.now();
    analyzeLine({ text: hundredKb, locale: 'en' });
    expect(performance.now() - started).toBeLessThan(1500);
  });
});
