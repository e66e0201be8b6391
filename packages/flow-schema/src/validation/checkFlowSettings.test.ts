import { describe, expect, it } from 'vitest';
import { issuesWithCode, validateMutated } from './validationFixtures.ts';

describe('checkFlowSettings', () => {
  it('FLOW019: reports a default locale the flow does not declare', () => {
    const [issue] = issuesWithCode('FLOW019', (flow) => {
      flow.defaultLocale = 'ko-KR';
    });
    expect(issue).toMatchObject({
      pointer: '/defaultLocale',
      message: expect.stringMatching(/"ko-KR" .* \(en-US, zh-CN\)/),
    });
  });

  it('FLOW021: warns about a global intent without phrases in one locale', () => {
    const result = validateMutated((flow) => {
      flow.globalIntents = [{ id: 'agent', phrases: { 'en-US': ['agent'], 'zh-CN': [] }, target: 'bye' }];
    });
    expect(result.ok).toBe(true);
    expect(result.issues).toMatchObject([
      {
        code: 'FLOW021',
        severity: 'warning',
        pointer: '/globalIntents/0/phrases',
        message: expect.stringMatching(/zh-CN/),
      },
    ]);
  });

  it('FLOW025: reports a variable declared twice', () => {
    const [issue] = issuesWithCode('FLOW025', (flow) => {
      flow.variables.push({ name: 'customerId', type: 'number' });
    });
    expect(issue).toMatchObject({ pointer: '/variables/3/name' });
  });
});
