import type { FlowDocument, FlowEdge, FlowNode } from '@omniflow/flow-schema';

/** Prefix of the end nodes `flowAtNode` adds; an ended session's outcome names the port or intent taken. */
export const PORT_OUTCOME = 'port:';
export const INTENT_OUTCOME = 'intent:';

const FAILURE_PORTS = new Set(['noMatch', 'noInput', 'error', 'timeout']);

/**
 * The flow rewritten to hear one node in isolation: the start leads straight to `nodeId` (or is it), and every way out of it
 * (each of its ports, each global intent) ends the session with an outcome naming that way (`port:2`,
 * `intent:agent`; an intent that leads where a port leads counts as that port), so nothing after the node runs (no back-end call, no transfer); the other nodes are left out. The
 * node itself, its grammar and its matching are untouched. Null when the flow has no such node.
 */
export function flowAtNode(flow: FlowDocument, nodeId: string): FlowDocument | null {
  const node = flow.nodes.find((candidate) => candidate.id === nodeId);
  if (node === undefined) return null;
  const ends: FlowNode[] = [];
  const endFor = (outcome: string): string => {
    const id = `__recognize_${ends.length}`;
    ends.push({ id, type: 'end', label: outcome, config: { outcome }, position: { x: 0, y: 0 } });
    return id;
  };
  const start = flow.nodes.find((candidate) => candidate.id === flow.start);
  if (start === undefined) return null;
  const edges: FlowEdge[] = flow.edges.flatMap((edge) => {
    if (edge.source === nodeId) return [{ ...edge, target: endFor(`${PORT_OUTCOME}${edge.port}`) }];
    if (edge.source === start.id) return [{ ...edge, target: nodeId }];
    return [];
  });
  // A global intent that leads where one of the node's ports leads ("lost card" as intent and as option 2) reaches
  // that option: the caller ends up in the same place. Only answer ports count: a no-match path to the agent queue
  // does not make "operator" a failure.
  const portTo = new Map(
    flow.edges
      .filter((edge) => edge.source === nodeId && !FAILURE_PORTS.has(edge.port))
      .map((edge) => [edge.target, edge.port]),
  );
  const globalIntents = flow.globalIntents?.map((intent) => {
    const port = portTo.get(intent.target);
    return {
      ...intent,
      target: endFor(port === undefined ? `${INTENT_OUTCOME}${intent.id}` : `${PORT_OUTCOME}${port}`),
    };
  });
  // The flow's own conversation tests walk nodes that are left out here.
  const { tests: _tests, ...rest } = flow;
  return {
    ...rest,
    nodes: start === node ? [node, ...ends] : [start, node, ...ends],
    edges,
    ...(globalIntents === undefined ? {} : { globalIntents }),
  };
}
