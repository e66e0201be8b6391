import { describe, expect, it } from 'vitest';
import { DESK_LANGUAGES } from './deskMessages.ts';
import { translateVoice, VOICE_MESSAGES } from './voiceMessages.ts';

describe('voice leg messages (issue 16)', () => {
  it('has every message in every language, translated and with the same parameters', () => {
    const english = VOICE_MESSAGES.en;
    const params = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').toSorted();
    for (const language of DESK_LANGUAGES) {
      const messages = VOICE_MESSAGES[language];
      expect(Object.keys(messages).toSorted()).toEqual(Object.keys(english).toSorted());
      for (const [key, text] of Object.entries(messages)) {
        const source = english[key as keyof typeof english];
        expect(text.trim(), `${language} ${key}`).not.toBe('');
        expect(params(text), `${language} ${key}`).toEqual(params(source));
        expect(language !== 'en' && text === source, `${language} ${key} is still English`).toBe(false);
      }
    }
  });

  it('fills the callback number', () => {
    expect(translateVoice('zh-CN', 'callbackNumber', { number: '****' })).toBe(
      '请回电给客户：****；客户保留了排队位置。',
    );
  });
});
