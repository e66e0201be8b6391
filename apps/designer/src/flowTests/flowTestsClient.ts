import type { Channel, FlowDocument, FlowTestCase, FlowTestStep } from '@omniflow/flow-schema';
import { apiRequest, field } from '../api/runtimeClient.ts';

/** One test in one channel, as the runtime ran it (see `FlowTestRun` in the engine). */
export interface TestRunView {
  testId: string;
  name: string;
  channel: Channel;
  passed: boolean;
  failedStep?: number;
  failedNodeId?: string;
  message?: string;
  coverage: { nodes: string[]; ports: string[] };
}

/** A suite's runs and its coverage of the flow's nodes and ports (`nodeId:port`). */
export interface SuiteReportView {
  passed: boolean;
  total: number;
  failed: number;
  runs: TestRunView[];
  coverage: { nodes: string[]; ports: string[]; uncoveredNodes: string[]; uncoveredPorts: string[] };
}

/** A test the runtime proposes for an end or transfer node no test reaches. */
export interface TestSuggestionView {
  nodeId: string;
  complete: boolean;
  test: FlowTestCase;
}

/** The runtime's flow-test endpoints, as the Tests tab and the publish form use them. */
export const flowTestsClient = {
  /** Runs the posted document's suite (the open draft, saved or not). */
  run: async (flowId: string, flow: FlowDocument): Promise<SuiteReportView> => {
    const body = await apiRequest<unknown>('POST', `/api/flows/${encodeURIComponent(flowId)}/tests/run`, { flow });
    return reportOf(field(body, 'report'));
  },
  suggestions: async (flowId: string): Promise<TestSuggestionView[]> => {
    const body = await apiRequest<unknown>('GET', `/api/flows/${encodeURIComponent(flowId)}/tests/suggestions`);
    const list = field(body, 'suggestions');
    return Array.isArray(list) ? list.filter(isSuggestion) : [];
  },
  /** Publishes although the tests fail; the reason goes into the version note. */
  publishOverriding: async (flowId: string, note: string, reason: string, revision: number | null): Promise<unknown> =>
    apiRequest('POST', `/api/flows/${encodeURIComponent(flowId)}/publish`, {
      note,
      overrideFailingTests: { reason },
      ...(revision !== null ? { revision } : {}),
    }),
};

/** The suite report a 422 publish refusal carries, or null for any other error. */
export function blockedPublishReport(body: unknown): SuiteReportView | null {
  const report = field(body, 'testReport');
  return report === undefined ? null : reportOf(report);
}

function reportOf(value: unknown): SuiteReportView {
  const coverage = field(value, 'coverage');
  const runs = field(value, 'runs');
  return {
    passed: field(value, 'passed') === true,
    total: Number(field(value, 'total') ?? 0),
    failed: Number(field(value, 'failed') ?? 0),
    runs: Array.isArray(runs) ? runs.filter(isRun) : [],
    coverage: {
      nodes: strings(field(coverage, 'nodes')),
      ports: strings(field(coverage, 'ports')),
      uncoveredNodes: strings(field(coverage, 'uncoveredNodes')),
      uncoveredPorts: strings(field(coverage, 'uncoveredPorts')),
    },
  };
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function isRun(value: unknown): value is TestRunView {
  return (
    typeof field(value, 'testId') === 'string' &&
    typeof field(value, 'channel') === 'string' &&
    typeof field(value, 'passed') === 'boolean'
  );
}

function isSuggestion(value: unknown): value is TestSuggestionView {
  const steps = field(field(value, 'test'), 'steps');
  return (
    typeof field(value, 'nodeId') === 'string' &&
    Array.isArray(steps) &&
    steps.every((step: unknown): step is FlowTestStep => typeof step === 'object' && step !== null)
  );
}
