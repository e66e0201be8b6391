import { validateFlow, type FlowDocument, type FlowIssue } from '@omniflow/flow-schema';
import type { NodeTypeRegistry } from '../nodeTypes/NodeTypeRegistry.ts';

/** Validates the flow document against the registry's catalog before compiling (warnings do not stop it). */
export function checkFlow(
  input: unknown,
  registry: NodeTypeRegistry,
  knownFlowIds?: ReadonlySet<string>,
): { ok: true; flow: FlowDocument; warnings: FlowIssue[] } | { ok: false; issues: FlowIssue[] } {
  const validated = validateFlow(input, registry.catalog(), knownFlowIds ? { knownFlowIds } : {});
  return validated.ok ? { ok: true, flow: validated.flow, warnings: validated.issues } : validated;
}
