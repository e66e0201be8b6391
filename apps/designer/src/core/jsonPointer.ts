import { isRecord } from '@omniflow/flow-schema';

/** Splits a JSON pointer (`/options/0/label`) into unescaped segments. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .replace(/^\//, '')
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Joins segments into a JSON pointer, escaping `~` and `/`. */
export function joinPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** Reads the value at `pointer` inside `root`, or `undefined` when any step is missing. */
export function getAtPointer(root: unknown, pointer: string): unknown {
  let current: unknown = root;
  for (const segment of pointerSegments(pointer)) {
    if (Array.isArray(current)) current = current[Number(segment)];
    else if (isRecord(current)) current = Object.hasOwn(current, segment) ? current[segment] : undefined;
    else return undefined;
  }
  return current;
}

/**
 * Returns a copy of `root` with `value` written at `pointer`; missing containers are created
 * (arrays when the next segment is a number). `undefined` removes the key.
 */
export function setAtPointer<T>(root: T, pointer: string, value: unknown): T {
  const segments = pointerSegments(pointer);
  return writeAt(root, segments, value) as T;
}

function writeAt(node: unknown, segments: string[], value: unknown): unknown {
  const [head, ...rest] = segments;
  if (head === undefined) return value;
  if (Array.isArray(node)) {
    const copy = node.slice();
    const index = Number(head);
    if (rest.length === 0 && value === undefined) copy.splice(index, 1);
    else copy[index] = writeAt(copy[index], rest, value);
    return copy;
  }
  const base: Record<string, unknown> = isRecord(node) ? { ...node } : {};
  if (rest.length === 0 && value === undefined) {
    delete base[head];
    return base;
  }
  const child = base[head];
  const nextIsIndex = rest[0] !== undefined && /^\d+$/.test(rest[0]);
  base[head] = writeAt(child === undefined && nextIsIndex ? [] : child, rest, value);
  return base;
}
