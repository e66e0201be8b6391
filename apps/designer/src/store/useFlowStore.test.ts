import { beforeEach, describe, expect, it } from 'vitest';
import { validateFlow, type FlowDocument } from '@omniflow/flow-schema';
import { newFlow } from '../core/newFlow.ts';
import { builtInSpecs, messageSpec } from '@omniflow/flow-engine/specs';
import { bankingDefinitions } from '@omniflow/plugin-banking/definitions';
import { createFlowStore } from './useFlowStore.ts';

type Store = ReturnType<typeof createFlowStore>;

function openStore(flow: FlowDocument = newFlow('card', 'Card activation', ['en-US', 'zh-CN'])): Store {
  const store = createFlowStore();
  store.getState().setCatalog([...builtInSpecs.map((definition) => definition.spec), ...bankingDefinitions]);
  store.getState().loadFlow(flow, 1);
  return store;
}

function flowOf(store: Store): FlowDocument {
  const flow = store.getState().flow;
  if (!flow) throw new Error('store has no flow; call loadFlow first');
  return flow;
}

describe('useFlowStore undo and redo', () => {
  let store: Store;
  beforeEach(() => {
    store = openStore();
  });

  it('undoes and redoes adding a node', () => {
    const before = flowOf(store);
    const id = store.getState().addNodeOfType('menu', { x: 300, y: 0 });
    expect(flowOf(store).nodes.map((n) => n.id)).toContain(id);
    store.getState().undo();
    expect(flowOf(store)).toBe(before);
    store.getState().redo();
    expect(flowOf(store).nodes.map((n) => n.id)).toContain(id);
  });

  it('groups a drag gesture into one undo step', () => {
    const id = store.getState().addNodeOfType('message', { x: 0, y: 0 }) ?? '';
    const afterAdd = flowOf(store);
    for (let x = 1; x <= 20; x += 1) store.getState().moveNodes(new Map([[id, { x: x * 10, y: x }]]), 'drag:1');
    store.getState().endGesture();
    expect(flowOf(store).nodes.find((n) => n.id === id)?.position).toEqual({ x: 200, y: 20 });
    store.getState().undo();
    expect(flowOf(store)).toBe(afterAdd);
  });

  it('groups typing in one field but not across fields', () => {
    const id = store.getState().addNodeOfType('message', { x: 0, y: 0 }) ?? '';
    for (const text of ['W', 'We', 'Wel', 'Welcome']) store.getState().setConfig(id, '/prompt/text/en-US', text);
    store.getState().setConfig(id, '/prompt/text/zh-CN', '欢迎');
    store.getState().undo();
    const node = () => flowOf(store).nodes.find((n) => n.id === id);
    const defaults = messageSpec.spec.defaults;
    expect(node()?.config).toEqual({ ...defaults, prompt: { text: { 'en-US': 'Welcome' } } });
    store.getState().undo();
    expect(node()?.config).toEqual(defaults);
  });

  it('drops the redo stack after a new edit', () => {
    store.getState().addNodeOfType('end', { x: 0, y: 0 });
    store.getState().undo();
    expect(store.getState().future).toHaveLength(1);
    store.getState().addNodeOfType('message', { x: 0, y: 0 });
    expect(store.getState().future).toHaveLength(0);
    store.getState().redo();
    expect(flowOf(store).nodes.map((n) => n.type)).toEqual(['start', 'message']);
  });

  it('removes the edges of a deleted node and restores them on undo', () => {
    const menu = store.getState().addNodeOfType('menu', { x: 0, y: 0 }) ?? '';
    store.getState().connect('start1', 'next', menu);
    store.getState().select([menu]);
    store.getState().deleteSelection();
    expect(flowOf(store).edges).toEqual([]);
    store.getState().undo();
    expect(flowOf(store).edges).toEqual([{ id: `start1:next`, source: 'start1', port: 'next', target: menu }]);
  });

  it('drops the edge of a menu option when the option is removed', () => {
    const menu = store.getState().addNodeOfType('menu', { x: 0, y: 0 }) ?? '';
    const end = store.getState().addNodeOfType('end', { x: 0, y: 0 }) ?? '';
    store.getState().connect(menu, '1', end);
    store.getState().setConfig(menu, '/options/0', undefined);
    expect(flowOf(store).edges).toEqual([]);
  });

  it('disconnects one port and leaves the others', () => {
    const menu = store.getState().addNodeOfType('menu', { x: 0, y: 0 }) ?? '';
    const end = store.getState().addNodeOfType('end', { x: 0, y: 0 }) ?? '';
    store.getState().connect(menu, '1', end);
    store.getState().connect(menu, 'noInput', end);
    store.getState().disconnect(menu, '1');
    expect(flowOf(store).edges.map((e) => e.port)).toEqual(['noInput']);
  });

  it('replaces the edge of a port that is connected again', () => {
    const a = store.getState().addNodeOfType('message', { x: 0, y: 0 }) ?? '';
    const b = store.getState().addNodeOfType('end', { x: 0, y: 0 }) ?? '';
    store.getState().connect('start1', 'next', a);
    store.getState().connect('start1', 'next', b);
    expect(flowOf(store).edges.map((e) => e.target)).toEqual([b]);
  });
});

describe('useFlowStore copy and paste', () => {
  it('pastes copies with fresh ids and the edges between them remapped', () => {
    const store = openStore();
    const menu = store.getState().addNodeOfType('menu', { x: 100, y: 100 }) ?? '';
    const end = store.getState().addNodeOfType('end', { x: 400, y: 100 }) ?? '';
    store.getState().connect(menu, '1', end);
    store.getState().connect('start1', 'next', menu);
    store.getState().select([menu, end]);
    const payload = store.getState().copySelection();
    expect(payload?.edges).toHaveLength(1);
    const pasted = store.getState().paste(payload!, { x: 40, y: 40 });
    const flow = flowOf(store);
    expect(pasted).toHaveLength(2);
    expect(new Set(flow.nodes.map((n) => n.id)).size).toBe(flow.nodes.length);
    const [newMenu, newEnd] = pasted;
    expect(flow.edges).toContainEqual({ id: `${newMenu}:1`, source: newMenu, port: '1', target: newEnd });
    expect(flow.edges.filter((e) => e.target === newMenu)).toEqual([]);
    expect(flow.nodes.find((n) => n.id === newMenu)?.position).toEqual({ x: 140, y: 140 });
    expect(store.getState().selectedNodeIds).toEqual(pasted);
  });

  it('pastes into another flow with the variables the nodes use', () => {
    const source = openStore({
      ...newFlow('a', 'A'),
      variables: [
        { name: 'cardLast4', type: 'string', sensitive: true },
        { name: 'unused', type: 'number' },
      ],
    });
    const ask = source.getState().addNodeOfType('ask', { x: 0, y: 0 }) ?? '';
    source.getState().setConfig(ask, '/variable', 'cardLast4');
    source.getState().select([ask]);
    const payload = source.getState().copySelection();

    const target = openStore(newFlow('b', 'B'));
    const [pastedId] = target.getState().paste(payload!);
    const flow = flowOf(target);
    expect(flow.variables).toEqual([{ name: 'cardLast4', type: 'string', sensitive: true }]);
    expect(flow.nodes.find((n) => n.id === pastedId)?.config.variable).toBe('cardLast4');
    target.getState().undo();
    expect(flowOf(target).variables).toEqual([]);
  });
});

describe('useFlowStore schema round trip', () => {
  it('keeps a flow built in the store valid JSON that validates and survives a JSON round trip', () => {
    const store = openStore();
    const menu = store.getState().addNodeOfType('menu', { x: 200, y: 0 }) ?? '';
    const end = store.getState().addNodeOfType('end', { x: 500, y: 0 }) ?? '';
    store.getState().setConfig(menu, '/prompt/text/zh-CN', '请选择');
    store.getState().setConfig(menu, '/options/0/label/zh-CN', '第一');
    store.getState().connect('start1', 'next', menu);
    store.getState().connect(menu, '1', end);
    store.getState().connect(menu, 'noInput', end);
    store.getState().connect(menu, 'noMatch', end);
    const flow = flowOf(store);
    const text = JSON.stringify(flow);
    const catalog = store.getState().catalog.validation;
    const result = validateFlow(JSON.parse(text), catalog);
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    store.getState().replaceFlow(JSON.parse(text));
    expect(flowOf(store)).toEqual(flow);
  });

  it('reports a missing locale as a problem on its node', () => {
    const store = openStore();
    const message = store.getState().addNodeOfType('message', { x: 200, y: 0 }) ?? '';
    store.getState().connect('start1', 'next', message);
    const result = validateFlow(flowOf(store), store.getState().catalog.validation);
    const issue = result.issues.find(
      (i) => i.nodeId === message && i.pointer.startsWith('/nodes/1/config/prompt') && i.message.includes('zh-CN'),
    );
    expect(issue?.severity).toBe('error');
  });
});

describe('useFlowStore variable declarations', () => {
  it('declares a variable from a picker as one undoable step (issue 20)', () => {
    const store = openStore();
    const before = flowOf(store);
    store.getState().declareVariable({ name: 'cardLast4', type: 'string' });
    expect(flowOf(store).variables).toContainEqual({ name: 'cardLast4', type: 'string' });
    store.getState().undo();
    expect(flowOf(store)).toBe(before);
  });

  it('leaves the flow unchanged when the name is already declared', () => {
    const store = openStore();
    store.getState().declareVariable({ name: 'amount', type: 'number' });
    const declared = flowOf(store);
    store.getState().declareVariable({ name: 'amount', type: 'string' });
    expect(flowOf(store)).toBe(declared);
  });
});

describe('useFlowStore drops a plugin node', () => {
  it('declares the variables its defaults name in the same undo step, so the drop shows no problems (issue 20)', () => {
    const store = openStore();
    const before = flowOf(store);
    const id = store.getState().addNodeOfType('banking.getBalance', { x: 300, y: 0 }) ?? '';
    const flow = flowOf(store);
    expect(flow.variables.map((v) => v.name)).toContain('customerId');
    const result = validateFlow(flow, store.getState().catalog.validation);
    // Its ports are still unconnected (FLOW011); what must be absent is any problem with its config.
    const index = flow.nodes.findIndex((n) => n.id === id);
    expect(result.issues.filter((i) => i.pointer.startsWith(`/nodes/${index}/config`))).toEqual([]);
    store.getState().undo();
    expect(flowOf(store)).toBe(before);
  });

  it('does not declare a variable twice when the flow already has it', () => {
    const store = openStore();
    store.getState().declareVariable({ name: 'customerId', type: 'number' });
    store.getState().addNodeOfType('banking.activateCard', { x: 300, y: 0 });
    expect(flowOf(store).variables.filter((v) => v.name === 'customerId')).toEqual([
      { name: 'customerId', type: 'number' },
    ]);
  });
});

describe('useFlowStore sticky notes and groups (issue 20)', () => {
  it('deletes a selected note and a selected group in one undoable step, leaving the group nodes', async () => {
    const { addNote, groupNodes } = await import('../core/annotationOps.ts');
    const store = openStore();
    const id = store.getState().addNodeOfType('message', { x: 300, y: 0 }) ?? '';
    store.getState().edit((f) => addNote(f, { x: 0, y: 300 }, 'remember').flow);
    store.getState().edit((f) => groupNodes(f, [id], 'G', () => ({ x: 300, y: 0, width: 220, height: 90 }))?.flow ?? f);
    const before = flowOf(store);
    store.getState().select([], [], ['note:note1', 'group:group1']);
    store.getState().deleteSelection();
    expect(flowOf(store).annotations).toBeUndefined();
    expect(flowOf(store).nodes.map((n) => n.id)).toContain(id);
    store.getState().undo();
    expect(flowOf(store)).toBe(before);
  });
});
