import { describe, expect, it } from 'vitest';
import { validateFlow, type FlowDocument } from '@omniflow/flow-schema';
import { builtInSpecs } from '@omniflow/flow-engine/specs';
import { newFlow } from './newFlow.ts';
import { createCatalog } from './nodeCatalog.ts';
import { addNode, createNode } from './flowOps.ts';
import { plainIssue } from './plainIssue.ts';

const catalog = createCatalog(builtInSpecs.map((definition) => definition.spec));

/** A new flow with one freshly dropped ask node, titled as an analyst would title it. */
function flowWithAsk(): FlowDocument {
  const spec = catalog.byType.get('ask');
  if (!spec) throw new Error('the built-in catalog has no ask node type');
  const node = { ...createNode(spec, 'ask1', { x: 300, y: 0 }), label: 'Card digits' };
  return addNode(newFlow('plain', 'Plain'), node);
}

function variableProblem(flow: FlowDocument) {
  const issue = validateFlow(flow, catalog.validation).issues.find(
    (i) => i.code === 'FLOW004' && i.pointer.endsWith('/config/variable'),
  );
  if (!issue) throw new Error('an ask node without a variable should be a FLOW004 problem');
  return issue;
}

describe('plainIssue (issue 20: problems in analyst words)', () => {
  it('words an empty variable field as its label and what to do, under the node title', () => {
    const flow = flowWithAsk();
    expect(plainIssue(variableProblem(flow), flow, catalog, 'en')).toEqual({
      nodeId: 'ask1',
      nodeTitle: 'Card digits',
      text: 'Store answer in: choose a variable',
    });
  });

  it('speaks the UI language', () => {
    const flow = flowWithAsk();
    expect(plainIssue(variableProblem(flow), flow, catalog, 'zh-CN').text).toBe('答案保存到: 请选择一个变量');
    expect(plainIssue(variableProblem(flow), flow, catalog, 'ko').text).toBe('답변 저장 변수: 변수를 선택하세요');
  });

  it('keeps the validator sentence for a problem that has no schema rule', () => {
    const flow = flowWithAsk();
    const issue = { code: 'FLOW031', severity: 'error' as const, message: 'not a flow locale', pointer: '/nodes/1' };
    expect(plainIssue(issue, flow, catalog, 'en')).toEqual({
      nodeId: 'ask1',
      nodeTitle: 'Card digits',
      text: 'not a flow locale',
    });
  });
});

describe('plainIssue for the graph (issue 20)', () => {
  it("names an unconnected port by its label and an unreachable node without the node's id", () => {
    const asking = flowWithAsk();
    // Ports are checked once the config is valid: give the answer a declared variable.
    const flow = {
      ...asking,
      variables: [{ name: 'cardLast4', type: 'string' as const }],
      nodes: asking.nodes.map((n) => (n.id === 'ask1' ? { ...n, config: { ...n.config, variable: 'cardLast4' } } : n)),
    };
    const issues = validateFlow(flow, catalog.validation).issues.filter((i) => i.nodeId === 'ask1');
    const texts = issues.map((issue) => plainIssue(issue, flow, catalog, 'en').text);
    expect(texts).toContain('"Next" leads nowhere yet: draw a line from it to the next step');
    expect(texts).toContain('No step leads here yet: connect a line to it, or delete it');
    expect(texts.filter((text) => text.includes('ask1'))).toEqual([]);
  });
});
