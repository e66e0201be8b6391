import { evaluateExpression, parseExpression, validateFlow } from '@omniflow/flow-schema';
import { describe, expect, it } from 'vitest';
import { createBuiltInRegistry } from '../../nodeTypes/createBuiltInRegistry.ts';
import { buildTestFlow } from '../../testing/index.ts';
import { httpMappingMigration } from './httpMappingMigration.ts';
import { httpNode } from './httpNode.ts';

/** Migrates one version-1 mapping and returns the expression it became. */
function migrated(path: string, responseLanguage?: 'jsonpath' | 'jsonata'): unknown {
  const config = {
    method: 'GET',
    url: 'https://x',
    ...(responseLanguage ? { responseLanguage } : {}),
    responseMapping: [{ variable: 'v', path }],
  };
  const up = httpMappingMigration.up(config);
  const [mapping] = Array.isArray(up['responseMapping']) ? up['responseMapping'] : [];
  return mapping?.value;
}

/** Evaluates a migrated mapping over a reply, as the http node does. */
function read(expression: unknown, body: unknown): unknown {
  const parsed = parseExpression(String(expression));
  if (!parsed.ok) throw new Error(`expected ${String(expression)} to parse: ${parsed.error.message}`);
  return evaluateExpression(parsed.ast, { response: { status: 200, body } });
}

describe('http config migration to version 2 (response mappings as expressions)', () => {
  const doc = { a: { b: [{ c: 1 }, { 'd e': 'x' }] }, list: ['p', 'q'] };

  it('is the step the http node ships for its current version', () => {
    expect(httpNode.spec.version).toBe(httpMappingMigration.version);
    expect(httpNode.migrations).toContain(httpMappingMigration);
  });

  it('turns JSONPath members, indexes and quoted members into expressions that read the same values', () => {
    expect(migrated('$.a.b[0].c')).toBe('response.body.a.b[0].c');
    expect(migrated("$.a.b[1]['d e']")).toBe('response.body.a.b[1]["d e"]');
    expect(read(migrated('$.a.b[0].c'), doc)).toBe(1);
    expect(read(migrated("$.a.b[1]['d e']"), doc)).toBe('x');
    expect(read(migrated('$.list[1]'), doc)).toBe('q');
    expect(read(migrated('$'), doc)).toEqual(doc);
  });

  it('keeps missing steps null and the prototype out of reach', () => {
    expect(read(migrated('$.a.z.y'), doc)).toBeNull();
    expect(read(migrated('$.list[9]'), doc)).toBeNull();
    expect(read(migrated('$.a.constructor'), doc)).toBeNull();
  });

  it('quotes member names the expression language cannot write bare', () => {
    expect(migrated('$.order-id')).toBe('response.body["order-id"]');
    expect(read(migrated('$.order-id'), { 'order-id': 7 })).toBe(7);
  });

  it('migrates plain JSONata paths and drops responseLanguage', () => {
    const up = httpMappingMigration.up({
      method: 'GET',
      url: 'https://x',
      responseLanguage: 'jsonata',
      responseMapping: [{ variable: 'v', path: 'Account.Cards[0].`last four`' }],
    });
    expect(up).toEqual({
      method: 'GET',
      url: 'https://x',
      responseMapping: [{ variable: 'v', value: 'response.body.Account.Cards[0]["last four"]' }],
    });
    expect(migrated('$', 'jsonata')).toBe('response.body');
  });

  it('refuses, with a hint, what has no plain-path equivalent', () => {
    for (const path of ['a.b', '$..b', '$.a[*]'])
      expect(() => migrated(path)).toThrow(/not a plain path; write it as an expression over response/);
    expect(() => migrated('$sum(items.amount)', 'jsonata')).toThrow(
      /JSONata expression "\$sum\(items.amount\)" is not a plain path/,
    );
  });

  it('goes back down to JSONPath for plain paths into the body, and refuses anything else', () => {
    const v2 = {
      method: 'GET',
      url: 'https://x',
      responseMapping: [{ variable: 'v', value: 'response.body.a.b[1]["d e"]' }],
    };
    expect(httpMappingMigration.down(v2)).toEqual({
      method: 'GET',
      url: 'https://x',
      responseMapping: [{ variable: 'v', path: '$.a.b[1]["d e"]' }],
    });
    expect(httpMappingMigration.up(httpMappingMigration.down(v2))).toEqual(v2);
    expect(() => httpMappingMigration.down({ responseMapping: [{ variable: 'v', value: 'response.status' }] })).toThrow(
      /version 1 cannot express it/,
    );
  });

  it('runs when a flow with a version-1 http node is validated', () => {
    const flow = buildTestFlow(
      [
        {
          id: 'call',
          type: 'http',
          config: {
            method: 'GET',
            url: 'https://x',
            responseLanguage: 'jsonpath',
            responseMapping: [{ variable: 'balance', path: '$.balance' }],
          },
          to: { success: 'end', error: 'end', timeout: 'end' },
        },
        { id: 'end', type: 'end', config: {} },
      ],
      { variables: [{ name: 'balance', type: 'number' }] },
    );
    const v1 = {
      ...flow,
      nodes: flow.nodes.map((node) => (node.type === 'http' ? { ...node, typeVersion: 1 } : node)),
    };
    const result = validateFlow(v1, createBuiltInRegistry().catalog());
    expect(result.issues.map((issue) => issue.code)).toEqual(['FLOW024']);
    expect(result.ok && result.flow.nodes[0]).toMatchObject({
      typeVersion: 2,
      config: { responseMapping: [{ variable: 'balance', value: 'response.body.balance' }] },
    });
  });
});
