import type { VersionRelease } from '../store/FlowStore.ts';

/** The release of a document that calls no subflow, for tests and benches that publish straight to a store. */
export function noSubflows(document: Record<string, unknown>): VersionRelease {
  return { document, subflows: {} };
}
