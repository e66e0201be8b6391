import { describe, expect, it } from 'vitest';
import { DESK_LANGUAGES, DESK_MESSAGES, translateDesk } from './deskMessages.ts';

describe('desk messages (issue 16)', () => {
  it('has every message in every language, translated and with the same parameters', () => {
    const english = DESK_MESSAGES.en;
    for (const language of DESK_LANGUAGES) {
      const messages = DESK_MESSAGES[language];
      expect(Object.keys(messages).toSorted()).toEqual(Object.keys(english).toSorted());
      for (const [key, text] of Object.entries(messages)) {
        expect(text.trim(), `${language} ${key}`).not.toBe('');
        const params = (t: string): string[] => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').toSorted();
        expect(params(text), `${language} ${key}`).toEqual(params(english[key as keyof typeof english]));
        const untranslated = language !== 'en' && text === english[key as keyof typeof english];
        expect(untranslated, `${language} ${key} is still English`).toBe(false);
      }
    }
  });

  it('fills parameters', () => {
    expect(translateDesk('ko', 'secondsLeft', { seconds: 12 })).toBe('12초 남음');
  });
});
