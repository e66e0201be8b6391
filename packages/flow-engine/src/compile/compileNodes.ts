import { DEFAULT_UPSET_AT_MOST } from '../escalation/compileEscalations.ts';
import type { FlowDocument, FlowEdge, FlowIssue } from '@omniflow/flow-schema';
import type { NodeTypeRegistry } from '../nodeTypes/NodeTypeRegistry.ts';
import { checkFlow } from './checkFlow.ts';
import type { CompiledNode, FlowInfo } from './compiledFlowTypes.ts';

/** A problem that stops (or, as a warning, may hurt) compilation: flow-schema's FlowIssue. */
export type CompileIssue = FlowIssue;

/** Where compileNodes writes and how deep it is in inlined subflows. */
export interface CompileNodesContext {
  nodes: Map<string, CompiledNode>;
  issues: CompileIssue[];
  resolveFlow: ((flowId: string) => FlowDocument | undefined) | undefined;
  /** Flows (the caller's and those `resolveFlow` returns) already passed validateFlow: see compileFlow's option. */
  validated: boolean;
  /** Compiled key of the subflow node being inlined, or null for the top-level flow. */
  parent: string | null;
  prefix: string;
  /** Flow ids from the top-level flow down to this one (recursion check). */
  stack: string[];
  usedIds: Set<string>;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/** Flow-level facts nodes need at run time. */
export function flowInfo(flow: FlowDocument): FlowInfo {
  const defaults: Record<string, unknown> = {};
  for (const variable of flow.variables) if (variable.default !== undefined) defaults[variable.name] = variable.default;
  return {
    id: flow.id,
    locales: flow.locales,
    defaultLocale: flow.defaultLocale,
    sensitive: new Set(flow.variables.filter((variable) => variable.sensitive).map((variable) => variable.name)),
    declared: new Set(flow.variables.map((variable) => variable.name)),
    defaults,
    settings: flow.settings ?? {},
    upsetAtMost: flow.escalation?.upsetAtMost ?? DEFAULT_UPSET_AT_MOST,
  };
}

/**
 * Compiles the nodes of one flow (the start node first), inlining the flows of its subflow nodes under
 * `subflowNode/` keys. A recursive or unknown subflow is an issue on the subflow node.
 */
export function compileNodes(flow: FlowDocument, registry: NodeTypeRegistry, ctx: CompileNodesContext): void {
  const info = flowInfo(flow);
  const edgesBySource = new Map<string, FlowEdge[]>();
  for (const edge of flow.edges) edgesBySource.set(edge.source, [...(edgesBySource.get(edge.source) ?? []), edge]);
  const ordered = flow.nodes.toSorted((a, b) => Number(b.id === flow.start) - Number(a.id === flow.start));
  ordered.forEach((node) => {
    const index = flow.nodes.indexOf(node);
    const pointer = `/nodes/${index}`;
    const impl = registry.get(node.type);
    if (!impl) {
      ctx.issues.push({
        code: 'ENGINE001',
        severity: 'error',
        nodeId: node.id,
        pointer: `${pointer}/type`,
        message: `Unknown node type "${node.type}" in flow "${flow.id}"; install the plugin that provides it or change the node's type.`,
      });
      return;
    }
    const key = ctx.prefix + node.id;
    const edges = new Map<string, string>();
    for (const edge of edgesBySource.get(node.id) ?? []) edges.set(edge.port, ctx.prefix + edge.target);
    const runtime = impl.runtime;
    const ports = new Set<string>(['success', 'error', 'timeout', ...edges.keys()]);
    for (const port of impl.spec.ports) if ('name' in port) ports.add(port.name);
    if (runtime?.kind === 'async') for (const port of runtime.ports?.(node.config) ?? []) ports.add(port);
    const timeoutMs = positiveNumber(node.config.timeoutMs) ?? DEFAULT_TIMEOUT_MS;
    const retries = Math.min(positiveNumber(node.config.retries) ?? 0, 5);
    const compiled: CompiledNode = {
      key,
      stateId: uniqueStateId(key, ctx.usedIds),
      node,
      impl,
      behaviour: impl.spec.behaviour,
      flow: info,
      edges,
      ports,
      timeoutMs,
      retries,
      parent: ctx.parent,
      child: null,
    };
    ctx.nodes.set(key, compiled);
    if (runtime?.kind === 'subflow') {
      const childId = runtime.flowId(node.config);
      const child = ctx.resolveFlow?.(childId);
      if (ctx.stack.includes(childId)) {
        ctx.issues.push({
          code: 'ENGINE002',
          severity: 'error',
          nodeId: node.id,
          pointer: `${pointer}/config/flowId`,
          message: `Subflow "${childId}" calls itself (${[...ctx.stack, childId].join(' → ')}); break the cycle with a transfer or an end node.`,
        });
        return;
      }
      if (!child) {
        ctx.issues.push({
          code: 'ENGINE003',
          severity: 'error',
          nodeId: node.id,
          pointer: `${pointer}/config/flowId`,
          message: `Subflow "${childId}" was not found; publish that flow first or pass it through compileFlow's resolveFlow option.`,
        });
        return;
      }
      const checked = checkFlow(child, registry, { validated: ctx.validated });
      if (!checked.ok) {
        const first = checked.issues[0];
        ctx.issues.push({
          code: 'ENGINE004',
          severity: 'error',
          nodeId: node.id,
          pointer: `${pointer}/config/flowId`,
          message: `Subflow "${childId}" is not valid (${checked.issues.length} problems; first: ${first?.code} ${first?.pointer} ${first?.message}); fix that flow first.`,
        });
        return;
      }
      compiled.child = flowInfo(checked.flow);
      compileNodes(checked.flow, registry, { ...ctx, parent: key, prefix: `${key}/`, stack: [...ctx.stack, childId] });
    }
  });
}

function positiveNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

function uniqueStateId(key: string, used: Set<string>): string {
  // `.` separates state paths and `#` marks ids in xstate targets.
  const base = key.replace(/[.#]/g, '_');
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}~${n}`;
  used.add(id);
  return id;
}
