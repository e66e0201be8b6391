import { describe, expect, it } from 'vitest';
import { detectOptOut } from './detectOptOut.ts';

const said = (text: string, kind = 'speech') => [
  { from: 'bot', text: 'Hello.' },
  { from: 'caller', kind, text },
];

describe('detectOptOut', () => {
  it('hears "stop calling me" in English, Chinese and Korean', () => {
    for (const text of [
      'please stop calling me',
      "Don't call me again",
      'take me off your list',
      '不要再打了',
      '别再给我打电话了',
      '전화하지 마세요',
      '다시는 전화하지 마',
    ])
      expect({ text, optedOut: detectOptOut(said(text), undefined) }).toEqual({ text, optedOut: true });
  });

  it('takes the opt-out key only as a whole keypad entry', () => {
    expect(detectOptOut(said('9', 'dtmf'), '9')).toBe(true);
    expect(detectOptOut(said('9#', 'dtmf'), '9')).toBe(true);
    expect(detectOptOut(said('19', 'dtmf'), '9')).toBe(false);
    expect(detectOptOut(said('9', 'dtmf'), undefined)).toBe(false);
  });

  it("leaves ordinary answers and the bot's own words alone", () => {
    for (const text of ['yes I will pay on Friday', 'call me tomorrow', '我下周打给你', '내일 전화 주세요'])
      expect({ text, optedOut: detectOptOut(said(text), '9') }).toEqual({ text, optedOut: false });
    expect(detectOptOut([{ from: 'bot', text: 'Say stop calling me to opt out.' }], '9')).toBe(false);
  });
});
