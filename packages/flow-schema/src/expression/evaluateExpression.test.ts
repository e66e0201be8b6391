import { describe, expect, it } from 'vitest';
import { evaluateExpression } from './evaluateExpression.ts';
import { expressionVariables } from './expressionVariables.ts';
import { parseExpression } from './parseExpression.ts';
import type { ExpressionEnvironment } from './expressionFunctions.ts';

function run(src: string, scope: Record<string, unknown> = {}, env: ExpressionEnvironment = {}): unknown {
  const result = parseExpression(src);
  if (!result.ok) throw new Error(`expected ${src} to parse: ${result.error.message}`);
  return evaluateExpression(result.ast, scope, env);
}

describe('evaluateExpression', () => {
  it('compares DTMF digit strings with numbers', () => {
    expect(run('digits == 1', { digits: '1' })).toBe(true);
    expect(run('digits != 1', { digits: '01' })).toBe(false);
    expect(run('digits > 5', { digits: '10' })).toBe(true);
  });

  it('reads value and nested fields from the scope', () => {
    const scope = { value: '0000', customer: { name: 'Ada', cards: [{ last4: '4242' }] } };
    expect(run('value != "0000"', scope)).toBe(false);
    expect(run('"Hello " + customer.name + "!"', scope)).toBe('Hello Ada!');
    expect(run('customer.cards[0].last4', scope)).toBe('4242');
  });

  it('concatenates with + when either side is a string and adds numbers otherwise', () => {
    expect(run('1 + 2')).toBe(3);
    expect(run('"n" + 1 + 2')).toBe('n12');
    expect(run('"x" + missing')).toBe('x');
  });

  it('yields null instead of throwing on type errors', () => {
    expect(run('"a" * 2')).toBeNull();
    expect(run('1 / 0')).toBeNull();
    expect(run('missing.field.deeper')).toBeNull();
    expect(run('upper(3)')).toBeNull();
    expect(run('true + 1')).toBeNull();
    expect(run('-"abc"')).toBeNull();
    expect(run('{} < 1'.replace('{}', 'obj'), { obj: {} })).toBeNull();
  });

  it('never reaches the prototype chain', () => {
    expect(run('constructor')).toBeNull();
    expect(run('x.constructor', { x: {} })).toBeNull();
    expect(run('x["__proto__"]', { x: {} })).toBeNull();
    expect(run('s.length', { s: 'abc' })).toBeNull();
  });

  it('refuses __proto__, constructor and prototype even as own keys of parsed JSON', () => {
    const reply: unknown = JSON.parse('{"__proto__": {"a": 1}, "constructor": 2, "prototype": 3, "ok": 4}');
    expect(run('r.__proto__', { r: reply })).toBeNull();
    expect(run('r["constructor"]', { r: reply })).toBeNull();
    expect(run('r.prototype', { r: reply })).toBeNull();
    expect(run('r.ok', { r: reply })).toBe(4);
  });

  it('short-circuits and returns the deciding operand', () => {
    expect(run('name || "caller"', { name: '' })).toBe('caller');
    expect(run('false && len(1) > 0')).toBe(false);
    expect(run('a ? "yes" : "no"', { a: 0 })).toBe('no');
  });

  it('runs the string and list functions', () => {
    const scope = { card: '4111111111114242', list: [3, 9, '4'] };
    expect(run('last(card, 4)', scope)).toBe('4242');
    expect(run('substr(card, 0, 4)', scope)).toBe('4111');
    expect(run('len(card) == 16 and startsWith(card, "4")', scope)).toBe(true);
    expect(run('contains(list, 4) && !contains(list, 5)', scope)).toBe(true);
    expect(run('max(list) - min(1, 2)', scope)).toBe(8);
    expect(run('upper(trim("  hi ")) + lower("X")')).toBe('HIx');
    expect(run('isEmpty(list) or isEmpty("")', scope)).toBe(true);
    expect(run('endsWith("abc", "bc")')).toBe(true);
  });

  it('runs the number functions', () => {
    expect(run('round(2.345, 2) + floor(1.9) + ceil(0.1) + abs(-1)')).toBeCloseTo(5.35);
    expect(run('number(" 42 ") + 1')).toBe(43);
    expect(run('number("4x")')).toBeNull();
    expect(run('string(12) + string(null)')).toBe('12');
  });

  it('reads time from the injected clock', () => {
    const env = { now: () => Date.UTC(2026, 10, 25, 23, 30), timeZone: 'Asia/Seoul' };
    expect(run('now()', {}, env)).toBe('2026-11-25T23:30:00.000Z');
    expect(run('today()', {}, env)).toBe('2026-11-26');
    expect(run('daysBetween("2026-11-20", today())', {}, env)).toBe(6);
    expect(run('daysBetween("someday", today())', {}, env)).toBeNull();
  });
});

describe('expressionVariables', () => {
  it('lists root variables once, not fields or functions', () => {
    const result = parseExpression('len(customer.name) > 0 && tries < max(limit, customer.limit) ? a[b] : "c"');
    expect(result.ok && expressionVariables(result.ast)).toEqual(['customer', 'tries', 'limit', 'a', 'b']);
  });
});
