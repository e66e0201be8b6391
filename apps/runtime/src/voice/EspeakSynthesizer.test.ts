import { describe, expect, it } from 'vitest';
import { EspeakSynthesizer } from './EspeakSynthesizer.ts';
import { powerDbfs } from './pcm.ts';

const never = new AbortController().signal;

describe('EspeakSynthesizer', { timeout: 30_000 }, () => {
  const espeak = new EspeakSynthesizer();

  it('picks the Mandarin and Korean voices Debian espeak-ng ships', () => {
    expect(espeak.voiceFor('zh-CN')).toBe('cmn');
    expect(espeak.voiceFor('ko-KR')).toBe('ko');
    expect(espeak.voiceFor('fr-FR')).toBeNull();
  });

  it('speaks Mandarin and Korean, longer text taking longer', async () => {
    for (const [locale, short, long] of [
      ['zh-CN', '你好', '你好，欢迎致电银行。请说出您要办理的业务。'],
      ['ko-KR', '안녕하세요', '안녕하세요, 은행에 전화해 주셔서 감사합니다. 원하시는 업무를 말씀해 주세요.'],
    ] as const) {
      const a = await espeak.synthesize(short, locale, never);
      const b = await espeak.synthesize(long, locale, never);
      expect(a.pcm16k.length).toBe(a.mulaw8k.length * 2);
      expect(powerDbfs(a.pcm16k)).toBeGreaterThan(-40);
      expect(b.durationMs).toBeGreaterThan(a.durationMs * 2);
    }
  });

  it('reads text starting with a dash as words, not options', async () => {
    const audio = await espeak.synthesize('--help me', 'en-US', never);
    expect(audio.durationMs).toBeGreaterThan(300);
    expect(powerDbfs(audio.pcm16k)).toBeGreaterThan(-40);
  });
});
