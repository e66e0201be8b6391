import { validateFlow, type FlowIssue } from '@omniflow/flow-schema';
import { compileFlow, type NodeTypeRegistry } from '@omniflow/flow-engine';
import type { ImportedFlow } from './importFlows.ts';

/** An imported flow that cannot be kept, with the problems that say why. */
export interface RejectedFlow {
  imported: ImportedFlow;
  issues: FlowIssue[];
}

/**
 * Holds each imported flow to what running it needs: it validates (knowing the other imported flows) and compiles
 * with them as its subflows. A flow calling a rejected one is rejected too, so what is kept always compiles together.
 */
export function checkImportedFlows(
  flows: readonly ImportedFlow[],
  registry: NodeTypeRegistry,
): { kept: ImportedFlow[]; rejected: RejectedFlow[]; warnings: Map<string, FlowIssue[]> } {
  const rejected: RejectedFlow[] = [];
  const warnings = new Map<string, FlowIssue[]>();
  let kept = [...flows];
  for (const imported of flows) {
    const knownFlowIds = new Set(flows.map((candidate) => candidate.flow.id));
    const validation = validateFlow(imported.flow, registry.catalog(), { knownFlowIds });
    const compiled = validation.ok
      ? compileFlow(imported.flow, registry, {
          resolveFlow: (id) => flows.find((candidate) => candidate.flow.id === id)?.flow,
        })
      : undefined;
    const issues = !validation.ok ? validation.issues : compiled?.ok === false ? compiled.issues : [];
    if (issues.length > 0) rejected.push({ imported, issues: issues.filter((issue) => issue.severity === 'error') });
    else if (validation.issues.length > 0) warnings.set(imported.flow.id, validation.issues);
  }
  // A caller of a rejected flow could not compile once the rejected one is left out.
  for (let changed = true; changed;) {
    changed = false;
    kept = flows.filter((imported) => !rejected.some((r) => r.imported === imported));
    for (const imported of kept) {
      const missing = imported.calls.find((id) => !kept.some((candidate) => candidate.flow.id === id));
      if (missing === undefined) continue;
      rejected.push({
        imported,
        issues: [
          {
            code: 'ENGINE003',
            severity: 'error',
            pointer: '',
            message: `It calls the imported flow "${missing}", which cannot be kept; fix that one and import both again.`,
          },
        ],
      });
      changed = true;
    }
  }
  return { kept, rejected, warnings };
}
