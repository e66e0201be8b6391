import type { FlowTestCase } from '@omniflow/flow-schema';

/** `base`, or `base-2`, `base-3`… when a test already has that id. */
export function uniqueTestId(tests: readonly FlowTestCase[], base: string): string {
  const ids = new Set(tests.map((test) => test.id));
  let id = base;
  for (let n = 2; ids.has(id); n += 1) id = `${base}-${n}`;
  return id;
}
