import { describe, expect, it } from 'vitest';
import { redactText } from './redactText.ts';

describe('redactText', () => {
  it('replaces each value with its type tag and reports offsets in the original text', () => {
    const text = 'Card 4111 1111 1111 1111, mail wei@example.com';
    const { redacted, entities } = redactText(text, { locale: 'en' });
    expect(redacted).toBe('Card [CARD], mail [EMAIL]');
    expect(entities.map((entity) => text.slice(entity.start, entity.end))).toEqual([
      '4111 1111 1111 1111',
      'wei@example.com',
    ]);
  });

  it('finds a card typed in full-width digits and keeps the original offsets', () => {
    const text = '卡号４１１１ １１１１ １１１１ １１１１谢谢';
    const { redacted, entities } = redactText(text, { locale: 'zh-CN' });
    expect(redacted).toBe('卡号[CARD]谢谢');
    expect(entities[0]).toMatchObject({ type: 'card', start: 2, end: 21 });
  });

  it('leaves order numbers that fail Luhn, dates, amounts and times intact', () => {
    const text = 'Order 4111111111111112 of 2024-05-17 at 14:30 cost $1,234.56 (¥12,000.00, 1,250,000원)';
    expect(redactText(text, { locale: 'en' })).toEqual({ redacted: text, entities: [] });
  });

  it('prefers the national ID when an 18-digit ID also passes Luhn', () => {
    // 11010519491231002X ends in X; this all-digit ID passes both checks.
    const id = '110101199003070011';
    expect(redactText(`ID ${id}`, { locale: 'zh-CN' }).redacted).toBe('ID [CN_ID]');
  });

  it('finds phone numbers of China, Korea, the US and in E.164 whatever the locale', () => {
    const text = '13800138000 / 010-1234-5678 / (415) 555-2671 / +44 20 7946 0958';
    expect(redactText(text, { locale: 'en' }).redacted).toBe('[PHONE] / [PHONE] / [PHONE] / [PHONE]');
  });

  it('redacts only the requested types', () => {
    expect(redactText('4111111111111111 a@example.com', { types: ['email'] }).redacted).toBe(
      '4111111111111111 [EMAIL]',
    );
  });

  it('redacts configured account numbers and skips an invalid pattern instead of throwing', () => {
    const { redacted } = redactText('Account ACC-12345678 and GB-998877', {
      accountPatterns: ['(a', 'ACC-\\d{8}', '[A-Z]{2}-\\d{6}'],
    });
    expect(redacted).toBe('Account [ACCOUNT] and [ACCOUNT]');
  });

  it.each([
    ['empty', ''],
    ['emoji only', '😡😡👍'],
    ['mixed languages', 'My 卡号 is 카드 4111-1111-1111-1111 ok'],
    ['lone surrogates', '\ud800 4111 1111 1111 1111 \udfff'],
  ])('does not throw on %s', (_name, text) => {
    expect(() => redactText(text, { locale: 'ko-KR' })).not.toThrow();
  });

  it('redacts a 100 KB paste full of digits in well under a turn budget', () => {
    const chunk = 'Order 4111111111111112 on 2024-05-17, card 5555 5555 5555 4444, call 010-1234-5678. ';
    const text = chunk.repeat(Math.ceil(100_000 / chunk.length));
    const started = performance.now();
    const { entities } = redactText(text, { locale: 'en' });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(entities.filter((entity) => entity.type === 'card').length).toBe(Math.ceil(100_000 / chunk.length));
  });
});
