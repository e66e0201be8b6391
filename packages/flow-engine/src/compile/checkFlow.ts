import {
  CURRENT_SCHEMA_VERSION,
  isRecord,
  validateFlow,
  type FlowDocument,
  type FlowIssue,
} from '@omniflow/flow-schema';
import type { NodeTypeRegistry } from '../nodeTypes/NodeTypeRegistry.ts';

/** Options of {@link checkFlow}. */
export interface CheckFlowOptions {
  knownFlowIds?: ReadonlySet<string>;
  /** The caller vouches that the document already passed `validateFlow` with this catalog: only its shape is checked. */
  validated?: boolean;
}

/** Validates the flow document against the registry's catalog before compiling (warnings do not stop it). */
export function checkFlow(
  input: unknown,
  registry: NodeTypeRegistry,
  options: CheckFlowOptions = {},
): { ok: true; flow: FlowDocument; warnings: FlowIssue[] } | { ok: false; issues: FlowIssue[] } {
  if (options.validated === true && isValidatedFlowShape(input)) return { ok: true, flow: input, warnings: [] };
  const validated = validateFlow(
    input,
    registry.catalog(),
    options.knownFlowIds ? { knownFlowIds: options.knownFlowIds } : {},
  );
  return validated.ok ? { ok: true, flow: validated.flow, warnings: validated.issues } : validated;
}

/**
 * Whether a document vouched for as validated has what compiling reads (current schema version, nodes with an id,
 * a type and a config object, a start node and edges between existing nodes); anything else is validated in full.
 */
function isValidatedFlowShape(value: unknown): value is FlowDocument {
  if (!isRecord(value) || value['schemaVersion'] !== CURRENT_SCHEMA_VERSION) return false;
  const { id, start, defaultLocale, locales, variables, nodes, edges } = value;
  if (typeof id !== 'string' || typeof start !== 'string' || typeof defaultLocale !== 'string') return false;
  if (!Array.isArray(locales) || !Array.isArray(variables) || !Array.isArray(nodes) || !Array.isArray(edges))
    return false;
  const ids = new Set<unknown>();
  const nodeOk = (node: unknown) =>
    isRecord(node) &&
    typeof node['id'] === 'string' &&
    typeof node['type'] === 'string' &&
    isRecord(node['config']) &&
    ids.add(node['id']) !== undefined;
  // Edges must join existing nodes: building the machine resolves every target.
  const edgeOk = (edge: unknown) =>
    isRecord(edge) && ids.has(edge['source']) && typeof edge['port'] === 'string' && ids.has(edge['target']);
  return nodes.every(nodeOk) && ids.has(start) && edges.every(edgeOk);
}
