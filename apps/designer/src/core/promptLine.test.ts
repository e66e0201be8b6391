import { describe, expect, it } from 'vitest';
import type { FlowNode, NodeTypeSpec } from '@omniflow/flow-schema';
import { builtInSpecs } from '@omniflow/flow-engine/specs';
import { createCatalog } from './nodeCatalog.ts';
import { promptLine, promptPointers } from './promptLine.ts';

/** The catalog as the runtime serves it: JSON specs, no functions. */
const catalog = createCatalog(JSON.parse(JSON.stringify(builtInSpecs.map((definition) => definition.spec))));
const spec = (type: string): NodeTypeSpec | undefined => catalog.byType.get(type);

describe('promptLine', () => {
  it('shows the first line of a menu prompt in the editing locale', () => {
    const menu: FlowNode = {
      id: 'm',
      type: 'menu',
      config: {
        prompt: { text: { 'en-US': 'For balance press 1.\nFor cards press 2.', 'ko-KR': '잔액은 1번' } },
        options: [{ key: '1', label: { 'en-US': 'Balance' } }],
      },
    };
    expect(promptLine(menu, spec('menu'), 'en-US')).toBe('For balance press 1.');
    expect(promptLine(menu, spec('menu'), 'ko-KR')).toBe('잔액은 1번');
  });

  it('marks a prompt that the editing locale lacks as empty rather than showing another language', () => {
    const ask: FlowNode = { id: 'a', type: 'ask', config: { prompt: { text: { 'en-US': 'Your PIN?' } } } };
    expect(promptLine(ask, spec('ask'), 'zh-CN')).toBe('');
  });

  it('finds prompt fields from the spec annotations, so a plugin type needs no canvas code', () => {
    const plugin: NodeTypeSpec = {
      ...(spec('end') as NodeTypeSpec),
      type: 'acme.greet',
      ui: {},
      configSchema: {
        type: 'object',
        properties: { greeting: { type: 'object', 'x-kind': 'prompt' }, note: { type: 'string' } },
      },
    };
    expect(promptPointers(plugin)).toEqual(['/greeting']);
    const node: FlowNode = { id: 'g', type: 'acme.greet', config: { greeting: { text: { 'en-US': 'Hello there' } } } };
    expect(promptLine(node, plugin, 'en-US')).toBe('Hello there');
  });

  it('gives no prompt line to a type without a prompt field, or to an unknown type', () => {
    expect(promptLine({ id: 's', type: 'set', config: {} }, spec('set'), 'en-US')).toBeNull();
    expect(promptLine({ id: 'x', type: 'gone', config: {} }, undefined, 'en-US')).toBeNull();
  });
});
