import { describe, expect, it } from 'vitest';
import { issuesWithCode, validateMutated } from './validationFixtures.ts';

const complaint = { kind: 'phrases' as const, phrases: { 'en-US': ['complaint'], 'zh-CN': ['投诉'] } };

describe('checkEscalation', () => {
  it('accepts sentiment, no-match and phrase rules that go to a node or a queue (issue 17)', () => {
    const result = validateMutated((flow) => {
      flow.escalation = {
        version: 1,
        upsetAtMost: -0.4,
        rules: [
          { id: 'angry', when: { kind: 'sentiment', atMost: -0.5, turns: 2 }, action: { kind: 'goto', target: 'bye' } },
          { id: 'lost', when: { kind: 'noMatch', count: 3 }, action: { kind: 'transfer', queue: 'care', priority: 1 } },
          { id: 'complaint', when: complaint, action: { kind: 'transfer', queue: 'complaints' } },
        ],
      };
    });
    expect(result).toMatchObject({ ok: true, issues: [] });
  });

  it('FLOW050: reports a goto to a node the flow does not have', () => {
    const [issue] = issuesWithCode('FLOW050', (flow) => {
      flow.escalation = {
        version: 1,
        rules: [{ id: 'x', when: complaint, action: { kind: 'goto', target: 'nowhere' } }],
      };
    });
    expect(issue).toMatchObject({
      pointer: '/escalation/rules/0/action/target',
      message: expect.stringMatching(/nowhere/),
    });
  });

  it('FLOW051: reports two rules with one id', () => {
    const [issue] = issuesWithCode('FLOW051', (flow) => {
      const rule = { id: 'x', when: complaint, action: { kind: 'goto' as const, target: 'bye' } };
      flow.escalation = { version: 1, rules: [rule, { ...rule }] };
    });
    expect(issue).toMatchObject({ pointer: '/escalation/rules/1/id' });
  });

  it('FLOW052: warns about a phrase rule without phrases for one of the flow locales', () => {
    const result = validateMutated((flow) => {
      const when = { kind: 'phrases' as const, phrases: { 'en-US': ['complaint'] } };
      flow.escalation = { version: 1, rules: [{ id: 'x', when, action: { kind: 'goto', target: 'bye' } }] };
    });
    expect(result.ok).toBe(true);
    expect(result.issues).toMatchObject([{ code: 'FLOW052', pointer: '/escalation/rules/0/when/phrases' }]);
  });

  it('refuses a rule of an unknown kind, a sentiment out of −1..1 and an unknown section version with FLOW001', () => {
    for (const escalation of [
      { version: 1, rules: [{ id: 'x', when: { kind: 'mood' }, action: { kind: 'goto', target: 'bye' } }] },
      {
        version: 1,
        rules: [
          { id: 'x', when: { kind: 'sentiment', atMost: -3, turns: 1 }, action: { kind: 'goto', target: 'bye' } },
        ],
      },
      { version: 2, rules: [] },
    ]) {
      const result = validateMutated((flow) => {
        Reflect.set(flow, 'escalation', escalation);
      });
      expect(result.ok).toBe(false);
      expect(result.issues[0]).toMatchObject({ code: 'FLOW001', pointer: expect.stringMatching(/^\/escalation/) });
    }
  });

  it('counts a goto target as reachable (no FLOW013 for a complaints node only escalation leads to)', () => {
    const result = validateMutated((flow) => {
      flow.nodes.push({
        id: 'sorry',
        type: 'end',
        config: { prompt: { text: { 'en-US': 'Sorry.', 'zh-CN': '抱歉。' } } },
      });
      flow.escalation = {
        version: 1,
        rules: [{ id: 'x', when: complaint, action: { kind: 'goto', target: 'sorry' } }],
      };
    });
    expect(result.issues.filter((issue) => issue.code === 'FLOW013')).toEqual([]);
  });

  it('accepts an empathetic variant on a prompt', () => {
    const result = validateMutated((flow) => {
      const bye = flow.nodes.find((node) => node.id === 'bye');
      if (bye)
        bye.config = {
          prompt: { text: { 'en-US': 'Bye.', 'zh-CN': '再见。' }, empathetic: { 'en-US': 'Sorry, bye.' } },
        };
    });
    expect(result.ok).toBe(true);
  });
});
