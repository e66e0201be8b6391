import { describe, expect, it } from 'vitest';
import { DESK_LANGUAGES } from './deskMessages.ts';
import { ADMIN_MESSAGES, translateAdmin } from './adminMessages.ts';

describe('administration messages (issue 16, point 1)', () => {
  it('has every message in every language, translated, with the parameters of the English one', () => {
    const english: Record<string, string> = ADMIN_MESSAGES.en;
    const params = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').toSorted();
    for (const language of DESK_LANGUAGES.filter((l) => l !== 'en')) {
      const messages: Record<string, string> = ADMIN_MESSAGES[language];
      expect(Object.keys(messages).toSorted()).toEqual(Object.keys(english).toSorted());
      for (const [key, text] of Object.entries(messages)) {
        expect(params(text), `${language} ${key}`).toEqual(params(english[key] ?? ''));
        expect(text !== english[key] && text.trim() !== '', `${language} ${key} is empty or English`).toBe(true);
      }
    }
  });

  it('fills parameters', () => {
    expect(translateAdmin('zh-CN', 'problem.range', { min: 1, max: 10 })).toBe('请输入 1 到 10 之间的整数。');
  });
});
