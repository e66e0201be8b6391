import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../nodeTypeSpec.ts';
import { collectConfigFields } from './collectConfigFields.ts';

describe('collectConfigFields', () => {
  it('finds annotated fields through items, prefixItems, patternProperties, allOf and definitions refs', () => {
    const schema: JsonSchema = {
      type: 'object',
      definitions: { name: { type: 'string', 'x-kind': 'variable' } },
      properties: {
        steps: { type: 'array', items: { allOf: [{ properties: { when: { 'x-kind': 'expression' } } }] } },
        pair: { type: 'array', prefixItems: [{ 'x-kind': 'template' }, { $ref: '#/definitions/name' }] },
        headers: {
          type: 'object',
          patternProperties: { '^x-': { 'x-kind': 'secret' } },
          additionalProperties: { 'x-kind': 'template' },
        },
      },
    };
    const config = {
      steps: [{ when: 'a > 1' }, {}],
      pair: ['Hi {{a}}', 'b'],
      headers: { 'x-key': 'API_KEY', accept: '{{c}}' },
    };
    expect(collectConfigFields(schema, config).map((field) => [field.kind, field.pointer, field.value])).toEqual([
      ['expression', '/steps/0/when', 'a > 1'],
      ['template', '/pair/0', 'Hi {{a}}'],
      ['variable', '/pair/1', 'b'],
      ['secret', '/headers/x-key', 'API_KEY'],
      ['template', '/headers/accept', '{{c}}'],
    ]);
  });

  it('reports a field annotated twice once, with the implicit names of both annotations', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: {
        rule: {
          'x-kind': 'expression',
          'x-implicit': ['value'],
          allOf: [{ 'x-kind': 'expression', 'x-implicit': ['attempt'] }],
        },
      },
    };
    expect(collectConfigFields(schema, { rule: 'value > attempt' })).toEqual([
      { kind: 'expression', pointer: '/rule', value: 'value > attempt', implicit: ['value', 'attempt'] },
    ]);
  });

  it('stops at self-referencing schemas', () => {
    const schema: JsonSchema = { $ref: '#/$defs/loop', $defs: { loop: { $ref: '#/$defs/loop' } } };
    expect(collectConfigFields(schema, { a: 1 })).toEqual([]);
  });
});
