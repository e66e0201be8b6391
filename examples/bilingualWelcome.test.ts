import { describe, expect, it } from 'vitest';
import { startTestSession, type TestSessionResult } from '@omniflow/flow-engine/testing';
import { exampleFlow } from './exampleFlows.ts';

const flow = exampleFlow('bilingual-welcome.json');

/** The locales the latest turn spoke in, in order. */
function voices(state: TestSessionResult): string[] {
  return state.last.outputs.flatMap((output) => (output.type === 'say' ? [output.locale] : []));
}

describe('bilingual welcome example', () => {
  it('offers each language in its own language on the keypad and serves the caller in Chinese after 2', async () => {
    await startTestSession(flow, 'dtmf')
      .expectPrompt('For English, press 1.')
      .expectPrompt('中文请按2。')
      .expectPrompt('한국어는 3번을 누르세요.')
      .check(
        'each line is voiced in its own language',
        (state) => voices(state).join(' ') === 'en-US en-US zh-CN ko-KR',
      )
      .press('2')
      .expectPrompt(/请问需要什么帮助？营业时间请按1。/)
      .press('1')
      .expectPrompt('我们的网点周一至周五九点到五点营业。')
      .expectPrompt('感谢致电全能银行，再见。')
      .expectEnd('completed');
  });

  it('hears "Korean" on voice and transfers in Korean, telling the agent the chosen locale', async () => {
    const { last } = await startTestSession(flow, 'voice')
      .say('Korean')
      .expectPrompt(/무엇을 도와드릴까요/)
      .say('상담원')
      .expectPrompt('상담원에게 연결해 드리겠습니다.')
      .expectTransfer('general');
    expect(last.outputs).toContainEqual(
      expect.objectContaining({ type: 'transfer', reason: 'Caller chose ko-KR at the welcome' }),
    );
  });

  it('offers the languages as quick replies in chat and goes on in English when the caller picks none', async () => {
    await startTestSession(flow, 'chat')
      .expectChoices(['English', '中文', '한국어'])
      .type('French')
      .type('Klingon')
      .expectPrompt('How can we help?')
      .expectChoices(['opening hours', 'an agent']);
  });
});
