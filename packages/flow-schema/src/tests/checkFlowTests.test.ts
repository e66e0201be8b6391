import { describe, expect, it } from 'vitest';
import type { FlowTestCase } from './flowTestCase.ts';
import { issuesWithCode, validateMutated } from '../validation/validationFixtures.ts';

function withTest(test: Partial<FlowTestCase>): (flow: { tests?: FlowTestCase[] }) => void {
  return (flow) => {
    flow.tests = [...(flow.tests ?? []), { id: 't1', name: 'a test', steps: [], ...test }];
  };
}

describe('checkFlowTests', () => {
  it('accepts a flow whose tests name its nodes, ports and variables', () => {
    const result = validateMutated(withTest({ steps: [{ choose: '1' }, { expectNode: 'menu' }], mocks: {} }));
    expect(result.issues.filter((issue) => issue.code.startsWith('FLOW04'))).toEqual([]);
  });

  it('FLOW040: reports an expected node the flow does not have, with a pointer to the step', () => {
    const [issue] = issuesWithCode('FLOW040', withTest({ steps: [{ say: 'hi' }, { expectNode: 'ghost' }] }));
    expect(issue).toMatchObject({ pointer: '/tests/0/steps/1/expectNode', message: expect.stringMatching(/"ghost"/) });
  });

  it('FLOW040: reports a mock of a node the flow does not have', () => {
    const [issue] = issuesWithCode('FLOW040', withTest({ mocks: { ghost: { port: 'success' } } }));
    expect(issue?.pointer).toBe('/tests/0/mocks/ghost');
  });

  it('FLOW041: reports two tests with one id', () => {
    const [issue] = issuesWithCode('FLOW041', (flow) => {
      withTest({})(flow);
      withTest({ name: 'again' })(flow);
    });
    expect(issue?.pointer).toBe('/tests/1/id');
  });

  it('FLOW042: reports a mocked port the node does not have and lists its ports', () => {
    const [issue] = issuesWithCode('FLOW042', withTest({ mocks: { menu: { port: 'success' } } }));
    expect(issue).toMatchObject({
      nodeId: 'menu',
      message: expect.stringMatching(/its ports: 1, 2, noInput, noMatch/),
    });
  });

  it('FLOW043: reports an undeclared locale and an undeclared variable', () => {
    const issues = issuesWithCode(
      'FLOW043',
      withTest({ locale: 'fr-FR', steps: [{ expectVariable: { name: 'nope', equals: 1 } }] }),
    );
    expect(issues.map((issue) => issue.pointer)).toEqual(['/tests/0/locale', '/tests/0/steps/0/expectVariable/name']);
  });

  it('FLOW001: rejects a step that mixes an input and an expectation', () => {
    const result = validateMutated((flow) => {
      // Parsed as JSON, as a hand-edited file would arrive: the types cannot describe the mistake.
      flow.tests = JSON.parse('[{ "id": "t", "name": "n", "steps": [{ "choose": "1", "expectNode": "menu" }] }]');
    });
    expect(
      result.issues.some((issue) => issue.code === 'FLOW001' && issue.pointer.startsWith('/tests/0/steps/0')),
    ).toBe(true);
  });
});
