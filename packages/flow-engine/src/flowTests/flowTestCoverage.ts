import type { FlowDocument } from '@omniflow/flow-schema';
import type { TurnResult } from '../session/sessionTypes.ts';

/** What a test run exercised: node ids visited and ports taken (as `nodeId:port`), each sorted. */
export interface FlowTestCoverage {
  nodes: string[];
  ports: string[];
}

/** A suite's coverage measured against the flow: what was exercised and what was not. */
export interface FlowCoverageReport extends FlowTestCoverage {
  uncoveredNodes: string[];
  /** Edges (as `nodeId:port`) no test took. */
  uncoveredPorts: string[];
}

/** Adds the nodes one turn passed through and the ports it took to `nodes` and `ports`. */
export function recordTurnCoverage(turn: TurnResult, nodes: Set<string>, ports: Set<string>): void {
  for (const entry of turn.transcript) {
    if (entry.nodeId === undefined) continue;
    nodes.add(entry.nodeId);
    if (entry.from === 'system' && entry.port !== undefined) ports.add(`${entry.nodeId}:${entry.port}`);
  }
  for (const output of turn.outputs) if (output.nodeId !== undefined) nodes.add(output.nodeId);
  if (turn.nodeId !== null) nodes.add(turn.nodeId);
}

/**
 * Merges coverages over the flow's own nodes and edges (a subflow's nodes belong to its own flow's report) and
 * lists those none of them exercised.
 */
export function flowCoverageReport(flow: FlowDocument, coverages: readonly FlowTestCoverage[]): FlowCoverageReport {
  const nodes = new Set(coverages.flatMap((coverage) => coverage.nodes));
  const ports = new Set(coverages.flatMap((coverage) => coverage.ports));
  const flowNodes = flow.nodes.map((node) => node.id);
  const flowPorts = flow.edges.map((edge) => `${edge.source}:${edge.port}`);
  return {
    nodes: flowNodes.filter((id) => nodes.has(id)).toSorted(),
    ports: flowPorts.filter((port) => ports.has(port)).toSorted(),
    uncoveredNodes: flowNodes.filter((id) => !nodes.has(id)),
    uncoveredPorts: flowPorts.filter((port) => !ports.has(port)),
  };
}
