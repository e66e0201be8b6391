import type { FlowDocument, FlowEdge, FlowNode } from '@omniflow/flow-schema';
import { isRecord } from '@omniflow/flow-schema';
import { joinPointer } from './jsonPointer.ts';

/** One changed value, addressed by a JSON pointer into its node (or into the flow for flow-level fields). */
export interface FieldChange {
  pointer: string;
  before: unknown;
  after: unknown;
}

/** A node present in both versions whose fields differ. */
export interface NodeChange {
  id: string;
  label: string;
  changes: FieldChange[];
}

/** What changed from version `a` to version `b`. */
export interface FlowDiff {
  nodesAdded: FlowNode[];
  nodesRemoved: FlowNode[];
  nodesChanged: NodeChange[];
  edgesAdded: FlowEdge[];
  edgesRemoved: FlowEdge[];
  /** Flow-level fields (name, variables, locales, start, tests …), nodes and edges left out. */
  flowChanges: FieldChange[];
}

/** Compares two flow documents: nodes added, removed and changed (with field changes by JSON pointer), edges added and removed. */
export function diffFlowVersions(a: FlowDocument, b: FlowDocument): FlowDiff {
  const before = new Map(a.nodes.map((n) => [n.id, n]));
  const after = new Map(b.nodes.map((n) => [n.id, n]));
  const nodesChanged: NodeChange[] = [];
  for (const [id, next] of after) {
    const previous = before.get(id);
    if (!previous) continue;
    const changes = fieldChanges(previous, next, []);
    if (changes.length > 0) nodesChanged.push({ id, label: next.label ?? id, changes });
  }
  const edgeKey = (e: FlowEdge) => `${e.source}\u0000${e.port}\u0000${e.target}`;
  const edgesBefore = new Set(a.edges.map(edgeKey));
  const edgesAfter = new Set(b.edges.map(edgeKey));
  return {
    nodesAdded: b.nodes.filter((n) => !before.has(n.id)),
    nodesRemoved: a.nodes.filter((n) => !after.has(n.id)),
    nodesChanged,
    edgesAdded: b.edges.filter((e) => !edgesBefore.has(edgeKey(e))),
    edgesRemoved: a.edges.filter((e) => !edgesAfter.has(edgeKey(e))),
    flowChanges: fieldChanges(flowFields(a), flowFields(b), []),
  };
}

/** Whether a diff holds any change at all. */
export function isEmptyDiff(diff: FlowDiff): boolean {
  return Object.values(diff).every((list: unknown[]) => list.length === 0);
}

function flowFields(flow: FlowDocument): Record<string, unknown> {
  return Object.fromEntries(Object.entries(flow).filter(([key]) => key !== 'nodes' && key !== 'edges'));
}

function fieldChanges(before: unknown, after: unknown, path: (string | number)[]): FieldChange[] {
  if (Object.is(before, after)) return [];
  if (Array.isArray(before) && Array.isArray(after)) {
    const out: FieldChange[] = [];
    for (let i = 0; i < Math.max(before.length, after.length); i++)
      out.push(...fieldChanges(before[i], after[i], [...path, i]));
    return out;
  }
  if (isRecord(before) && isRecord(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    return [...keys].flatMap((key) => fieldChanges(before[key], after[key], [...path, key]));
  }
  return [{ pointer: joinPointer(path), before, after }];
}
