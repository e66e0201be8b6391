import type { Channel, FlowDocument, FlowTestCase, FlowTestStep } from '@omniflow/flow-schema';
import { compileFlow, type CompileFlowOptions } from '../compile/compileFlow.ts';
import type { CompiledFlow } from '../compile/compiledFlowTypes.ts';
import type { NodeTypeRegistry } from '../nodeTypes/NodeTypeRegistry.ts';
import { FlowSession } from '../session/FlowSession.ts';
import type { InputEvent, TranscriptEntry } from '../session/sessionEvents.ts';
import type { FlowSessionOptions, TurnResult } from '../session/sessionTypes.ts';
import { recordTurnCoverage, type FlowTestCoverage } from './flowTestCoverage.ts';
import { checkTestExpectation } from './checkTestExpectation.ts';
import { renderTestInput } from './renderTestInput.ts';
import { FLOW_TEST_SESSION_ID, withMockedHandlers } from './withMockedHandlers.ts';

/** How tests run: the node types and handlers, and what a real session would get from the runtime. */
export interface FlowTestOptions {
  registry: NodeTypeRegistry;
  /** Secrets for handlers that are not mocked (e.g. a sample bank's URL). */
  secrets?: FlowSessionOptions['secrets'];
  logger?: FlowSessionOptions['logger'];
  clock?: FlowSessionOptions['clock'];
  /** Finds the flows that subflow nodes call. */
  resolveFlow?: CompileFlowOptions['resolveFlow'];
}

/** One step as run: the input sent in this channel, and whether it passed. */
export interface FlowTestStepResult {
  index: number;
  step: FlowTestStep;
  status: 'passed' | 'failed' | 'skipped';
  input?: InputEvent;
  /** For an input: the node that was waiting for it. */
  nodeId?: string;
  message?: string;
}

/** One test in one channel. */
export interface FlowTestRun {
  testId: string;
  name: string;
  channel: Channel;
  passed: boolean;
  /** Index of the first failing step; -1 when the test failed before its first step (the flow does not compile). */
  failedStep?: number;
  /** The node to highlight for the failure: the expected node, or where the session was. */
  failedNodeId?: string;
  message?: string;
  steps: FlowTestStepResult[];
  transcript: TranscriptEntry[];
  coverage: FlowTestCoverage;
}

/**
 * Runs one conversation test in one channel against a validated flow: starts a session with the test's mocks in
 * place, sends each input step rendered for the channel, checks each expectation against the latest turn and
 * stops at the first failure. Never throws on user data: a flow that does not compile is a failed run.
 */
export async function runFlowTest(
  flow: FlowDocument,
  test: FlowTestCase,
  channel: Channel,
  options: FlowTestOptions,
): Promise<FlowTestRun> {
  const registry = withMockedHandlers(options.registry, test.mocks ?? {});
  const compiled = compileFlow(flow, registry, options.resolveFlow ? { resolveFlow: options.resolveFlow } : {});
  if (!compiled.ok) {
    const message = `the flow does not compile: ${compiled.issues.map((issue) => `${issue.code} ${issue.pointer} ${issue.message}`).join('; ')}`;
    return { ...emptyRun(test, channel), failedStep: -1, message };
  }
  try {
    return await runCompiled(compiled.compiled, test, channel, options);
  } catch (error) {
    // A session that throws is an engine bug; the suite still reports it as this test's failure.
    return {
      ...emptyRun(test, channel),
      failedStep: -1,
      message: `the test could not run: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

/** Runs a test on an already compiled flow whose registry holds the test's mocks. */
async function runCompiled(
  compiled: CompiledFlow,
  test: FlowTestCase,
  channel: Channel,
  options: FlowTestOptions,
): Promise<FlowTestRun> {
  const flow = compiled.flow;
  const locale = test.locale ?? flow.defaultLocale;
  const nodes = new Set<string>();
  const ports = new Set<string>();
  const transcript: TranscriptEntry[] = [];
  const steps: FlowTestStepResult[] = [];
  const sessionOptions: FlowSessionOptions = {
    sessionId: FLOW_TEST_SESSION_ID,
    channel,
    locale,
    variables: { ...test.variables },
  };
  if (test.contact) sessionOptions.contact = test.contact;
  if (options.secrets) sessionOptions.secrets = options.secrets;
  if (options.logger) sessionOptions.logger = options.logger;
  if (options.clock) sessionOptions.clock = options.clock;
  const started = await FlowSession.start(compiled, sessionOptions);
  let last: TurnResult = started.turn;
  const record = (turn: TurnResult): void => {
    recordTurnCoverage(turn, nodes, ports);
    transcript.push(...turn.transcript);
  };
  record(last);
  let failure: { index: number; message: string; nodeId?: string } | undefined;
  for (const [index, step] of test.steps.entries()) {
    if (failure !== undefined) {
      steps.push({ index, step, status: 'skipped' });
      continue;
    }
    // The turn's locale, not the test's: a language node may have switched it since the test began.
    const rendered = renderTestInput(step, channel, { flow, locale: last.locale, last });
    if (rendered === null) {
      const problem = checkTestExpectation(step, last);
      steps.push(
        problem === null
          ? { index, step, status: 'passed' }
          : { index, step, status: 'failed', message: problem.message },
      );
      if (problem !== null) failure = { index, ...problem };
      continue;
    }
    if (!rendered.ok || last.status === 'ended') {
      const message = rendered.ok
        ? 'the conversation had already ended; remove this input or the expectation that ended it'
        : rendered.message;
      steps.push({ index, step, status: 'failed', message });
      failure = last.nodeId === null ? { index, message } : { index, message, nodeId: last.nodeId };
      continue;
    }
    const answered = last.nodeId;
    last = await started.session.send(rendered.input);
    record(last);
    steps.push(
      answered === null
        ? { index, step, status: 'passed', input: rendered.input }
        : { index, step, status: 'passed', input: rendered.input, nodeId: answered },
    );
  }
  const coverage = { nodes: [...nodes].toSorted(), ports: [...ports].toSorted() };
  const run: FlowTestRun = {
    testId: test.id,
    name: test.name,
    channel,
    passed: failure === undefined,
    steps,
    transcript,
    coverage,
  };
  if (failure !== undefined) {
    run.failedStep = failure.index;
    run.message = failure.message;
    const nodeId = failure.nodeId ?? last.nodeId ?? lastNodeOf(last);
    if (nodeId !== undefined) run.failedNodeId = nodeId;
  }
  return run;
}

function lastNodeOf(turn: TurnResult): string | undefined {
  return turn.outputs.findLast((output) => output.nodeId !== undefined)?.nodeId;
}

function emptyRun(test: FlowTestCase, channel: Channel): FlowTestRun {
  return {
    testId: test.id,
    name: test.name,
    channel,
    passed: false,
    steps: [],
    transcript: [],
    coverage: { nodes: [], ports: [] },
  };
}
