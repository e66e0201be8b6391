import { describe, expect, it } from 'vitest';
import { evaluateExpression } from '../expression/evaluateExpression.ts';
import { parseExpression } from '../expression/parseExpression.ts';
import { FLOW_ISSUE_CODES } from './flowIssue.ts';
import type { FlowIssue } from './flowIssue.ts';
import { testCatalog, validTestFlow } from './validationFixtures.ts';
import { validateFlow } from './validateFlow.ts';
import { seededRandom } from '../testing/seededRandom.ts';

const WORDS = [
  'start',
  'menu',
  'bye',
  'next',
  '1',
  'noInput',
  'en-US',
  'zh-CN',
  '{{cardLast4}}',
  'len(x',
  '',
  'x'.repeat(5000),
  '__proto__',
  'constructor',
];

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
      for (let i = Math.floor(next() * 4); i > 0; i--)
        object[WORDS[Math.floor(next() * WORDS.length)] ?? 'k'] = randomJson(next, depth + 1);
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

/** What is wrong with a validation result: undocumented codes, internal failures, an `ok` that disagrees. */
function problemsOf(result: ReturnType<typeof validateFlow>): string[] {
  const problems: string[] = [];
  for (const issue of result.issues) {
    const documented: { severity: FlowIssue['severity'] } | undefined = Reflect.get(FLOW_ISSUE_CODES, issue.code);
    if (documented?.severity !== issue.severity)
      problems.push(`${issue.code} is not documented as a ${issue.severity}`);
    if (issue.pointer !== '' && !issue.pointer.startsWith('/'))
      problems.push(`${issue.code} has pointer ${issue.pointer}`);
    if (issue.code === 'FLOW099') problems.push(`validator failed: ${issue.message}`);
  }
  const hasError = result.issues.some((issue) => issue.severity === 'error');
  if (result.ok === hasError) problems.push(`ok is ${result.ok} with${hasError ? '' : 'out'} errors`);
  return problems;
}

describe('validateFlow on random input', () => {
  const catalog = testCatalog();

  it('never throws and reports only documented codes for random JSON values', () => {
    const next = seededRandom(1);
    const problems: string[] = [];
    for (let i = 0; i < 2000; i++) problems.push(...problemsOf(validateFlow(randomJson(next), catalog)));
    expect(problems).toEqual([]);
  });

  it('never throws and reports only documented codes for mutated valid flows', () => {
    const next = seededRandom(2);
    const problems: string[] = [];
    for (let i = 0; i < 1500; i++) {
      let flow: unknown = validTestFlow();
      for (let m = 1 + Math.floor(next() * 3); m > 0; m--) flow = mutate(flow, next);
      problems.push(...problemsOf(validateFlow(flow, catalog, { knownFlowIds: new Set(['a']) })));
    }
    expect(problems).toEqual([]);
  });
});

const ALPHABET = [
  'a',
  'b.c',
  '[0]',
  '1',
  '"s"',
  "'t'",
  '+',
  '-',
  '*',
  '/',
  '%',
  '==',
  '<',
  '>=',
  '&&',
  '||',
  '!',
  'not ',
  ' and ',
  '?',
  ':',
  '(',
  ')',
  'len(',
  'max(',
  ',',
  'null',
  'true',
  ' ',
];

/** Why one random source misbehaved, or nothing. */
function expressionProblem(source: string): string[] {
  const parsed = parseExpression(source);
  if (!parsed.ok)
    return parsed.error.offset <= source.length ? [] : [`${source}: offset ${parsed.error.offset} past the end`];
  try {
    evaluateExpression(parsed.ast, { a: [1, '2', { c: 3 }], b: { c: 'x' } });
    return [];
  } catch (error) {
    return [`${source}: evaluation threw ${String(error)}`];
  }
}

describe('expressions on random input', () => {
  it('parses or refuses random sources and evaluates what parses without throwing', () => {
    const next = seededRandom(3);
    const problems: string[] = [];
    let parsedCount = 0;
    for (let i = 0; i < 5000; i++) {
      const source = Array.from(
        { length: 1 + Math.floor(next() * 12) },
        () => ALPHABET[Math.floor(next() * ALPHABET.length)],
      ).join('');
      if (parseExpression(source).ok) parsedCount++;
      problems.push(...expressionProblem(source));
    }
    expect(problems).toEqual([]);
    // Guards against a generator that only ever produces syntax errors.
    expect(parsedCount).toBeGreaterThan(100);
  });
});
