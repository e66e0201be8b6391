import { describe, expect, it } from 'vitest';
import { newFlow } from './newFlow.ts';
import { copyNodes, isClipboardPayload, pasteNodes } from './clipboard.ts';

describe('clipboard', () => {
  it('remaps node references inside config to the pasted copies', () => {
    const flow = {
      ...newFlow('f', 'F'),
      nodes: [
        { id: 'menu1', type: 'menu', config: {} },
        { id: 'jump1', type: 'goto', config: { target: 'menu1', note: 'menu1 stays text inside a sentence' } },
      ],
    };
    const payload = copyNodes(flow, new Set(['menu1', 'jump1']));
    const { flow: next, pastedIds } = pasteNodes(flow, payload, { x: 0, y: 0 });
    expect(pastedIds).toEqual(['menu2', 'goto1']);
    const jump = next.nodes.find((n) => n.id === 'goto1');
    expect(jump?.config).toEqual({ target: 'menu2', note: 'menu1 stays text inside a sentence' });
  });

  it('recognises only its own payloads', () => {
    expect(isClipboardPayload(copyNodes(newFlow('f', 'F'), new Set(['start1'])))).toBe(true);
    expect(isClipboardPayload({ nodes: [] })).toBe(false);
  });

  it('makes the first pasted node the start of an empty flow', () => {
    const source = newFlow('a', 'A');
    const empty = { ...newFlow('b', 'B'), nodes: [], start: '' };
    const { flow } = pasteNodes(empty, copyNodes(source, new Set(['start1'])), { x: 0, y: 0 });
    expect(flow.start).toBe(flow.nodes[0]?.id);
  });
});
