import type { FlowSummary } from '../api/runtimeClient.ts';

/** How the flow list is ordered. */
export type FlowSort = 'edited' | 'name' | 'status';

/** The flows whose name or id contains `query` (any case), ordered by last edit (newest first), name, or published first. */
export function sortFlows(flows: readonly FlowSummary[], query: string, sort: FlowSort): FlowSummary[] {
  const needle = query.trim().toLowerCase();
  const matching = flows.filter((f) => needle === '' || `${f.name} ${f.id}`.toLowerCase().includes(needle));
  const byName = (a: FlowSummary, b: FlowSummary) => (a.name || a.id).localeCompare(b.name || b.id);
  switch (sort) {
    case 'edited':
      return matching.toSorted((a, b) => (b.updatedAt ?? '').localeCompare(a.updatedAt ?? '') || byName(a, b));
    case 'name':
      return matching.toSorted(byName);
    case 'status':
      return matching.toSorted(
        (a, b) => Number(Boolean(b.publishedVersion)) - Number(Boolean(a.publishedVersion)) || byName(a, b),
      );
    default:
      return exhaustive(sort);
  }
}

function exhaustive(value: never): never {
  throw new Error(`Unhandled flow sort "${String(value)}"`);
}
