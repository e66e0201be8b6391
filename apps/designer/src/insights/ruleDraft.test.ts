import { describe, expect, it } from 'vitest';
import { checkDrafts, draftsOf, emptyCondition, emptyRule, rulesOf } from './ruleDraft.ts';

describe('category rule drafts of the rule form (issue 17, point 4)', () => {
  it('turns a filled form into the rules the runtime stores, phrases of every language in one list', () => {
    const rule = emptyRule();
    rule.id = 'angry-refund';
    rule.category = 'refund';
    rule.alert = true;
    rule.conditions = [
      {
        ...emptyCondition('phrase'),
        phrases: { en: 'refund, money back', 'zh-CN': '退款，退钱', ko: '환불' },
        role: 'caller',
      },
      { ...emptyCondition('sentiment'), atMost: '-0.4', turns: '2' },
      { ...emptyCondition('duration'), minSeconds: '60' },
      { ...emptyCondition('noMatchStreak'), streak: '3' },
    ];
    expect(checkDrafts([rule], ['https://hooks.example.com/a'])).toEqual([]);
    const rules = rulesOf([rule]);
    expect(rules).toEqual([
      {
        id: 'angry-refund',
        category: 'refund',
        alert: true,
        conditions: [
          { kind: 'phrase', phrases: ['refund', 'money back', '退款', '退钱', '환불'], role: 'caller' },
          { kind: 'sentiment', atMost: -0.4, consecutiveTurns: 2 },
          { kind: 'duration', minSeconds: 60 },
          { kind: 'noMatchStreak', atLeast: 3 },
        ],
      },
    ]);
    // Stored rules read back into the same form, phrases sorted into their languages.
    const again = draftsOf(rules);
    expect(rulesOf(again)).toEqual(rules);
    expect(again[0]?.conditions[0]?.phrases).toEqual({ en: 'refund, money back', 'zh-CN': '退款, 退钱', ko: '환불' });
  });

  it('names each problem with its rule and condition, in plain words', () => {
    const nameless = emptyRule();
    const twin = { ...emptyRule(), id: 'x', category: 'c', conditions: [] };
    const other = { ...emptyRule(), id: 'x', category: 'c' };
    other.conditions = [
      { ...emptyCondition('sentiment'), atMost: '2' },
      { ...emptyCondition('duration'), minSeconds: '90', maxSeconds: '30' },
      { ...emptyCondition('silence'), minSeconds: 'long' },
      { ...emptyCondition('outcome') },
    ];
    const problems = checkDrafts([nameless, twin, other], ['ftp://nope', 'https://ok.example']);
    expect(problems).toEqual([
      { key: 'err_name', params: { n: 1 } },
      { key: 'err_category', params: { n: 1 } },
      { key: 'err_phrases', params: { n: 1, m: 1 } },
      { key: 'err_noConditions', params: { n: 2 } },
      { key: 'err_nameTaken', params: { n: 3, name: 'x' } },
      { key: 'err_sentimentNumber', params: { n: 3, m: 1, field: '≤' } },
      { key: 'err_durationOrder', params: { n: 3, m: 2 } },
      { key: 'err_seconds', params: { n: 3, m: 3 } },
      { key: 'err_outcomes', params: { n: 3, m: 4 } },
      { key: 'err_webhook', params: { n: 1 } },
    ]);
  });
});
