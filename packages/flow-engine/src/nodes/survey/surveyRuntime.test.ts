import { describe, expect, it } from 'vitest';
import { buildTestFlow } from '../../testing/buildTestFlow.ts';
import { startTestSession } from '../../testing/startTestSession.ts';

const text = (en: string, zh: string, ko: string) => ({ text: { 'en-US': en, 'zh-CN': zh, 'ko-KR': ko } });

/** Rating, NPS and a comment, then thanks. */
const surveyFlow = buildTestFlow(
  [
    {
      id: 'rating',
      type: 'survey',
      config: {
        prompt: text('How satisfied were you?', '您对服务满意吗？', '서비스에 만족하셨나요?'),
        scale: 'rating',
        variable: 'rating',
        noMatch: { maxRetries: 1 },
        noInput: { maxRetries: 0 },
      },
      to: { next: 'nps', noMatch: 'bye', noInput: 'bye' },
    },
    {
      id: 'nps',
      type: 'survey',
      config: {
        prompt: text('Would you recommend us?', '您会推荐我们吗？', '추천하시겠어요?'),
        scale: 'nps',
        variable: 'nps',
      },
      to: { next: 'comment', noMatch: 'bye', noInput: 'bye' },
    },
    {
      id: 'comment',
      type: 'survey',
      config: {
        prompt: text('Anything else?', '还有其他意见吗？', '다른 의견이 있으신가요?'),
        scale: 'comment',
        variable: 'comment',
      },
      to: { next: 'bye', noMatch: 'bye', noInput: 'bye' },
    },
    { id: 'bye', type: 'end', config: { prompt: text('Thank you.', '谢谢。', '감사합니다.') } },
  ],
  {
    locales: ['en-US', 'zh-CN', 'ko-KR'],
    variables: [
      { name: 'rating', type: 'number' },
      { name: 'nps', type: 'number' },
      { name: 'comment', type: 'string' },
    ],
  },
);

describe('survey', () => {
  it('takes a rating and a two-digit NPS by key, and skips the comment on the keypad', async () => {
    await startTestSession(surveyFlow, 'dtmf')
      .expectPrompt('How satisfied were you? Press 1 to 5.')
      .press('6')
      .expectPrompt(/How satisfied/)
      .press('4')
      .expectPrompt('Press 0 to 10, then the hash key.')
      .press('10#')
      .expectPrompt('Press any key to skip.')
      .press('1')
      .expectVariables({ rating: 4, nps: 10, comment: '' })
      .expectEnd('completed');
  });

  it('hears spoken scores and a free comment on voice', async () => {
    await startTestSession(surveyFlow, 'voice')
      .expectPrompt('Say or press a number from 1 to 5.')
      .say('five')
      .say('nine')
      .expectPrompt('Please say your comment.')
      .say('the agent was very helpful')
      .expectVariables({ rating: 5, nps: 9, comment: 'the agent was very helpful' })
      .expectPrompt('Thank you.');
  });

  it('offers the scale as quick replies in chat and reads Chinese and Korean numbers', async () => {
    await startTestSession(surveyFlow, 'chat', { locale: 'zh-CN' })
      .expectChoices(['1', '2', '3', '4', '5'])
      .type('五')
      .type('八')
      .type('很好')
      .expectVariables({ rating: 5, nps: 8, comment: '很好' });
    await startTestSession(surveyFlow, 'chat', { locale: 'ko-KR' })
      .expectPrompt('1부터 5까지 숫자로 답해 주세요.')
      .type('3')
      .type('10')
      .type('친절했어요')
      .expectVariables({ rating: 3, nps: 10, comment: '친절했어요' });
  });

  it('takes noMatch after an out-of-range score is asked again and missed again', async () => {
    const noComment = await startTestSession(surveyFlow, 'chat').type('4').type('8').type('12');
    expect(noComment.last.variables['comment']).toBeUndefined();
    const done = await startTestSession(surveyFlow, 'chat').type('0').type('seven');
    expect(done.last.status).toBe('ended');
    expect(done.last.variables['rating']).toBeUndefined();
  });
});
