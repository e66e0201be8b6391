/**
 * Value semantics shared by the evaluator and its functions. Values are JSON; a type error is `null`.
 */

/** JavaScript-like truthiness: `null`, `false`, `0`, `NaN` and `""` are false; everything else is true. */
export function isTruthy(value: unknown): boolean {
  return !(
    value === null ||
    value === undefined ||
    value === false ||
    value === 0 ||
    value === '' ||
    Number.isNaN(value)
  );
}

/** A number, or a string holding one (DTMF digits arrive as strings); anything else is `null`. */
export function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value.trim());
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}

/** The text form used by `+` concatenation and `string()`: `null` is empty, objects are JSON. */
export function toText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    // Cyclic or otherwise unserializable data: no text form.
    return '';
  }
}

/** Equality for `==`: a number equals a string holding the same number; arrays and objects compare by content. */
export function looseEquals(a: unknown, b: unknown, depth = 0): boolean {
  if (a === undefined) a = null;
  if (b === undefined) b = null;
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'string') return toNumber(b) === a;
  if (typeof a === 'string' && typeof b === 'number') return toNumber(a) === b;
  if (depth > 32 || typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => looseEquals(item, b[i], depth + 1));
  }
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) => Object.hasOwn(b, key) && looseEquals(ownValue(a, key), ownValue(b, key), depth + 1));
}

/** Reads an own property only, so `constructor` or `__proto__` can never reach the prototype. */
export function ownValue(object: object, key: string): unknown {
  if (!Object.hasOwn(object, key)) return null;
  const value: unknown = Reflect.get(object, key);
  return value === undefined ? null : value;
}

/** Orders two values for `<`-style operators: numbers (and numeric strings against numbers) or two strings. */
export function compareValues(a: unknown, b: unknown): number | null {
  if (typeof a === 'string' && typeof b === 'string') {
    const na = toNumber(a);
    const nb = toNumber(b);
    if (na !== null && nb !== null) return na - nb;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (typeof a === 'number' || typeof b === 'number') {
    const na = toNumber(a);
    const nb = toNumber(b);
    return na === null || nb === null ? null : na - nb;
  }
  return null;
}
