/** Limits on the raw input, checked before anything recursive touches it. */
export const JSON_LIMITS = { maxDepth: 64, maxValues: 2_000_000 } as const;

/**
 * Checks, without recursion, that a value is plain JSON within {@link JSON_LIMITS}; returns why not, or `null`.
 * Cyclic objects exceed the depth limit and are refused the same way.
 */
export function measureJson(root: unknown): { pointer: string; message: string } | null {
  const stack: { value: unknown; depth: number; pointer: string }[] = [{ value: root, depth: 0, pointer: '' }];
  let count = 0;
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    count++;
    if (count > JSON_LIMITS.maxValues) return { pointer: '', message: `the document holds more than ${JSON_LIMITS.maxValues} values; split the flow into subflows` };
    const { value, depth, pointer } = item;
    if (value === null || typeof value === 'string' || typeof value === 'boolean') continue;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return { pointer, message: 'numbers must be finite JSON numbers' };
      continue;
    }
    if (typeof value !== 'object') return { pointer, message: `a ${typeof value} is not JSON; flows hold only JSON values` };
    if (depth >= JSON_LIMITS.maxDepth) return { pointer, message: `the document nests deeper than ${JSON_LIMITS.maxDepth} levels; simplify this value` };
    // An index loop, not map: a sparse array's holes must be seen (as undefined, which is not JSON).
    const entries: [string, unknown][] = Array.isArray(value) ? Array.from({ length: value.length }, (_, i): [string, unknown] => [String(i), value[i]]) : Object.entries(value);
    for (const [key, child] of entries) {
      stack.push({ value: child, depth: depth + 1, pointer: `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}` });
    }
  }
  return null;
}
