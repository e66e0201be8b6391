import { describe, it } from 'vitest';
import { buildTestFlow } from '../../testing/buildTestFlow.ts';
import { startTestSession } from '../../testing/startTestSession.ts';

const text = (en: string, zh: string, ko: string) => ({ text: { 'en-US': en, 'zh-CN': zh, 'ko-KR': ko } });
const clock = { now: () => Date.parse('2026-12-07T10:00:00Z') };

const promiseFlow = buildTestFlow(
  [
    {
      id: 'promise',
      type: 'promise',
      config: {
        prompt: text('When can you pay?', '您什么时候可以还款？', '언제 납부하실 수 있나요?'),
        amountVariable: 'promisedAmount',
        dateVariable: 'promisedDate',
        maxDays: 14,
        invalidPrompt: text('That date is too late.', '日期太晚了。', '날짜가 너무 늦습니다.'),
        noMatch: { maxRetries: 1 },
        noInput: { maxRetries: 0 },
      },
      to: { next: 'thanks', noMatch: 'agent', noInput: 'agent' },
    },
    { id: 'thanks', type: 'end', config: { prompt: text('Thank you.', '谢谢。', '감사합니다.'), outcome: 'promised' } },
    {
      id: 'agent',
      type: 'end',
      config: { prompt: text('We will call again.', '我们会再联系您。', '다시 연락드리겠습니다.') },
    },
  ],
  {
    locales: ['en-US', 'zh-CN', 'ko-KR'],
    variables: [
      { name: 'promisedAmount', type: 'number' },
      { name: 'promisedDate', type: 'string' },
    ],
  },
);

describe('promise', () => {
  it('takes amount*date on the keypad', async () => {
    await startTestSession(promiseFlow, 'dtmf', { clock })
      .expectPrompt(/then star, then the date/)
      .press('250*20261210#')
      .expectVariables({ promisedAmount: 250, promisedDate: '2026-12-10' })
      .expectPrompt('Thank you.');
  });

  it('hears the amount and the date in one spoken answer', async () => {
    await startTestSession(promiseFlow, 'voice', { clock })
      .say('two hundred dollars on December 15th, 2026')
      .expectVariables({ promisedAmount: 200, promisedDate: '2026-12-15' })
      .expectEnd('completed');
  });

  it('reads Chinese and Korean answers in chat', async () => {
    await startTestSession(promiseFlow, 'chat', { clock, locale: 'zh-CN' })
      .expectPrompt(/例如/)
      .type('2026年12月15日前还500元')
      .expectVariables({ promisedAmount: 500, promisedDate: '2026-12-15' });
    await startTestSession(promiseFlow, 'chat', { clock, locale: 'ko-KR' })
      .type('2026년 12월 20일까지 50000원')
      .expectVariables({ promisedAmount: 50000, promisedDate: '2026-12-20' });
  });

  it('says why a date out of range is refused, then gives up by noMatch', async () => {
    await startTestSession(promiseFlow, 'chat', { clock })
      .type('100 dollars on 2027-03-01')
      .expectPrompt('That date is too late.')
      .type('100 dollars on 2026-12-01')
      .expectPrompt('We will call again.');
  });
});
