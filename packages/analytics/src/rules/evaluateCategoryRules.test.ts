import { describe, expect, it } from 'vitest';
import type { ContactFacts } from '../contactFacts.ts';
import type { CategoryRule } from './categoryRule.ts';
import { evaluateCategoryRules } from './evaluateCategoryRules.ts';

const contact = (overrides: Partial<ContactFacts>): ContactFacts => ({
  locale: 'en',
  path: [],
  transactions: [],
  transcript: [],
  ...overrides,
});
const categoriesOf = (rule: CategoryRule, facts: ContactFacts): readonly string[] =>
  evaluateCategoryRules([rule], facts).categories;

describe('evaluateCategoryRules', () => {
  const complaint: CategoryRule = {
    id: 'complaint',
    category: 'complaint',
    alert: true,
    conditions: [{ kind: 'phrase', phrases: ['complaint', '投诉', '민원'], role: 'caller' }],
  };

  it.each([
    ['en', 'I want to file a COMPLAINT'],
    ['zh-CN', '我要投诉你们'],
    ['ko-KR', '민원 넣을게요'],
    ['en', 'Two complaints already'],
  ])('matches a phrase in any language, whatever its case (%s)', (locale, text) => {
    const result = evaluateCategoryRules([complaint], contact({ locale, transcript: [{ role: 'caller', text }] }));
    expect(result).toEqual({ categories: ['complaint'], alerts: ['complaint'], matchedRuleIds: ['complaint'] });
  });

  it('folds full-width letters and keeps a Latin phrase to word edges', () => {
    const rule: CategoryRule = { id: 'no', category: 'refusal', conditions: [{ kind: 'phrase', phrases: ['no'] }] };
    expect(categoriesOf(rule, contact({ transcript: [{ role: 'caller', text: 'ＮＯ thanks' }] }))).toEqual(['refusal']);
    expect(categoriesOf(rule, contact({ transcript: [{ role: 'caller', text: 'I know' }] }))).toEqual([]);
  });

  it('listens only to the role the rule names', () => {
    expect(
      categoriesOf(complaint, contact({ transcript: [{ role: 'agent', text: 'Do you want to file a complaint?' }] })),
    ).toEqual([]);
  });

  it('tags a contact whose agent never said the required phrase', () => {
    const rule: CategoryRule = {
      id: 'disclosure',
      category: 'missing disclosure',
      conditions: [{ kind: 'phraseMissing', phrases: ['this call is recorded'], role: 'agent' }],
    };
    expect(categoriesOf(rule, contact({ transcript: [{ role: 'agent', text: 'Hello, how can I help?' }] }))).toEqual([
      'missing disclosure',
    ]);
    expect(
      categoriesOf(rule, contact({ transcript: [{ role: 'agent', text: 'Hi, this call is recorded.' }] })),
    ).toEqual([]);
  });

  it('escalates after N caller turns in a row at or below a sentiment threshold', () => {
    const rule: CategoryRule = {
      id: 'angry',
      category: 'escalate',
      alert: true,
      conditions: [{ kind: 'sentiment', atMost: -0.4, consecutiveTurns: 2 }],
    };
    const turns = (scores: number[]): ContactFacts =>
      contact({ transcript: scores.map((sentiment) => ({ role: 'caller', text: '', sentiment })) });
    expect(categoriesOf(rule, turns([-0.5, 0.2, -0.6]))).toEqual([]);
    expect(categoriesOf(rule, turns([0.1, -0.5, -0.6]))).toEqual(['escalate']);
  });

  it('scores caller turns that have no stored sentiment', () => {
    const rule: CategoryRule = {
      id: 'unhappy',
      category: 'unhappy',
      conditions: [{ kind: 'sentiment', atMost: -0.3, of: 'last' }],
    };
    expect(
      categoriesOf(rule, contact({ locale: 'ko-KR', transcript: [{ role: 'caller', text: '정말 최악이에요' }] })),
    ).toEqual(['unhappy']);
  });

  it('reads the trend, the outcome, the duration, silences and no-match streaks', () => {
    const facts = contact({
      outcome: 'abandoned',
      durationSeconds: 400,
      path: [
        { nodeId: 'menu', type: 'menu', port: 'noMatch' },
        { nodeId: 'menu', type: 'menu', port: 'noMatch' },
        { nodeId: 'menu', type: 'menu', port: 'noMatch' },
      ],
      transcript: [
        { role: 'caller', text: '', sentiment: 0.3, at: 0 },
        { role: 'caller', text: '', sentiment: -0.2, at: 5_000 },
        { role: 'caller', text: '', sentiment: -0.7, at: 40_000 },
      ],
    });
    const rules: CategoryRule[] = [
      { id: 'a', category: 'cooling', conditions: [{ kind: 'sentimentTrend', direction: 'worsening' }] },
      { id: 'b', category: 'lost', conditions: [{ kind: 'outcome', anyOf: ['abandoned', 'hangup'] }] },
      { id: 'c', category: 'long', conditions: [{ kind: 'duration', minSeconds: 300 }] },
      { id: 'd', category: 'dead air', conditions: [{ kind: 'silence', minSeconds: 30 }] },
      { id: 'e', category: 'not understood', conditions: [{ kind: 'noMatchStreak', atLeast: 3 }] },
      { id: 'f', category: 'short', conditions: [{ kind: 'duration', maxSeconds: 60 }] },
    ];
    expect(evaluateCategoryRules(rules, facts).categories).toEqual([
      'cooling',
      'lost',
      'long',
      'dead air',
      'not understood',
    ]);
  });

  it('needs one condition of an "any" rule and all of an "all" rule', () => {
    const conditions: CategoryRule['conditions'] = [
      { kind: 'outcome', anyOf: ['resolved'] },
      { kind: 'duration', minSeconds: 600 },
    ];
    const facts = contact({ outcome: 'resolved', durationSeconds: 30 });
    expect(categoriesOf({ id: 'x', category: 'any', match: 'any', conditions }, facts)).toEqual(['any']);
    expect(categoriesOf({ id: 'y', category: 'all', conditions }, facts)).toEqual([]);
  });
});
