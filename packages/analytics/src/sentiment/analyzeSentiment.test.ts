import { describe, expect, it } from 'vitest';
import { analyzeSentiment, MAX_SENTIMENT_CHARS } from './analyzeSentiment.ts';

describe('analyzeSentiment', () => {
  it.each([
    ['en', 'I am happy with the service', 'I am not happy with the service'],
    ['zh-CN', '我对服务很满意', '我对服务不满意'],
    ['ko-KR', '서비스가 좋아요', '서비스가 안 좋아요'],
    ['ko-KR', '서비스가 좋아요', '서비스가 좋지 않아요'],
    ['zh-CN', '问题解决了', '问题解决不了'],
  ])('flips a positive word after or before a negator in %s', (locale, positive, negated) => {
    expect(analyzeSentiment(positive, locale).label).toBe('positive');
    expect(analyzeSentiment(negated, locale).label).toBe('negative');
  });

  it.each([
    ['en', 'the agent was rude', 'the agent was very rude'],
    ['zh-CN', '服务差', '服务非常差'],
    ['ko-KR', '불친절해요', '너무 불친절해요'],
  ])('scores an intensified word further from zero in %s', (locale, plain, intensified) => {
    expect(analyzeSentiment(intensified, locale).score).toBeLessThan(analyzeSentiment(plain, locale).score);
  });

  it('reads each word of a mixed-language turn with the lexicon of its script', () => {
    expect(analyzeSentiment('The app is great, 但是客服太差了，我要投诉', 'en').label).toBe('negative');
    expect(analyzeSentiment('상담원 최악이에요 😡', 'zh-CN').label).toBe('negative');
  });

  it('treats request words as neutral rather than positive', () => {
    expect(analyzeSentiment('Please help me, I would like to check my balance', 'en').label).toBe('neutral');
  });

  it.each([
    ['empty', ''],
    ['whitespace', '   \n\t '],
    ['emoji only', '😡😡😡'],
    ['symbols only', '???!!!...'],
    ['an unknown locale', 'thank you so much'],
    ['lone surrogates', '\ud800abc\udfff'],
  ])('returns a bounded score for %s', (_name, text) => {
    const { score, label } = analyzeSentiment(text, 'xx-YY');
    expect(score).toBeGreaterThanOrEqual(-1);
    expect(score).toBeLessThanOrEqual(1);
    expect(['negative', 'neutral', 'positive']).toContain(label);
  });

  it('reads an emoji-only turn by its emoji', () => {
    expect(analyzeSentiment('😡😡', 'en').label).toBe('negative');
    expect(analyzeSentiment('👍😊', 'ko-KR').label).toBe('positive');
  });

  it('analyzes only the start of a 100 KB paste, so the turn stays fast', () => {
    const angry = 'terrible awful useless service. ';
    const paste =
      angry.repeat(Math.ceil(MAX_SENTIMENT_CHARS / angry.length)) + 'wonderful great perfect thanks '.repeat(3300);
    const started = performance.now();
    const result = analyzeSentiment(paste, 'en');
    expect(performance.now() - started).toBeLessThan(200);
    expect(result.label).toBe('negative');
  });
});
