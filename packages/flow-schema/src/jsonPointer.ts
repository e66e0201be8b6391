/** Builds a JSON pointer (RFC 6901) from path segments, escaping `~` and `/`. */
export function jsonPointer(...segments: readonly (string | number)[]): string {
  // Validation builds a pointer per config field: skip the escaping work when a segment needs none.
  let pointer = '';
  for (const segment of segments) {
    const text = String(segment);
    pointer +=
      text.includes('~') || text.includes('/') ? `/${text.replaceAll('~', '~0').replaceAll('/', '~1')}` : `/${text}`;
  }
  return pointer;
}

/** Reads the value a JSON pointer designates inside `root`, or `undefined` when it leads nowhere. */
export function resolvePointer(root: unknown, pointer: string): unknown {
  if (pointer === '') return root;
  if (!pointer.startsWith('/')) return undefined;
  let current: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (Array.isArray(current)) {
      if (!/^(0|[1-9]\d*)$/.test(key)) return undefined;
      current = current[Number(key)];
    } else if (typeof current === 'object' && current !== null && Object.hasOwn(current, key)) {
      current = Reflect.get(current, key);
    } else {
      return undefined;
    }
  }
  return current;
}
