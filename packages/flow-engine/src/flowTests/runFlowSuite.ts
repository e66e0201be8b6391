import { CHANNELS, type Channel, type FlowDocument, type FlowTestCase } from '@omniflow/flow-schema';
import { compileFlow } from '../compile/compileFlow.ts';
import type { CompileIssue } from '../compile/compileNodes.ts';
import { flowCoverageReport, type FlowCoverageReport } from './flowTestCoverage.ts';
import { runFlowTest, type FlowTestOptions, type FlowTestRun } from './runFlowTest.ts';

/** Options of {@link runFlowSuite}: which tests (default: the flow's own) in which channels (default: each test's). */
export interface FlowSuiteOptions extends FlowTestOptions {
  tests?: readonly FlowTestCase[];
  channels?: readonly Channel[];
}

/** Every run of a suite (test × channel) and the coverage of the flow they reach together. */
export interface FlowSuiteReport {
  flowId: string;
  passed: boolean;
  total: number;
  failed: number;
  runs: FlowTestRun[];
  coverage: FlowCoverageReport;
}

/** A suite's outcome: the report, or the issues that keep the flow from running at all. */
export type FlowSuiteResult = { ok: true; report: FlowSuiteReport } | { ok: false; issues: CompileIssue[] };

/**
 * Runs a flow's conversation tests, each in every channel it lists (intersected with `options.channels`), one
 * after another so handler mocks and logs never interleave, and measures the coverage of nodes and ports.
 */
export async function runFlowSuite(flow: unknown, options: FlowSuiteOptions): Promise<FlowSuiteResult> {
  const checked = compileFlow(flow, options.registry, options.resolveFlow ? { resolveFlow: options.resolveFlow } : {});
  if (!checked.ok) return { ok: false, issues: checked.issues };
  const document: FlowDocument = checked.compiled.flow;
  const runs: FlowTestRun[] = [];
  for (const test of options.tests ?? document.tests ?? []) {
    for (const channel of test.channels ?? CHANNELS) {
      if (options.channels && !options.channels.includes(channel)) continue;
      runs.push(await runFlowTest(document, test, channel, options));
    }
  }
  const failed = runs.filter((run) => !run.passed).length;
  const coverage = flowCoverageReport(
    document,
    runs.map((run) => run.coverage),
  );
  return {
    ok: true,
    report: { flowId: document.id, passed: failed === 0, total: runs.length, failed, runs, coverage },
  };
}
