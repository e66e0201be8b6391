import { describe, expect, it } from 'vitest';
import { compileFlow } from '../compile/compileFlow.ts';
import { createBuiltInRegistry } from '../nodeTypes/createBuiltInRegistry.ts';
import { buildTestFlow, en } from './buildTestFlow.ts';
import { walkFlowGraph } from './walkFlowGraph.ts';

function compiled(never: string) {
  const registry = createBuiltInRegistry().registerHandler('lookup', async () => ({ port: 'success' }));
  const flow = buildTestFlow(
    [
      { id: 'start', type: 'start', to: { next: 'menu' } },
      {
        id: 'menu',
        type: 'menu',
        config: { prompt: en('Menu.'), options: [{ key: '1', label: { 'en-US': 'look up' } }] },
        to: { '1': 'lookup', noInput: 'bye', noMatch: 'bye' },
      },
      {
        id: 'lookup',
        type: 'transaction',
        config: { handler: 'lookup', timeoutMs: 1000 },
        to: { success: 'check', error: 'sorry', timeout: 'sorry' },
      },
      {
        id: 'check',
        type: 'condition',
        config: { cases: [{ id: 'found', when: never }] },
        to: { found: 'found', default: 'bye' },
      },
      { id: 'found', type: 'message', config: { prompt: en('Found {{name}}.') }, to: { next: 'bye' } },
      { id: 'sorry', type: 'message', config: { prompt: en('Sorry.') }, to: { next: 'bye' } },
      { id: 'bye', type: 'end', config: {} },
    ],
    { variables: [{ name: 'name', type: 'string', default: '' }] },
  );
  const result = compileFlow(flow, registry);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.compiled;
}

describe('walkFlowGraph', () => {
  it('reaches nodes passed through without input and async outcomes, from the machine graph alone', () => {
    const walk = walkFlowGraph(compiled('name != ""'), { handlerVariables: { lookup: { name: 'Ada' } } });
    expect(walk.unreached).toEqual([]);
    expect(walk.routes.some((route) => route.includes('port.1 > xstate.done.actor.'))).toBe(true);
  });

  it('names a node that no path enters, such as the target of a case that is never true', () => {
    expect(walkFlowGraph(compiled('false')).unreached).toEqual(['found']);
    // Without the handler's answer the case cannot come true either.
    expect(walkFlowGraph(compiled('name != ""')).unreached).toEqual(['found']);
  });
});
