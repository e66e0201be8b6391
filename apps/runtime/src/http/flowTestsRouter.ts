import { Router } from 'express';
import { runFlowSuite, suggestFlowTests, type FlowSuiteReport, type NodeTypeRegistry } from '@omniflow/flow-engine';
import { requireRole } from '../auth/authenticate.ts';
import type { FlowCompiler } from '../sessions/FlowCompiler.ts';
import type { FlowStore } from '../store/FlowStore.ts';
import { ApiError } from './ApiError.ts';
import { pathParam as param } from './pathParam.ts';
import { validateBody } from './validateBody.ts';

/** Dependencies of {@link flowTestsRouter}. */
export interface FlowTestsRouterDeps {
  store: FlowStore;
  registry: NodeTypeRegistry;
  compiler: FlowCompiler;
}

/** `/api/flows/:id/tests/…`: runs a draft's conversation tests with coverage, and proposes tests it lacks. */
export function flowTestsRouter(deps: FlowTestsRouterDeps): Router {
  const router = Router();

  router.post('/:id/tests/run', requireRole('viewer'), validateBody('RunFlowTests'), async (req, res) => {
    const stored = await deps.store.getFlow(param(req, 'id'));
    if (!stored) throw ApiError.notFound('flow', param(req, 'id'));
    const body: { flow?: Record<string, unknown>; testIds?: string[] } = req.body ?? {};
    const report = await runDraftSuite(deps, body.flow ?? stored.draft, body.testIds);
    res.json({ report });
  });

  router.get('/:id/tests/suggestions', requireRole('viewer'), async (req, res) => {
    const stored = await deps.store.getFlow(param(req, 'id'));
    if (!stored) throw ApiError.notFound('flow', param(req, 'id'));
    const compiled = await deps.compiler.compile(stored.draft);
    const report = await runDraftSuite(deps, stored.draft);
    res.json({ suggestions: suggestFlowTests(compiled.flow, deps.registry, report) });
  });

  return router;
}

/**
 * Runs a flow document's suite (or the listed tests) against the runtime's node types, other flows' live versions
 * as subflows, and no secrets: tests mock their back ends. A document that does not compile is a 422 with issues.
 */
export async function runDraftSuite(
  deps: FlowTestsRouterDeps,
  document: Record<string, unknown>,
  testIds?: readonly string[],
): Promise<FlowSuiteReport> {
  const compiled = await deps.compiler.compile(document);
  const tests = (compiled.flow.tests ?? []).filter((test) => testIds === undefined || testIds.includes(test.id));
  const result = await runFlowSuite(compiled.flow, {
    registry: deps.registry,
    tests,
    resolveFlow: await deps.compiler.subflowResolver(document),
  });
  if (!result.ok)
    throw new ApiError(
      422,
      result.issues.map((issue) => ({ code: issue.code, message: issue.message, pointer: issue.pointer })),
    );
  return result.report;
}
