import type {
  CanvasGroup,
  CanvasNote,
  FlowDocument,
  FlowEdge,
  FlowNode,
  VariableDeclaration,
} from '@omniflow/flow-schema';
import { isRecord } from '@omniflow/flow-schema';
import { edgeKey, nextNodeId } from './flowOps.ts';
import { annotationCanvasId, annotationsOf, freshId } from './annotationOps.ts';

/**
 * What the designer puts on the clipboard: nodes, the edges between them and the variables they mention, and the
 * sticky notes and groups copied with them (older payloads have none).
 */
export interface ClipboardPayload {
  kind: 'omniflow/nodes';
  nodes: FlowNode[];
  edges: FlowEdge[];
  variables: VariableDeclaration[];
  notes?: CanvasNote[];
  groups?: CanvasGroup[];
}

/**
 * Copies the given nodes with the edges between them and the declarations of variables they mention, and the notes
 * and groups named by canvas id in `annotationIds`; a group is copied with its nodes.
 */
export function copyNodes(
  flow: FlowDocument,
  nodeIds: ReadonlySet<string>,
  annotationIds: ReadonlySet<string> = new Set(),
): ClipboardPayload {
  const annotations = annotationsOf(flow);
  const groups = annotations.groups.filter((g) => annotationIds.has(annotationCanvasId('group', g.id)));
  const notes = annotations.notes.filter((n) => annotationIds.has(annotationCanvasId('note', n.id)));
  const copied = new Set([...nodeIds, ...groups.flatMap((g) => g.nodes)]);
  const nodes = flow.nodes.filter((n) => copied.has(n.id));
  const edges = flow.edges.filter((e) => copied.has(e.source) && copied.has(e.target));
  const text = JSON.stringify(nodes.map((n) => n.config));
  const variables = flow.variables.filter((v) => new RegExp(`\\b${escapeRegExp(v.name)}\\b`).test(text));
  return structuredClone({
    kind: 'omniflow/nodes',
    nodes,
    edges,
    variables,
    ...(notes.length > 0 ? { notes } : {}),
    ...(groups.length > 0 ? { groups } : {}),
  });
}

/**
 * Pastes a payload into `flow`: every node gets a fresh id, edges and `x-kind: node` references between the
 * pasted nodes follow the new ids, positions shift by `offset`, and missing variable declarations are added.
 */
export function pasteNodes(
  flow: FlowDocument,
  payload: ClipboardPayload,
  offset: { x: number; y: number },
): { flow: FlowDocument; pastedIds: string[]; pastedAnnotationIds: string[] } {
  const taken = new Set(flow.nodes.map((n) => n.id));
  const idMap = new Map<string, string>();
  for (const node of payload.nodes) {
    const id = nextNodeId(node.type, taken);
    taken.add(id);
    idMap.set(node.id, id);
  }
  const nodes = payload.nodes.map((node) => ({
    ...structuredClone(node),
    id: idMap.get(node.id) ?? node.id,
    position: { x: (node.position?.x ?? 0) + offset.x, y: (node.position?.y ?? 0) + offset.y },
    config: remapNodeRefs(structuredClone(node.config), idMap),
  }));
  const edges = payload.edges.flatMap((edge) => {
    const source = idMap.get(edge.source);
    const target = idMap.get(edge.target);
    return source && target ? [{ id: edgeKey({ source, port: edge.port }), source, port: edge.port, target }] : [];
  });
  const declared = new Set(flow.variables.map((v) => v.name));
  const variables = [...flow.variables, ...payload.variables.filter((v) => !declared.has(v.name))];
  const start = flow.nodes.length === 0 && nodes[0] ? nodes[0].id : flow.start;
  const shifted = { x: offset.x, y: offset.y };
  const annotations = annotationsOf(flow);
  const takenAnnotationIds = new Set<string>();
  const fresh = (kind: 'note' | 'group') => {
    const id = freshId(kind, annotations, takenAnnotationIds);
    takenAnnotationIds.add(id);
    return id;
  };
  const notes = (payload.notes ?? []).map((n) => ({
    ...structuredClone(n),
    id: fresh('note'),
    position: plus(n.position, shifted),
  }));
  const groups = (payload.groups ?? []).map((g) => ({
    ...structuredClone(g),
    id: fresh('group'),
    position: plus(g.position, shifted),
    nodes: g.nodes.flatMap((id) => idMap.get(id) ?? []),
  }));
  const pastedAnnotations =
    notes.length + groups.length === 0
      ? {}
      : {
          annotations: {
            ...annotations,
            notes: [...annotations.notes, ...notes],
            groups: [...annotations.groups, ...groups],
          },
        };
  return {
    flow: {
      ...flow,
      start,
      variables,
      nodes: [...flow.nodes, ...nodes],
      edges: [...flow.edges, ...edges],
      ...pastedAnnotations,
    },
    pastedIds: nodes.map((n) => n.id),
    pastedAnnotationIds: [
      ...notes.map((n) => annotationCanvasId('note', n.id)),
      ...groups.map((g) => annotationCanvasId('group', g.id)),
    ],
  };
}

function plus(p: { x: number; y: number }, d: { x: number; y: number }): { x: number; y: number } {
  return { x: p.x + d.x, y: p.y + d.y };
}

/** Type guard for a clipboard payload read back from text. */
export function isClipboardPayload(value: unknown): value is ClipboardPayload {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const optionalList = (x: unknown) => x === undefined || Array.isArray(x);
  return (
    v.kind === 'omniflow/nodes' &&
    Array.isArray(v.nodes) &&
    Array.isArray(v.edges) &&
    Array.isArray(v.variables) &&
    optionalList(v.notes) &&
    optionalList(v.groups)
  );
}

// Config strings that exactly equal a copied node id are node references (`x-kind: node` fields, e.g. intent targets).
function remapNodeRefs(value: Record<string, unknown>, idMap: ReadonlyMap<string, string>): Record<string, unknown> {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return idMap.get(v) ?? v;
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  const out = walk(value);
  return isRecord(out) ? out : {};
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
