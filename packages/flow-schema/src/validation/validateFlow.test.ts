import { describe, expect, it } from 'vitest';
import { validateFlow } from './validateFlow.ts';
import { issuesWithCode, testCatalog, validTestFlow, validateMutated } from './validationFixtures.ts';
import { MAX_ISSUES } from './validationContext.ts';

describe('validateFlow', () => {
  it('accepts the valid test flow without issues', () => {
    const result = validateFlow(validTestFlow(), testCatalog());
    expect(result.issues).toEqual([]);
    expect(result.ok && result.flow.nodes.map((node) => node.id)).toEqual(validTestFlow().nodes.map((node) => node.id));
  });

  it('does not modify its input', () => {
    const flow = validTestFlow();
    const before = JSON.stringify(flow);
    validateFlow(
      { ...flow, nodes: flow.nodes.map((node) => (node.id === 'lookup' ? { ...node, typeVersion: 1 } : node)) },
      testCatalog(),
    );
    expect(JSON.stringify(flow)).toBe(before);
  });

  it('FLOW001: reports a missing field and a misspelt one with pointers', () => {
    const issues = issuesWithCode('FLOW001', (flow) => {
      Reflect.deleteProperty(flow, 'name');
      Reflect.set(flow, 'nodez', []);
    });
    expect(issues.map((issue) => [issue.pointer, issue.message])).toEqual([
      ['', expect.stringMatching(/"name" is required/)],
      ['/nodez', expect.stringMatching(/"nodez" is not a known field/)],
    ]);
  });

  it('FLOW001: names the node of a malformed node', () => {
    const [issue] = issuesWithCode('FLOW001', (flow) => {
      flow.nodes[1] = {
        ...flow.nodes[1],
        id: 'welcome',
        type: 'message',
        config: {},
        position: { x: 'left', y: 0 },
      } as never;
    });
    expect(issue).toMatchObject({ pointer: '/nodes/1/position/x', nodeId: 'welcome', severity: 'error' });
  });

  it('FLOW001: refuses values that are not flows at all', () => {
    for (const value of [null, 42, 'flow', [], [validTestFlow()], undefined]) {
      const result = validateFlow(value, testCatalog());
      expect(result.ok).toBe(false);
      expect(result.issues[0]?.code).toBe('FLOW001');
    }
  });

  it('FLOW001: refuses absurd nesting before walking it', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const [issue] = issuesWithCode('FLOW001', (flow) => Reflect.set(flow, 'description', deep));
    expect(issue?.message).toMatch(/nests deeper/);
  });

  it('FLOW001: points at the value that is not JSON (a non-finite number, a function), escaping the path', () => {
    const [notFinite] = issuesWithCode('FLOW001', (flow) =>
      Reflect.set(flow.nodes[1]?.config ?? {}, 'odd/key~', [1, Number.NaN]),
    );
    expect(notFinite?.pointer).toBe('/nodes/1/config/odd~1key~0/1');
    expect(notFinite?.message).toMatch(/finite/);
    const [callback] = issuesWithCode('FLOW001', (flow) => Reflect.set(flow, 'onEnter', () => 1));
    expect(callback?.pointer).toBe('/onEnter');
  });

  it('FLOW002: refuses a flow from a newer schema version', () => {
    const [issue] = issuesWithCode('FLOW002', (flow) => {
      flow.schemaVersion = 7;
    });
    expect(issue?.message).toMatch(/schemaVersion 7 .* upgrade/);
  });

  it('FLOW030: lists at most MAX_ISSUES issues and says how many more there were', () => {
    const result = validateMutated((flow) => {
      for (let i = 0; i < MAX_ISSUES + 20; i++) flow.nodes.push({ id: `x${i}`, type: 'nope', config: {} });
    });
    expect(result.issues).toHaveLength(MAX_ISSUES + 1);
    expect(result.issues.at(-1)).toMatchObject({ code: 'FLOW030', message: expect.stringMatching(/^\d+ more issues/) });
  });

  it('FLOW099: turns a failure inside the validator into an issue', () => {
    const broken = new Map(testCatalog());
    broken.get = () => {
      throw new Error('catalog offline');
    };
    const result = validateFlow(validTestFlow(), broken);
    expect(result).toMatchObject({
      ok: false,
      issues: [{ code: 'FLOW099', message: expect.stringMatching(/catalog offline/) }],
    });
  });
});
