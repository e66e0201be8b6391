import { describe, expect, it } from 'vitest';
import { evaluateExpression } from '../expression/evaluateExpression.ts';
import { parseExpression } from '../expression/parseExpression.ts';
import { FLOW_ISSUE_CODES } from './flowIssue.ts';
import type { FlowIssue } from './flowIssue.ts';
import { testCatalog, validTestFlow } from './testCatalog.ts';
import { validateFlow } from './validateFlow.ts';

/** A small seeded PRNG (mulberry32) so a failure reproduces from its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['start', 'menu', 'bye', 'next', '1', 'noInput', 'en-US', 'zh-CN', '{{cardLast4}}', 'len(x', '', 'x'.repeat(5000), '__proto__', 'constructor'];

function randomJson(next: () => number, depth = 0): unknown {
  const pick = Math.floor(next() * (depth > 4 ? 5 : 8));
  switch (pick) {
    case 0:
      return null;
    case 1:
      return next() < 0.5;
    case 2:
      return [0, -1, 1.5, 1e308, 2 ** 53, Math.floor(next() * 10)][Math.floor(next() * 6)];
    case 3:
    case 4:
      return WORDS[Math.floor(next() * WORDS.length)];
    case 5:
      return Array.from({ length: Math.floor(next() * 4) }, () => randomJson(next, depth + 1));
    default: {
      const object: Record<string, unknown> = {};
      for (let i = Math.floor(next() * 4); i > 0; i--) object[WORDS[Math.floor(next() * WORDS.length)] ?? 'k'] = randomJson(next, depth + 1);
      return object;
    }
  }
}

/** Replaces, deletes or wraps one random value somewhere inside `root`. */
function mutate(root: unknown, next: () => number): unknown {
  if (typeof root !== 'object' || root === null || next() < 0.15) return randomJson(next);
  const keys = Object.keys(root);
  const key = keys[Math.floor(next() * keys.length)];
  if (key === undefined) return root;
  if (next() < 0.1) Reflect.deleteProperty(root, key);
  else Reflect.set(root, key, mutate(Reflect.get(root, key), next));
  return root;
}

function expectWellFormed(result: ReturnType<typeof validateFlow>): void {
  for (const issue of result.issues) {
    const documented: { severity: FlowIssue['severity'] } | undefined = Reflect.get(FLOW_ISSUE_CODES, issue.code);
    expect(documented?.severity, issue.code).toBe(issue.severity);
    expect(issue.pointer === '' || issue.pointer.startsWith('/')).toBe(true);
    expect(issue.code).not.toBe('FLOW099');
  }
  if (result.ok) expect(result.issues.every((issue) => issue.severity === 'warning')).toBe(true);
  else expect(result.issues.some((issue) => issue.severity === 'error')).toBe(true);
}

describe('validateFlow on random input', () => {
  const catalog = testCatalog();

  it('never throws and reports only documented codes for random JSON values', () => {
    const next = random(1);
    for (let i = 0; i < 2000; i++) expectWellFormed(validateFlow(randomJson(next), catalog));
  });

  it('never throws and reports only documented codes for mutated valid flows', () => {
    const next = random(2);
    for (let i = 0; i < 1500; i++) {
      let flow: unknown = validTestFlow();
      for (let m = 1 + Math.floor(next() * 3); m > 0; m--) flow = mutate(flow, next);
      expectWellFormed(validateFlow(flow, catalog, { knownFlowIds: new Set(['a']) }));
    }
  });
});

describe('expressions on random input', () => {
  it('parses or refuses random sources and evaluates what parses without throwing', () => {
    const next = random(3);
    const alphabet = ['a', 'b.c', '[0]', '1', '"s"', "'t'", '+', '-', '*', '/', '%', '==', '<', '>=', '&&', '||', '!', 'not ', ' and ', '?', ':', '(', ')', 'len(', 'max(', ',', 'null', 'true', ' '];
    const scope = { a: [1, '2', { c: 3 }], b: { c: 'x' } };
    for (let i = 0; i < 5000; i++) {
      const source = Array.from({ length: 1 + Math.floor(next() * 12) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      const parsed = parseExpression(source);
      if (parsed.ok) expect(() => evaluateExpression(parsed.ast, scope)).not.toThrow();
      else expect(parsed.error.offset).toBeLessThanOrEqual(source.length);
    }
  });
});
