import { describe, expect, it } from 'vitest';
import { toJsonObject, toJsonValue } from './toJsonValue.ts';

describe('toJsonValue', () => {
  it('copies plain JSON and drops properties left undefined', () => {
    const source = { a: [1, 'x', null, { b: true }], c: undefined };
    const copy = toJsonValue(source);
    expect(copy).toEqual({ a: [1, 'x', null, { b: true }] });
    expect(copy).not.toBe(source);
  });

  it('refuses what JSON cannot hold, naming where it is', () => {
    expect(() => toJsonValue({ schema: { check: () => true } })).toThrow(/\/schema\/check is not JSON \(function\)/);
    expect(() => toJsonValue({ at: new Date(0) })).toThrow(/\/at is not JSON/);
    expect(() => toJsonObject([1], 'the defaults of x')).toThrow(/the defaults of x must be a JSON object/);
  });
});
