import type { FlowDocument } from '@omniflow/flow-schema';
import type { NodeTypeRegistry } from '../nodeTypes/NodeTypeRegistry.ts';
import { isRecord } from './nodeScope.ts';
import type { CompileIssue } from './compileNodes.ts';

/** Checks the flow document before compiling: its shape, start node and edge targets. */
export function checkFlow(input: unknown, registry: NodeTypeRegistry): { ok: true; flow: FlowDocument } | { ok: false; issues: CompileIssue[] } {
  void registry;
  if (!isFlowShape(input)) {
    return { ok: false, issues: [{ code: 'ENGINE000', severity: 'error', pointer: '', message: 'Not a flow document: expected id, name, locales, defaultLocale, variables, start, nodes and edges.' }] };
  }
  const ids = new Set(input.nodes.map((node) => node.id));
  const issues: CompileIssue[] = [];
  if (!ids.has(input.start)) issues.push({ code: 'ENGINE004', severity: 'error', pointer: '/start', message: `Start node "${input.start}" does not exist; point start at one of the flow's nodes.` });
  input.edges.forEach((edge, index) => {
    if (!ids.has(edge.target)) issues.push({ code: 'ENGINE005', severity: 'error', pointer: `/edges/${index}/target`, nodeId: edge.source, message: `Edge from "${edge.source}" port "${edge.port}" leads to missing node "${edge.target}".` });
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, flow: input };
}

function isFlowShape(value: unknown): value is FlowDocument {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.start === 'string' &&
    typeof value.defaultLocale === 'string' &&
    Array.isArray(value.locales) &&
    Array.isArray(value.variables) &&
    Array.isArray(value.nodes) &&
    value.nodes.every((node) => isRecord(node) && typeof node.id === 'string' && typeof node.type === 'string' && isRecord(node.config)) &&
    Array.isArray(value.edges) &&
    value.edges.every((edge) => isRecord(edge) && typeof edge.source === 'string' && typeof edge.target === 'string' && typeof edge.port === 'string')
  );
}
