import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateFlow } from '@omniflow/flow-schema';
import { buildTestFlow, importGraph } from '@omniflow/flow-engine/testing';
import { createBuiltInRegistry } from '@omniflow/flow-engine';
import { bankingDefinitions } from './definitions.ts';
import { bankingPack } from './handlers.ts';

describe('banking definitions', () => {
  it('import no server code, so the designer can bundle them', () => {
    const { files, packages } = importGraph(fileURLToPath(new URL('./definitions.ts', import.meta.url)));
    expect([...packages].toSorted()).toEqual(['@omniflow/flow-schema', 'typebox']);
    expect([...files].filter((file) => file.endsWith('Handler.ts') || file.endsWith('coreBankingClient.ts'))).toEqual(
      [],
    );
  });

  it('give every required field a default and every port a label', () => {
    for (const spec of bankingDefinitions) {
      const required = spec.configSchema.required;
      expect(Array.isArray(required)).toBe(true);
      for (const field of Array.isArray(required) ? required : []) {
        expect(spec.defaults, `${spec.type} default for ${String(field)}`).toHaveProperty(String(field));
      }
      expect(spec.ports.map((p) => ('name' in p ? p.name : '')).slice(-2)).toEqual(['error', 'timeout']);
      expect(spec.ports.every((p) => typeof p.label === 'string' && p.label.length > 0)).toBe(true);
    }
  });

  it('round-trip through JSON unchanged', () => {
    expect(JSON.parse(JSON.stringify(bankingDefinitions))).toEqual(bankingDefinitions);
  });

  it('have default configs that validate in a flow, with every port connectable', () => {
    const catalog = createBuiltInRegistry().registerAll(bankingPack.definitions).catalog();
    for (const spec of bankingDefinitions) {
      const variables = Object.values(spec.defaults)
        .filter((value): value is string => typeof value === 'string')
        .map((name) => ({ name, type: 'string' as const }));
      const ports = Object.fromEntries(spec.ports.map((p) => ['name' in p ? p.name : '', 'done']));
      const flow = buildTestFlow(
        [
          { id: 'start', type: 'start', to: { next: 'call' } },
          { id: 'call', type: spec.type, config: spec.defaults, to: ports },
          { id: 'done', type: 'end' },
        ],
        { variables },
      );
      const result = validateFlow(flow, catalog);
      expect({ type: spec.type, issues: result.issues }).toEqual({ type: spec.type, issues: [] });
    }
  });
});
