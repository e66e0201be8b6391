import { describe, expect, it } from 'vitest';
import type { ContactFacts } from '../contactFacts.ts';
import { scoreQuality } from './scoreQuality.ts';

const good: ContactFacts = {
  locale: 'en-US',
  path: [
    { nodeId: 'welcome', type: 'message', port: 'next' },
    { nodeId: 'verifyPin', type: 'ask', port: 'next' },
    { nodeId: 'balance', type: 'banking.balance', port: 'success' },
    { nodeId: 'bye', type: 'end' },
  ],
  transactions: [],
  transcript: [
    { role: 'bot', text: 'Welcome to Example Bank. Calls are recorded.' },
    { role: 'caller', text: '1234' },
    { role: 'bot', text: 'Your balance is 12.00.' },
  ],
  outcome: 'completed',
};

describe('scoreQuality (issue 17)', () => {
  it('passes a greeted, verified, compliant, resolved bot contact with 100', () => {
    expect(scoreQuality(good, { compliancePhrases: ['calls are recorded'] })).toEqual({
      criteria: {
        greeting: true,
        verificationBeforeDisclosure: true,
        compliancePhrase: true,
        noCardSpoken: true,
        resolved: true,
      },
      score: 100,
    });
  });

  it('fails a disclosure before verification, a card number spoken by the bot and an abandoned contact', () => {
    const bad: ContactFacts = {
      ...good,
      path: [good.path[0], good.path[2], good.path[1]].flatMap((step) => (step ? [step] : [])),
      transcript: [
        { role: 'bot', text: 'Balance service.' },
        { role: 'bot', text: 'Your card 4111 1111 1111 1111 is active.' },
      ],
      outcome: 'hangup',
    };
    const { criteria, score } = scoreQuality(bad, { compliancePhrases: ['calls are recorded'] });
    expect(criteria).toEqual({
      greeting: false,
      verificationBeforeDisclosure: false,
      compliancePhrase: false,
      noCardSpoken: false,
      resolved: false,
    });
    expect(score).toBe(0);
  });

  it('leaves criteria that do not apply out of the score, and greets in Chinese and Korean', () => {
    const chinese: ContactFacts = {
      locale: 'zh-CN',
      path: [{ nodeId: 'menu', type: 'menu', port: '1' }],
      transactions: [],
      transcript: [{ role: 'bot', text: '您好，欢迎致电。' }],
      outcome: 'transferred',
    };
    const result = scoreQuality(chinese);
    expect(result.criteria.verificationBeforeDisclosure).toBeNull();
    expect(result.criteria.compliancePhrase).toBeNull();
    expect(result.score).toBe(67);
    expect(
      scoreQuality({ ...chinese, transcript: [{ role: 'bot', text: '안녕하세요, 고객님' }] }).criteria.greeting,
    ).toBe(true);
  });

  describe('an agent contact (the agent is scored)', () => {
    const handedOver: ContactFacts = {
      locale: 'en-US',
      path: [
        { nodeId: 'welcome', type: 'message', port: 'next' },
        { nodeId: 'agent', type: 'transfer' },
      ],
      transactions: [],
      transcript: [
        { role: 'bot', text: 'Welcome to Example Bank. Calls are recorded.' },
        { role: 'caller', text: 'agent please' },
        { role: 'agent', text: 'Hello, this is Ana from Example Bank.' },
        { role: 'caller', text: 'What is my balance?' },
        { role: 'system', text: '→ PIN check / Ask PIN' },
        { role: 'system', text: 'pin-check: done' },
        { role: 'agent', text: 'Thank you. Your balance is 120.00.' },
      ],
      outcome: 'transferred',
      wrapUp: { disposition: 'resolved' },
    };

    it('passes an agent who greets, verifies through the PIN flow before the balance, and resolves', () => {
      expect(scoreQuality(handedOver, { compliancePhrases: ['calls are recorded'] })).toEqual({
        criteria: {
          greeting: true,
          verificationBeforeDisclosure: true,
          compliancePhrase: true,
          noCardSpoken: true,
          resolved: true,
        },
        score: 100,
      });
    });

    it('fails an agent who skips the greeting, discloses unverified, types a card number and leaves it open', () => {
      const careless: ContactFacts = {
        ...handedOver,
        transcript: [
          { role: 'bot', text: 'Welcome to Example Bank.' },
          { role: 'agent', text: 'Yes?' },
          { role: 'agent', text: 'Your balance is 120.00.' },
          { role: 'system', text: 'pin-check: completed' },
          { role: 'agent', text: 'Your card is [CARD], right?' },
        ],
        wrapUp: { disposition: 'follow-up' },
      };
      expect(scoreQuality(careless).criteria).toEqual({
        greeting: false,
        verificationBeforeDisclosure: false,
        compliancePhrase: null,
        noCardSpoken: false,
        resolved: false,
      });
      // A verified bot path before the hand-over covers the agent's disclosure.
      const verifiedByBot: ContactFacts = {
        ...careless,
        path: [{ nodeId: 'verifyPin', type: 'ask', port: 'next' }, ...handedOver.path],
      };
      expect(scoreQuality(verifiedByBot).criteria.verificationBeforeDisclosure).toBe(true);
    });
  });
});
