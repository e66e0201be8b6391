import type { FlowSuiteReport } from '@omniflow/flow-engine';
import { ApiError, type ApiProblem } from './ApiError.ts';
import { runDraftSuite, type FlowTestsRouterDeps } from './flowTestsRouter.ts';

/** What a publish request says about failing tests. */
export interface PublishTestsRequest {
  note?: string;
  overrideFailingTests?: { reason: string };
}

/**
 * Runs the draft's conversation tests before it is published and answers the version note to store. A failing
 * suite refuses the publish with 422, one problem per failing test and channel (pointer into the draft's test,
 * node to highlight) and the whole report; a publisher may override with a reason, which the note keeps.
 */
export async function gatePublishOnTests(
  deps: FlowTestsRouterDeps,
  draft: Record<string, unknown>,
  request: PublishTestsRequest,
): Promise<string> {
  const note = request.note ?? '';
  const report = await runDraftSuite(deps, draft);
  if (report.passed) return note;
  const reason = request.overrideFailingTests?.reason;
  if (reason === undefined) throw new ApiError(422, failuresOf(report, draft), { testReport: report });
  const override = `Published with ${report.failed} of ${report.total} test run(s) failing; reason: ${reason}`;
  return note === '' ? override : `${note}\n${override}`;
}

function failuresOf(report: FlowSuiteReport, draft: Record<string, unknown>): ApiProblem[] {
  const tests: unknown = draft['tests'];
  const ids = Array.isArray(tests)
    ? tests.map((test: unknown) => (typeof test === 'object' && test !== null ? Reflect.get(test, 'id') : undefined))
    : [];
  return report.runs
    .filter((run) => !run.passed)
    .map((run) => {
      const index = ids.indexOf(run.testId);
      const step = run.failedStep !== undefined && run.failedStep >= 0 ? `/steps/${run.failedStep}` : '';
      const problem: ApiProblem & { nodeId?: string; channel: string } = {
        code: 'FLOW_TEST_FAILED',
        message: `Test "${run.name}" fails in ${run.channel}${run.failedStep !== undefined && run.failedStep >= 0 ? ` at step ${run.failedStep + 1}` : ''}: ${run.message ?? 'failed'}. Fix the flow or the test, or publish with overrideFailingTests and a reason.`,
        pointer: index === -1 ? '/tests' : `/tests/${index}${step}`,
        channel: run.channel,
      };
      if (run.failedNodeId !== undefined) problem.nodeId = run.failedNodeId;
      return problem;
    });
}
