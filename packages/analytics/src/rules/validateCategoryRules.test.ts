import { describe, expect, it } from 'vitest';
import { validateCategoryRules } from './validateCategoryRules.ts';

describe('validateCategoryRules', () => {
  it('accepts the escalation rules of issue 17', () => {
    const rules = [
      {
        id: 'angry',
        category: 'escalate',
        alert: true,
        conditions: [{ kind: 'sentiment', atMost: -0.5, consecutiveTurns: 3 }],
      },
      { id: 'lost', category: 'escalate', alert: true, conditions: [{ kind: 'noMatchStreak', atLeast: 3 }] },
      {
        id: 'complaint',
        category: 'complaint',
        alert: true,
        conditions: [{ kind: 'phrase', phrases: ['complaint', '投诉', '민원'] }],
      },
    ];
    expect(validateCategoryRules(rules)).toEqual({ ok: true, rules });
  });

  it('points at a condition that carries a field of another kind, and says which', () => {
    const result = validateCategoryRules([
      { id: 'a', category: 'c', conditions: [{ kind: 'silence', minSeconds: 5, phrases: ['x'] }] },
    ]);
    expect(result).toEqual({
      ok: false,
      issues: [{ code: 'RULE001', pointer: '/0/conditions/0', message: expect.stringContaining('"phrases"') }],
    });
  });

  it('reports a sentiment condition without a bound, a score out of range and an unknown kind', () => {
    const result = validateCategoryRules([
      {
        id: 'a',
        category: 'c',
        conditions: [{ kind: 'sentiment', of: 'last' }, { kind: 'sentiment', atMost: -3 }, { kind: 'mood' }],
      },
    ]);
    expect(result.ok).toBe(false);
    const pointers = result.ok ? [] : result.issues.map((issue) => issue.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/0/conditions/0', '/0/conditions/1/atMost', '/0/conditions/2']));
    expect(result.ok ? '' : result.issues.at(-1)?.message).toMatch(
      /kind "mood"; use one of phrase, phraseMissing, sentiment/u,
    );
  });

  it('reports duplicate ids and bounds that no contact can meet', () => {
    const result = validateCategoryRules([
      { id: 'a', category: 'c', conditions: [{ kind: 'duration', minSeconds: 60, maxSeconds: 10 }] },
      { id: 'a', category: 'c', conditions: [{ kind: 'sentiment', atLeast: 0.5, atMost: 0 }] },
    ]);
    expect(result.ok ? [] : result.issues.map((issue) => [issue.code, issue.pointer])).toEqual([
      ['RULE003', '/0/conditions/0'],
      ['RULE002', '/1/id'],
      ['RULE004', '/1/conditions/0'],
    ]);
  });

  it('answers non-array input with an issue instead of throwing', () => {
    expect(validateCategoryRules('rules')).toMatchObject({ ok: false, issues: [{ code: 'RULE001', pointer: '' }] });
  });
});
