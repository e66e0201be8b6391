import type { RequestHandler } from 'express';
import { ApiError } from './ApiError.ts';

/** How deep a request's JSON may nest by default: a flow document needs about ten levels, expressions a few more. */
export const DEFAULT_JSON_MAX_DEPTH = 64;

/**
 * The JSON pointer of the first value nested deeper than `maxDepth` (the top level is depth 0), or `undefined`.
 * Iterative, so a hostile document cannot exhaust the stack while it is being checked.
 */
export function tooDeepAt(value: unknown, maxDepth: number): string | undefined {
  const stack: { value: unknown; depth: number; pointer: string }[] = [{ value, depth: 0, pointer: '' }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (typeof item.value !== 'object' || item.value === null) continue;
    if (item.depth >= maxDepth) return item.pointer;
    const entries: [string, unknown][] = Array.isArray(item.value)
      ? item.value.map((v, i) => [String(i), v])
      : Object.entries(item.value);
    for (const [key, child] of entries) {
      if (typeof child === 'object' && child !== null)
        stack.push({ value: child, depth: item.depth + 1, pointer: `${item.pointer}/${escapePointer(key)}` });
    }
  }
  return undefined;
}

/** Throws a 400 naming where `value` nests deeper than `maxDepth` (issue 14: 10,000 levels once answered 500). */
export function assertJsonDepth(value: unknown, maxDepth: number): void {
  const pointer = tooDeepAt(value, maxDepth);
  if (pointer === undefined) return;
  throw new ApiError(400, {
    code: 'JSON_TOO_DEEP',
    message: `The JSON nests deeper than ${maxDepth} levels at ${pointer}; flatten it (limit: OMNIFLOW_JSON_MAX_DEPTH).`,
    pointer,
  });
}

/** Express middleware refusing parsed JSON bodies deeper than `maxDepth` before any handler touches them. */
export function limitJsonDepth(maxDepth: number): RequestHandler {
  return (req, _res, next) => {
    assertJsonDepth(req.body, maxDepth);
    next();
  };
}

function escapePointer(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}
