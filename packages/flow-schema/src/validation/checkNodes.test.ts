import { describe, expect, it } from 'vitest';
import { validateFlow } from './validateFlow.ts';
import { issuesWithCode, nodeOf, testCatalog, validTestFlow, validateMutated } from './validationFixtures.ts';

function downgrade(flow: ReturnType<typeof validTestFlow>): void {
  nodeOf(flow, 'lookup').typeVersion = 1;
}

describe('checkNodes', () => {
  it('FLOW003: reports an unknown node type and lists the known ones', () => {
    const [issue] = issuesWithCode('FLOW003', (flow) => {
      nodeOf(flow, 'welcome').type = 'mesage';
    });
    expect(issue).toMatchObject({
      pointer: '/nodes/1/type',
      nodeId: 'welcome',
      message: expect.stringMatching(/"mesage".*message, set/),
    });
  });

  it('FLOW004: points into the config at the invalid value', () => {
    const [issue, ...rest] = issuesWithCode('FLOW004', (flow) => {
      nodeOf(flow, 'menu').config['options'] = [{ key: 'x', label: {} }];
    });
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({
      pointer: '/nodes/2/config/options/0/key',
      nodeId: 'menu',
      message: expect.stringMatching(/must match pattern/),
    });
  });

  it('FLOW005: reports the second node with the same id', () => {
    const issues = issuesWithCode('FLOW005', (flow) => {
      flow.nodes.push({ id: 'menu', type: 'end', config: {} });
    });
    expect(issues.map((issue) => issue.pointer)).toEqual([`/nodes/${validTestFlow().nodes.length}/id`]);
  });

  it('FLOW023: refuses a node written for a newer type version', () => {
    const [issue] = issuesWithCode('FLOW023', (flow) => {
      nodeOf(flow, 'lookup').typeVersion = 3;
    });
    expect(issue).toMatchObject({
      pointer: '/nodes/5/typeVersion',
      message: expect.stringMatching(/version 3 .* has version 2/),
    });
  });

  it('FLOW024: migrates an older node config and warns', () => {
    const result = validateMutated((flow) => {
      const lookup = nodeOf(flow, 'lookup');
      lookup.typeVersion = 1;
      lookup.config = { customerVariable: 'customerId', nameVariable: 'customerName' };
    });
    expect(result.issues.map((issue) => issue.code)).toEqual(['FLOW024']);
    expect(result.ok && nodeOf(result.flow, 'lookup')).toMatchObject({
      typeVersion: 2,
      config: { customerIdVariable: 'customerId' },
    });
  });

  it('FLOW026: reports a node type whose schema does not compile', () => {
    const catalog = new Map(testCatalog());
    const end = catalog.get('end');
    if (end === undefined) throw new Error('test catalog lacks end');
    catalog.set('end', {
      spec: { ...end.spec, version: 9, configSchema: { type: 'object', properties: { prompt: { type: 'strin' } } } },
    });
    const result = validateFlow(validTestFlow(), catalog);
    expect(result.issues.filter((issue) => issue.code === 'FLOW026')).toMatchObject([
      { nodeId: 'bye', message: expect.stringMatching(/fix the node type definition/) },
    ]);
  });

  it('FLOW027: reports a missing or failing config migration', () => {
    const catalog = new Map(testCatalog());
    const lookup = catalog.get('test.lookup');
    if (lookup === undefined) throw new Error('test catalog lacks test.lookup');
    catalog.set('test.lookup', { spec: lookup.spec });
    expect(issuesWithCode('FLOW027', downgrade, catalog)[0]?.message).toMatch(
      /no migration of test.lookup config to version 2/,
    );
    catalog.set('test.lookup', {
      spec: lookup.spec,
      migrations: [
        {
          version: 2,
          up: () => {
            throw new Error('bad data');
          },
          down: (config) => config,
        },
      ],
    });
    expect(issuesWithCode('FLOW027', downgrade, catalog)[0]?.message).toMatch(/failed \(bad data\)/);
  });

  it('FLOW028: reports two menu options with the same key', () => {
    const [issue] = issuesWithCode('FLOW028', (flow) => {
      nodeOf(flow, 'menu').config['options'] = [
        { key: '1', label: {} },
        { key: '1', label: {} },
      ];
    });
    expect(issue).toMatchObject({ pointer: '/nodes/2/config/options/1/key', nodeId: 'menu' });
  });
});
