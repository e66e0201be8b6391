import type {
  CanvasPosition,
  FlowDocument,
  FlowEdge,
  FlowNode,
  NodeTypeSpec,
  VariableDeclaration,
} from '@omniflow/flow-schema';
import { setAtPointer } from './jsonPointer.ts';

/** Pure edits of a flow document; each returns a new document and never mutates its input. */

/** The id an edge gets in the designer: one edge per source port, so source + port identify it. */
export function edgeKey(edge: Pick<FlowEdge, 'source' | 'port'>): string {
  return `${edge.source}:${edge.port}`;
}

/** A fresh node id for `type` that is not used in `taken` (`menu1`, `menu2`, `activateCard1`). */
export function nextNodeId(type: string, taken: ReadonlySet<string>): string {
  const base = (type.split('.').pop() ?? 'node').replace(/[^A-Za-z0-9_]/g, '') || 'node';
  for (let n = 1; ; n += 1) {
    const id = `${base}${n}`;
    if (!taken.has(id)) return id;
  }
}

/** Builds a node of `spec` with a deep copy of its defaults. */
export function createNode(spec: NodeTypeSpec, id: string, position: CanvasPosition): FlowNode {
  return {
    id,
    type: spec.type,
    label: spec.title,
    position: { x: Math.round(position.x), y: Math.round(position.y) },
    typeVersion: spec.version,
    config: structuredClone(spec.defaults),
  };
}

/** Adds `node`; the first node of an empty flow becomes its start. */
export function addNode(flow: FlowDocument, node: FlowNode): FlowDocument {
  const nodes = [...flow.nodes, node];
  const start = flow.start && flow.nodes.some((n) => n.id === flow.start) ? flow.start : node.id;
  return { ...flow, nodes, start };
}

/** Moves nodes to new canvas positions. */
export function moveNodes(flow: FlowDocument, moves: ReadonlyMap<string, CanvasPosition>): FlowDocument {
  return {
    ...flow,
    nodes: flow.nodes.map((n) => {
      const p = moves.get(n.id);
      return p ? { ...n, position: { x: Math.round(p.x), y: Math.round(p.y) } } : n;
    }),
  };
}

/** Removes nodes (and every edge touching them) and edges by their designer key. */
export function deleteElements(
  flow: FlowDocument,
  nodeIds: ReadonlySet<string>,
  edgeKeys: ReadonlySet<string> = new Set(),
): FlowDocument {
  return {
    ...flow,
    nodes: flow.nodes.filter((n) => !nodeIds.has(n.id)),
    edges: flow.edges.filter((e) => !nodeIds.has(e.source) && !nodeIds.has(e.target) && !edgeKeys.has(edgeKey(e))),
  };
}

/** Connects `source.port` to `target`, replacing any edge that port already had. */
export function connectPort(flow: FlowDocument, source: string, port: string, target: string): FlowDocument {
  const edges = flow.edges.filter((e) => !(e.source === source && e.port === port));
  edges.push({ id: edgeKey({ source, port }), source, port, target });
  return { ...flow, edges };
}

/** Writes a config value of one node at a pointer relative to its config. */
export function setNodeConfig(flow: FlowDocument, nodeId: string, pointer: string, value: unknown): FlowDocument {
  return {
    ...flow,
    nodes: flow.nodes.map((n) => (n.id === nodeId ? { ...n, config: setAtPointer(n.config, pointer, value) } : n)),
  };
}

/** Renames a node's label. */
export function setNodeLabel(flow: FlowDocument, nodeId: string, label: string): FlowDocument {
  return { ...flow, nodes: flow.nodes.map((n) => (n.id === nodeId ? { ...n, label } : n)) };
}

/** Drops edges whose source port no longer exists (e.g. after a menu option was removed). */
export function pruneDanglingEdges(
  flow: FlowDocument,
  portsOf: (node: FlowNode) => ReadonlySet<string> | null,
): FlowDocument {
  const byId = new Map(flow.nodes.map((n) => [n.id, n]));
  const edges = flow.edges.filter((e) => {
    const node = byId.get(e.source);
    if (!node || !byId.has(e.target)) return false;
    const ports = portsOf(node);
    return ports === null || ports.has(e.port);
  });
  return edges.length === flow.edges.length ? flow : { ...flow, edges };
}

/** What a variable name must look like (the flow schema's identifier rule). */
export const VARIABLE_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Declares a flow variable; a name already declared leaves the flow as it is. */
export function declareVariable(flow: FlowDocument, declaration: VariableDeclaration): FlowDocument {
  if (flow.variables.some((v) => v.name === declaration.name)) return flow;
  return { ...flow, variables: [...flow.variables, declaration] };
}
