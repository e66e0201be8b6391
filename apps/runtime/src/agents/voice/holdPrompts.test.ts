import { describe, expect, it } from 'vitest';
import { callbackConfirmation, holdLanguage, holdPrompt } from './holdPrompts.ts';

describe('hold prompts (issue 16, voice waiting)', () => {
  const place = { position: 3, estimatedWaitSeconds: 250 };
  const options = { announcePosition: true, callbackKey: '1' };

  it('says the place, the wait in minutes and the callback key in the session’s language', () => {
    expect(holdPrompt('en-US', place, options)).toBe(
      'You are number 3 in the queue. The estimated wait is about 4 minutes. To be called back without losing your place, press 1.',
    );
    expect(holdPrompt('zh-CN', place, options)).toBe(
      '您目前排在第3位，预计等待约4分钟。如需保留排队位置并等候回电，请按1。',
    );
    expect(holdPrompt('ko-KR', place, options)).toBe(
      '현재 대기 순서는 3번째입니다. 예상 대기 시간은 약 4분입니다. 대기 순서를 유지한 채 다시 전화를 받으시려면 1번을 누르세요.',
    );
  });

  it('leaves out what the queue does not offer and adds the queue node’s own message', () => {
    expect(
      holdPrompt('en', place, { announcePosition: false, callbackKey: null, message: 'Thanks for waiting.' }),
    ).toBe('Thanks for waiting.');
    expect(holdPrompt('en', undefined, { announcePosition: true, callbackKey: '#' })).toBe(
      'To be called back without losing your place, press #.',
    );
  });

  it('maps locale tags to the three prompt languages, English otherwise', () => {
    expect(['zh', 'zh-Hans-CN', 'ko', 'ko_KR', 'fr-FR', 'en-GB'].map(holdLanguage)).toEqual([
      'zh-CN',
      'zh-CN',
      'ko',
      'ko',
      'en',
      'en',
    ]);
    expect(callbackConfirmation('ko-KR')).toContain('대기 순서는 그대로');
  });
});
