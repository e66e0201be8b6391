import { describe, expect, it } from 'vitest';
import type { ContactFacts } from '../contactFacts.ts';
import { summarizeContact } from './summarizeContact.ts';

const botContact: ContactFacts = {
  locale: 'en-US',
  path: [
    { nodeId: 'start', type: 'start', port: 'next' },
    { nodeId: 'main', type: 'menu', label: 'Main menu', port: 'noMatch' },
    { nodeId: 'main', type: 'menu', label: 'Main menu', port: 'cards' },
    { nodeId: 'cardMenu', type: 'menu', label: 'Card services', port: 'activate' },
    { nodeId: 'activate', type: 'bank.activateCard', label: 'Activate card', port: 'error' },
  ],
  transactions: [
    { name: 'Card activation', status: 'failed', detail: 'core bank timeout' },
    { name: 'Balance lookup', status: 'succeeded' },
  ],
  transcript: [{ role: 'caller', text: 'cards' }],
  outcome: 'transferred',
};

describe('summarizeContact', () => {
  it('builds a bot contact summary from the choices on its path and its transactions', () => {
    expect(summarizeContact(botContact)).toEqual({
      reason: 'Main menu: cards → Card services: activate',
      actions: ['Card activation: failed (core bank timeout)', 'Balance lookup: succeeded'],
      outcome: 'Transferred to an agent',
      openItems: ['Retry Card activation'],
    });
  });

  it('is deterministic', () => {
    expect(summarizeContact(botContact)).toEqual(summarizeContact(structuredClone(botContact)));
  });

  it('writes the fixed wording in the contact locale', () => {
    expect(summarizeContact({ ...botContact, locale: 'zh-CN' })).toMatchObject({
      actions: ['Card activation：失败 (core bank timeout)', 'Balance lookup：成功'],
      outcome: '已转人工',
      openItems: ['重新办理：Card activation'],
    });
    expect(summarizeContact({ ...botContact, locale: 'ko-KR', outcome: 'resolved' }).outcome).toBe('해결됨');
  });

  it('extracts the reason of an agent contact from the caller and adds the wrap-up', () => {
    const summary = summarizeContact({
      locale: 'ko-KR',
      path: [{ nodeId: 'queue', type: 'transfer', port: 'next' }],
      transactions: [{ name: '이체 취소', status: 'pending' }],
      transcript: [
        { role: 'agent', text: '안녕하세요, 무엇을 도와드릴까요?' },
        { role: 'caller', text: '네' },
        { role: 'caller', text: '어제 잘못 보낸 이체를 취소하고 싶어요' },
      ],
      outcome: 'resolved',
      wrapUp: {
        disposition: '이체 취소 요청',
        notes: '수취 은행 확인 후 회신',
        followUps: ['내일 오전 고객에게 전화'],
      },
    });
    expect(summary).toEqual({
      reason: '어제 잘못 보낸 이체를 취소하고 싶어요',
      actions: ['이체 취소: 처리 중'],
      outcome: '해결됨 — 상담원 메모: 이체 취소 요청; 수취 은행 확인 후 회신',
      openItems: ['결과 확인 필요: 이체 취소', '내일 오전 고객에게 전화'],
      conversation: ['고객: 어제 잘못 보낸 이체를 취소하고 싶어요', '상담원: 안녕하세요, 무엇을 도와드릴까요?'],
    });
  });

  it("quotes the agent conversation: what the customer came with and the agent's last real answer", () => {
    const summary = summarizeContact({
      locale: 'en-US',
      path: [],
      transactions: [],
      transcript: [
        { role: 'bot', text: 'Welcome to Example Bank. Say balance or agent.' },
        { role: 'caller', text: 'I was charged a fee twice this month' },
        { role: 'agent', text: 'Hello, this is Ana.' },
        { role: 'caller', text: 'hi' },
        { role: 'caller', text: 'The monthly fee was taken twice from my account' },
        { role: 'agent', text: 'I have refunded the second fee to your account.' },
        { role: 'agent', text: 'Bye!' },
      ],
      outcome: 'transferred',
      wrapUp: { disposition: 'resolved', notes: 'Refunded duplicate fee' },
    });
    expect(summary.conversation).toEqual([
      'Customer: The monthly fee was taken twice from my account',
      'Agent: I have refunded the second fee to your account.',
    ]);
    expect(summary.reason).toBe('I was charged a fee twice this month');
    expect(summary.outcome).toBe('Transferred to an agent — agent notes: resolved; Refunded duplicate fee');
  });

  it('says what is missing rather than inventing it', () => {
    expect(summarizeContact({ locale: 'en', path: [], transactions: [], transcript: [] })).toEqual({
      reason: 'Reason not recorded',
      actions: [],
      outcome: 'Outcome not recorded',
      openItems: [],
    });
  });
});
