import { describe, expect, it } from 'vitest';
import { validateFlow, type FlowDocument } from '@omniflow/flow-schema';
import { compileFlow } from '@omniflow/flow-engine';
import { exampleFlows } from './exampleFlows.ts';
import { createExampleRegistry } from './exampleHarness.ts';

const { registry } = createExampleRegistry();

function validated(flow: unknown): FlowDocument {
  const result = validateFlow(flow, registry.catalog());
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.code} ${i.pointer} ${i.message}`).join('\n'));
  return result.flow;
}

describe('example flows', () => {
  it.each(exampleFlows.map((e) => [e.file, e.flow] as const))(
    '%s validates without errors or warnings and compiles',
    (_file, flow) => {
      const result = validateFlow(flow, registry.catalog());
      expect(result.issues).toEqual([]);
      expect(compileFlow(flow, registry).ok).toBe(true);
    },
  );

  it('are each written in en-US and zh-CN, and one also in ko-KR', () => {
    const locales = exampleFlows.map((e) => validated(e.flow).locales);
    expect(locales.every((l) => l.includes('en-US') && l.includes('zh-CN'))).toBe(true);
    expect(locales.some((l) => l.includes('ko-KR'))).toBe(true);
  });

  it('are laid out left to right on the canvas, columns 260px apart, with no two nodes on one spot', () => {
    for (const { file, flow } of exampleFlows) {
      const doc = validated(flow);
      const spots = new Set<string>();
      for (const node of doc.nodes) {
        expect(node.position, `${file} ${node.id}`).toBeDefined();
        const { x = 0, y = 0 } = node.position ?? {};
        expect((x - 80) % 260, `${file} ${node.id} column`).toBe(0);
        spots.add(`${x},${y}`);
      }
      expect(spots.size).toBe(doc.nodes.length);
      const byId = new Map(doc.nodes.map((n) => [n.id, n.position?.x ?? 0]));
      expect(byId.get(doc.start)).toBe(Math.min(...byId.values()));
    }
  });

  it('keep PINs in sensitive variables collected by keypad digits only', () => {
    const doc = validated(exampleFlows.find((e) => e.file === 'card-activation.json')?.flow);
    const sensitive = new Set(doc.variables.filter((v) => v.sensitive).map((v) => v.name));
    expect([...sensitive].toSorted()).toEqual(['confirmPin', 'newPin']);
    const pinAsks = doc.nodes.filter((n) => n.type === 'ask' && sensitive.has(String(n.config.variable)));
    expect(pinAsks).toHaveLength(2);
    for (const ask of pinAsks) expect(ask.config.slot).toMatchObject({ type: 'digits', minLength: 4, maxLength: 4 });
  });
});
