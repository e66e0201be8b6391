import { jsonPointer } from '../jsonPointer.ts';

/** Limits on the raw input, checked before anything recursive touches it. */
export const JSON_LIMITS = { maxDepth: 64, maxValues: 2_000_000 } as const;

/**
 * Checks, without recursion, that a value is plain JSON within {@link JSON_LIMITS}; returns why not, or `null`.
 * Cyclic objects exceed the depth limit and are refused the same way.
 */
export function measureJson(root: unknown): { pointer: string; message: string } | null {
  // Pointers are built only for the value that fails: a parent link per item keeps the walk allocation-light.
  const stack: Visit[] = [{ value: root, depth: 0, parent: null, key: '' }];
  let count = 0;
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    count++;
    if (count > JSON_LIMITS.maxValues)
      return {
        pointer: '',
        message: `the document holds more than ${JSON_LIMITS.maxValues} values; split the flow into subflows`,
      };
    const { value, depth } = item;
    if (value === null || typeof value === 'string' || typeof value === 'boolean') continue;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return { pointer: pointerOf(item), message: 'numbers must be finite JSON numbers' };
      continue;
    }
    if (typeof value !== 'object')
      return { pointer: pointerOf(item), message: `a ${typeof value} is not JSON; flows hold only JSON values` };
    if (depth >= JSON_LIMITS.maxDepth)
      return {
        pointer: pointerOf(item),
        message: `the document nests deeper than ${JSON_LIMITS.maxDepth} levels; simplify this value`,
      };
    if (Array.isArray(value)) {
      // An index loop, not map: a sparse array's holes must be seen (as undefined, which is not JSON).
      for (let index = 0; index < value.length; index++)
        stack.push({ value: value[index], depth: depth + 1, parent: item, key: index });
    } else {
      for (const key of Object.keys(value))
        stack.push({ value: Reflect.get(value, key), depth: depth + 1, parent: item, key });
    }
  }
  return null;
}

interface Visit {
  value: unknown;
  depth: number;
  parent: Visit | null;
  key: string | number;
}

function pointerOf(visit: Visit): string {
  const keys: (string | number)[] = [];
  for (let at: Visit | null = visit; at !== null && at.parent !== null; at = at.parent) keys.push(at.key);
  return jsonPointer(...keys.toReversed());
}
