import type { OutputEvent } from '@omniflow/flow-engine';
import { describe, expect, it } from 'vitest';
import { renderTwiml } from './renderTwiml.ts';
import { twilioSpeechFor } from './twilioSpeechFor.ts';

const say = (text: string, locale: string): OutputEvent => ({ type: 'say', nodeId: 'n', text, locale, bargeIn: true });
const prompt: OutputEvent = {
  type: 'prompt',
  nodeId: 'n',
  channel: 'voice',
  expect: {
    dtmf: { minDigits: 1, maxDigits: 1, interDigitTimeoutMs: 3000 },
    speech: { grammar: null, endOfSpeechMs: 800, maxUtteranceMs: 10_000 },
    sensitive: false,
    noInputTimeoutMs: 5000,
    bargeIn: true,
  },
};

describe('twilioSpeechFor', () => {
  it('gives Twilio a region for a bare or lower-case language tag', () => {
    expect(twilioSpeechFor('zh').gatherLanguage).toBe('zh-CN');
    expect(twilioSpeechFor('ko').gatherLanguage).toBe('ko-KR');
    expect(twilioSpeechFor('en-us').gatherLanguage).toBe('en-US');
    expect(twilioSpeechFor('fr-CA')).toEqual({ gatherLanguage: 'fr-CA', sayLanguage: 'fr-CA', voice: null });
  });

  it('names a voice that speaks Mandarin and Korean', () => {
    expect(twilioSpeechFor('zh-CN')).toEqual({ gatherLanguage: 'zh-CN', sayLanguage: 'cmn-CN', voice: 'Polly.Zhiyu' });
    expect(twilioSpeechFor('ko-KR')).toEqual({ gatherLanguage: 'ko-KR', sayLanguage: 'ko-KR', voice: 'Polly.Seoyeon' });
  });
});

describe('renderTwiml locale', () => {
  it('listens for Korean speech after a Korean prompt with a Korean voice', () => {
    const twiml = renderTwiml([say('잔액 조회는 1번을 누르세요.', 'ko-KR'), prompt], {
      gatherUrl: '/g',
      locale: 'ko-KR',
      channel: 'voice',
    });
    expect(twiml).toMatch(
      /<Gather [^>]*input="dtmf speech"[^>]*language="ko-KR"[^>]*><Say language="ko-KR" voice="Polly.Seoyeon">잔액/,
    );
  });

  it('follows the locale of the prompt it gathers after, not only the session default', () => {
    const twiml = renderTwiml([say('Hello.', 'en-US'), say('您好。', 'zh-CN'), prompt], {
      gatherUrl: '/g',
      locale: 'en-US',
      channel: 'voice',
    });
    expect(twiml).toMatch(/<Gather [^>]*language="zh-CN"/);
    expect(twiml).toContain('<Say language="en-US" voice="Polly.Joanna">Hello.</Say>');
  });
});
