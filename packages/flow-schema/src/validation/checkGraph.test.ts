import { describe, expect, it } from 'vitest';
import { issuesWithCode, nodeOf, validateMutated } from './validationFixtures.ts';

function edgeFromTimeout(timeoutMs?: number): ReturnType<typeof issuesWithCode> {
  return issuesWithCode('FLOW009', (flow) => {
    if (timeoutMs !== undefined) nodeOf(flow, 'lookup').config['timeoutMs'] = timeoutMs;
    flow.edges.push({ source: 'lookup', port: 'timeout', target: 'bye' });
  });
}

describe('checkGraph', () => {
  it('FLOW006: reports a start naming no node', () => {
    const [issue] = issuesWithCode('FLOW006', (flow) => {
      flow.start = 'begin';
    });
    expect(issue).toMatchObject({ pointer: '/start', message: expect.stringMatching(/"begin"/) });
  });

  it('FLOW007: reports an edge from a node that does not exist', () => {
    const [issue] = issuesWithCode('FLOW007', (flow) => {
      flow.edges.push({ source: 'ghost', port: 'next', target: 'bye' });
    });
    expect(issue?.pointer).toMatch(/^\/edges\/\d+\/source$/);
  });

  it('FLOW008: reports an edge to a node that does not exist', () => {
    const [issue] = issuesWithCode('FLOW008', (flow) => {
      const edge = flow.edges.find((candidate) => candidate.source === 'welcome');
      if (edge) edge.target = 'ghost';
    });
    expect(issue).toMatchObject({ pointer: '/edges/1/target', nodeId: 'welcome' });
  });

  it('FLOW009: reports an edge from a port the node does not have and lists its ports', () => {
    const [issue] = issuesWithCode('FLOW009', (flow) => {
      flow.edges.push({ source: 'menu', port: '3', target: 'bye' });
    });
    expect(issue?.message).toMatch(/no port "3" \(its ports: 1, 2, noInput, noMatch\)/);
  });

  it('FLOW009: follows conditional ports derived from config', () => {
    expect(edgeFromTimeout()).toHaveLength(1);
    expect(edgeFromTimeout(500)).toEqual([]);
  });

  it('FLOW010: reports a second edge from the same port', () => {
    const [issue] = issuesWithCode('FLOW010', (flow) => {
      flow.edges.push({ source: 'menu', port: '1', target: 'bye' });
    });
    expect(issue).toMatchObject({ nodeId: 'menu', message: expect.stringMatching(/already has an edge \(edges\/2\)/) });
  });

  it('FLOW011: reports an unconnected port as an error', () => {
    const result = validateMutated((flow) => {
      flow.edges = flow.edges.filter((edge) => !(edge.source === 'check' && edge.port === 'default'));
    });
    expect(result.ok).toBe(false);
    expect(result.issues.filter((issue) => issue.code === 'FLOW011')).toMatchObject([
      { nodeId: 'check', message: expect.stringMatching(/"default"/) },
    ]);
  });

  it('FLOW012: reports an unconnected noInput only as a warning', () => {
    const result = validateMutated((flow) => {
      flow.edges = flow.edges.filter((edge) => !(edge.source === 'menu' && edge.port === 'noInput'));
    });
    expect(result.ok).toBe(true);
    expect(result.issues).toMatchObject([{ code: 'FLOW012', severity: 'warning', nodeId: 'menu' }]);
  });

  it('FLOW013: warns about a node nothing leads to, but not about intent targets', () => {
    const result = validateMutated((flow) => {
      flow.nodes.push({ id: 'orphan', type: 'end', config: {} }, { id: 'agentDesk', type: 'end', config: {} });
      flow.globalIntents = [{ id: 'agent', phrases: { 'en-US': ['agent'], 'zh-CN': ['人工'] }, target: 'agentDesk' }];
    });
    expect(result.ok).toBe(true);
    expect(result.issues).toMatchObject([{ code: 'FLOW013', severity: 'warning', nodeId: 'orphan' }]);
  });

  it('FLOW020: reports a global intent jumping to a node that does not exist', () => {
    const [issue] = issuesWithCode('FLOW020', (flow) => {
      flow.globalIntents = [{ id: 'agent', phrases: { 'en-US': ['agent'], 'zh-CN': ['人工'] }, target: 'desk' }];
    });
    expect(issue).toMatchObject({ pointer: '/globalIntents/0/target', message: expect.stringMatching(/"desk"/) });
  });
});
