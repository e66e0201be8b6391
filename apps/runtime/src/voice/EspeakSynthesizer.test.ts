import { exampleFlows } from '@omniflow/examples';
import { beforeAll, describe, expect, it } from 'vitest';
import { EspeakSynthesizer } from './EspeakSynthesizer.ts';
import { powerDbfs } from './pcm.ts';
import { runProcess } from './runProcess.ts';

const never = new AbortController().signal;
const ENGLISH_NUMBERS = 'zero one two three four five six seven eight nine ten eleven twelve twenty hundred thousand';

/** Values a session would put into the example prompts' {{variables}}, in the shape the banking plugin formats. */
const SAMPLE_VALUES: Record<'zh-CN' | 'ko-KR', Record<string, string>> = {
  'zh-CN': {
    customerName: '王芳',
    balanceText: '¥1,234.50',
    cardLastFour: '1234',
    replacementEta: '2026-12-15',
    passengerName: '李明',
    transactionsSummary: '2026-11-20, 超市, -¥84.12；2026-11-19, 工资, +¥8,000.00',
    cancelledFlight: 'OM123',
    offeredFlight: 'OM125',
    offeredDeparture: '2026-12-08 14:05',
    confirmation: 'X7K2P9',
  },
  'ko-KR': {
    customerName: '김민지',
    cardLastFour: '1234',
    balanceText: '₩1,234,500',
    transactionsSummary: '2026-11-20, 마트, -₩84,120',
  },
};

/** What the engine adds to prompts in DTMF and voice (menus, hints), as renderMenu and renderAskHint word them. */
const ENGINE_LINES: Record<'zh-CN' | 'ko-KR', string[]> = {
  'zh-CN': [
    '余额查询请按1。挂失银行卡请按2。人工服务请按0。重听请按9。',
    '是请按1，否请按2。',
    '请在电话键盘上输入4位数字，以井号键结束。',
    '请输入1到4位数字。',
    '请说出日期，例如1990年5月17日。',
    '请输入金额，例如12.50。',
  ],
  'ko-KR': [
    '잔액 조회는 1번을 누르세요. 카드 분실 신고는 2번을 누르세요.',
    '예는 1번, 아니요는 2번을 누르세요.',
    '키패드로 4자리 숫자를 입력하신 후 우물 정자를 누르세요.',
    '1~4자리 숫자를 입력하세요.',
    '날짜를 말씀하세요. 예를 들어 1990년 5월 17일.',
    '금액을 입력하세요. 예: 12500',
  ],
};

/** Every zh-CN or ko-KR prompt text of the example flows, variables filled in, plus the engine's own lines. */
function examplePrompts(locale: 'zh-CN' | 'ko-KR'): string[] {
  const texts = new Set<string>(ENGINE_LINES[locale]);
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === 'object' && value !== null) {
      for (const [key, child] of Object.entries(value)) {
        if (key === locale && typeof child === 'string')
          texts.add(child.replace(/\{\{(\w+)\}\}/gu, (_, name: string) => SAMPLE_VALUES[locale][name] ?? '1234'));
        else walk(child);
      }
    }
  };
  exampleFlows.forEach((example) => walk(example.flow));
  return [...texts];
}

/** The English number words (as en-us phonemes) found in espeak-ng phoneme output, tone digits stripped. */
function englishNumberWords(phonemes: string, english: readonly string[]): string[] {
  const words = phonemes.replace(/\d/gu, '').split(/[\s_|!]+/u);
  return english.filter((number) => words.some((word) => word.includes(number)));
}

async function soxStat(bytes: Uint8Array, format: readonly string[]): Promise<{ seconds: number; rms: number }> {
  const result = await runProcess('sox', [...format, '-', '-n', 'stat'], { input: bytes, timeoutMs: 10_000 });
  const value = (label: string) => Number(new RegExp(`${label}:\\s*([\\d.]+)`, 'u').exec(result.stderr)?.[1]);
  return { seconds: value('Length \\(seconds\\)'), rms: value('RMS\\s+amplitude') };
}

describe('EspeakSynthesizer', { timeout: 30_000 }, () => {
  const espeak = new EspeakSynthesizer();

  it('picks the Mandarin and Korean voices Debian espeak-ng ships', () => {
    expect(espeak.voiceFor('zh-CN')).toBe('cmn-latn-pinyin');
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

  describe('reads Chinese and Korean numbers in the language (issue 19)', () => {
    let english: string[] = [];
    beforeAll(async () => {
      const result = await runProcess('espeak-ng', ['-v', 'en-us', '-q', '-x', ENGLISH_NUMBERS], { timeoutMs: 10_000 });
      english = result.stdout.toString('utf8').trim().split(/\s+/u);
      if (english.length !== ENGLISH_NUMBERS.split(' ').length)
        throw new Error(`espeak-ng en-us gave ${english.length} words for the English numbers`);
    });

    it('catches the old reading: the plain cmn voice says tone digits as English words', async () => {
      const old = new EspeakSynthesizer({ voices: { zh: 'cmn' } });
      expect(englishNumberWords(await old.phonemes('你好，请按1', 'zh-CN', never), english)).not.toEqual([]);
    });

    it.each(['zh-CN', 'ko-KR'] as const)(
      'leaves no English word for a number or symbol in any %s example prompt',
      async (locale) => {
        const prompts = examplePrompts(locale);
        expect(prompts.length).toBeGreaterThan(20);
        for (const prompt of prompts) {
          const phonemes = await espeak.phonemes(prompt, locale, never);
          expect({ prompt, english: englishNumberWords(phonemes, english) }).toEqual({ prompt, english: [] });
          // No switch to English either: the old voices said "tilde" for ~ and "percent" for %.
          expect({ prompt, phonemes }).not.toMatchObject({ phonemes: expect.stringContaining('(en)') });
        }
      },
    );

    it('speaks the key of 请按1 as yi1 and of 1번 as il', async () => {
      expect(await espeak.phonemes('请按1', 'zh-CN', never)).toMatch(/'a51n_\| j'i55_\|/u);
      expect(await espeak.phonemes('1번을 누르세요', 'ko-KR', never)).toMatch(/^\s*'iL p@n/u);
    });

    it.each(['zh-CN', 'ko-KR'] as const)(
      'synthesizes %s prompts with digits to audible audio at both gateway rates',
      async (locale) => {
        const prompt = ENGINE_LINES[locale][0] ?? '';
        const audio = await espeak.synthesize(prompt, locale, never);
        const pcm = await soxStat(
          new Uint8Array(audio.pcm16k.buffer, audio.pcm16k.byteOffset, audio.pcm16k.byteLength),
          ['-t', 'raw', '-r', '16000', '-e', 'signed', '-b', '16', '-c', '1'],
        );
        const mulaw = await soxStat(audio.mulaw8k, ['-t', 'ul', '-r', '8000', '-c', '1']);
        expect(pcm.seconds).toBeGreaterThan(2);
        expect(pcm.seconds * 1000).toBeCloseTo(audio.durationMs, -1);
        expect(mulaw.seconds).toBeCloseTo(pcm.seconds, 2);
        expect(pcm.rms).toBeGreaterThan(0.01);
      },
    );
  });
});
