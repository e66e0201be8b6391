import { describe, expect, it } from 'vitest';
import { foreignPronunciation } from './foreignPronunciation.ts';

const phones = (text: string, language: 'zh' | 'ko'): string | undefined =>
  foreignPronunciation(text, language)?.join(' ');

describe('foreignPronunciation', () => {
  it('spells Mandarin through pinyin with the en-US phones, tones dropped and polyphones read in context', () => {
    expect(phones('余额查询', 'zh')).toBe('Y UW AH CH AA SH Y UW N');
    // 银行 is yin hang (not xing), 挂失 gua shi with the apical vowel of shi as ER.
    expect(phones('挂失银行卡', 'zh')).toBe('G W AA SH ER IY N HH AA NG K AA');
    expect(phones('人工服务', 'zh')).toBe('ZH AH N G UH NG F UW UW');
    // y and w are glides: ye = ie, you = iou, yue = üe, wo = uo; zi has its own vowel.
    expect(phones('营业', 'zh')).toBe('IH NG Y EH');
    expect(phones('有月我', 'zh')).toBe('Y OW Y UW EH W AO');
    expect(phones('最', 'zh')).toBe('D Z W EY');
    expect(phones('字', 'zh')).toBe('D Z IH');
  });

  it('spells Korean from the Hangul jamo with liaison, voicing and nasalization', () => {
    expect(phones('상담원', 'ko')).toBe('S AA NG D AA M W AH N'); // ㅁ carried over to 원
    expect(phones('영업시간', 'ko')).toBe('Y AH NG AH P S IY G AA N'); // ㄱ voiced between vowels
    expect(phones('합니다', 'ko')).toBe('HH AA M N IY D AA'); // ㅂ before ㄴ is M
    expect(phones('일 번', 'ko')).toBe('IY L P AH N'); // each word starts unvoiced
  });

  it('returns null when there is nothing of the language to pronounce', () => {
    expect(foreignPronunciation('ATM 123', 'zh')).toBeNull();
    expect(foreignPronunciation('hello', 'ko')).toBeNull();
  });
});
