import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bankingDefinitions } from './definitions.ts';

describe('banking definitions', () => {
  it('import nothing but types, so the designer can bundle them without server code', () => {
    const source = readFileSync(new URL('./definitions.ts', import.meta.url), 'utf8');
    const imports = source.split('\n').filter((line) => line.startsWith('import '));
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.every((line) => line.startsWith('import type '))).toBe(true);
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
});
