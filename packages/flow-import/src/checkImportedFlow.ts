import { validateFlow, type FlowIssue } from '@omniflow/flow-schema';
import { compileFlow, type NodeTypeRegistry } from '@omniflow/flow-engine';
import type { ImportedFlow } from './importFlows.ts';

/**
 * Holds an imported flow to what running it needs: it validates, knowing the other imported flows, and compiles
 * with them as its subflows (compiling inlines them, so a broken flow it calls makes it fail too). Errors mean the
 * flow must not be kept; warnings are worth showing.
 */
export function checkImportedFlow(
  imported: ImportedFlow,
  flows: readonly ImportedFlow[],
  registry: NodeTypeRegistry,
): { errors: FlowIssue[]; warnings: FlowIssue[] } {
  const knownFlowIds = new Set(flows.map((candidate) => candidate.flow.id));
  const validation = validateFlow(imported.flow, registry.catalog(), { knownFlowIds });
  if (!validation.ok) return { errors: validation.issues.filter((i) => i.severity === 'error'), warnings: [] };
  const compiled = compileFlow(imported.flow, registry, {
    resolveFlow: (id) => flows.find((candidate) => candidate.flow.id === id)?.flow,
  });
  if (!compiled.ok) return { errors: compiled.issues.filter((i) => i.severity === 'error'), warnings: [] };
  return { errors: [], warnings: validation.issues };
}
