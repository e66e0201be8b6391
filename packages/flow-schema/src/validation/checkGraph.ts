import { jsonPointer } from '../jsonPointer.ts';
import type { ValidationContext } from './validationContext.ts';

/**
 * Ports whose absence of an edge is only a warning: the engine answers an unconnected no-input / no-match by
 * ending the call politely. Every other unconnected port is an error.
 */
export const OPTIONAL_PORTS: ReadonlySet<string> = new Set(['noInput', 'noMatch']);

/**
 * Checks the graph: the start node (FLOW006), edge ends and ports (FLOW007–FLOW010), unconnected ports
 * (FLOW011, FLOW012), global intent targets (FLOW020) and reachability from the start and intents (FLOW013).
 */
export function checkGraph(context: ValidationContext): void {
  const { flow } = context;
  if (!context.nodeIndex.has(flow.start)) {
    context.report(
      'FLOW006',
      '/start',
      `start names node "${flow.start}", which does not exist; set start to the id of the flow's first node`,
    );
  }
  const used = new Map<string, number>();
  const outgoing = new Map<string, string[]>();
  flow.edges.forEach((edge, e) => {
    const at = jsonPointer('edges', e);
    const sourceIndex = context.nodeIndex.get(edge.source);
    if (sourceIndex === undefined) {
      context.report(
        'FLOW007',
        `${at}/source`,
        `edge source "${edge.source}" is not a node of this flow; connect the edge to an existing node or delete it`,
      );
    }
    if (!context.nodeIndex.has(edge.target)) {
      context.report(
        'FLOW008',
        `${at}/target`,
        `edge target "${edge.target}" is not a node of this flow; connect the edge to an existing node or delete it`,
        edge.source,
      );
    }
    if (sourceIndex === undefined) return;
    const ports = context.ports.get(sourceIndex);
    if (ports !== undefined && !ports.some((port) => port.name === edge.port)) {
      const names = ports.map((port) => port.name).join(', ') || 'none';
      context.report(
        'FLOW009',
        `${at}/port`,
        `node "${edge.source}" has no port "${edge.port}" (its ports: ${names}); reconnect the edge from one of them`,
        edge.source,
      );
    }
    const key = `${edge.source}\u0000${edge.port}`;
    const previous = used.get(key);
    if (previous !== undefined) {
      context.report(
        'FLOW010',
        at,
        `port "${edge.port}" of node "${edge.source}" already has an edge (edges/${previous}); a port leads to one node, delete one of the edges`,
        edge.source,
      );
    } else {
      used.set(key, e);
    }
    const targets = outgoing.get(edge.source) ?? [];
    targets.push(edge.target);
    outgoing.set(edge.source, targets);
  });

  for (const [i, ports] of context.ports) {
    const node = flow.nodes[i];
    if (node === undefined || context.nodeIndex.get(node.id) !== i) continue;
    for (const port of ports) {
      if (used.has(`${node.id}\u0000${port.name}`)) continue;
      if (OPTIONAL_PORTS.has(port.name)) {
        context.report(
          'FLOW012',
          jsonPointer('nodes', i),
          `port "${port.name}" of node "${node.id}" is not connected; the call will end politely there — connect it to handle the caller better`,
          node.id,
          { keyword: 'port', params: { port: port.name } },
        );
      } else {
        context.report(
          'FLOW011',
          jsonPointer('nodes', i),
          `port "${port.name}" of node "${node.id}" is not connected; draw an edge from it to the next step`,
          node.id,
          { keyword: 'port', params: { port: port.name } },
        );
      }
    }
  }

  const roots = [flow.start];
  (flow.globalIntents ?? []).forEach((intent, g) => {
    if (context.nodeIndex.has(intent.target)) roots.push(intent.target);
    else
      context.report(
        'FLOW020',
        jsonPointer('globalIntents', g, 'target'),
        `global intent "${intent.id}" jumps to node "${intent.target}", which does not exist; pick an existing node`,
      );
  });
  // An escalation rule may be the only way into a node (a complaints desk): its target is a root like an intent's.
  for (const rule of flow.escalation?.rules ?? [])
    if (rule.action.kind === 'goto' && context.nodeIndex.has(rule.action.target)) roots.push(rule.action.target);
  const reached = reachable(roots, outgoing);
  flow.nodes.forEach((node, i) => {
    if (!reached.has(node.id) && context.nodeIndex.get(node.id) === i) {
      context.report(
        'FLOW013',
        jsonPointer('nodes', i),
        `node "${node.id}" cannot be reached from the start or a global intent; connect an edge to it or delete it`,
        node.id,
      );
    }
  });
}

function reachable(roots: readonly string[], outgoing: ReadonlyMap<string, readonly string[]>): Set<string> {
  const reached = new Set<string>();
  const queue = [...roots];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    if (reached.has(id)) continue;
    reached.add(id);
    for (const next of outgoing.get(id) ?? []) if (!reached.has(next)) queue.push(next);
  }
  return reached;
}
