import { describe, expect, it } from 'vitest';
import { CHANNELS, type FlowTestCase } from '@omniflow/flow-schema';
import { createBuiltInRegistry } from '../nodeTypes/createBuiltInRegistry.ts';
import { flowTestFixture } from './flowTestFixture.ts';
import { runFlowSuite } from './runFlowSuite.ts';

const registry = createBuiltInRegistry();

async function suiteOf(
  tests: FlowTestCase[] | undefined = undefined,
): Promise<NonNullable<Extract<Awaited<ReturnType<typeof runFlowSuite>>, { ok: true }>['report']>> {
  const result = await runFlowSuite(flowTestFixture(), tests ? { registry, tests } : { registry });
  if (!result.ok) throw new Error(`the fixture does not compile: ${JSON.stringify(result.issues)}`);
  return result.report;
}

describe('runFlowSuite', () => {
  it('runs each test in dtmf, voice and chat with the back end mocked, and passes', async () => {
    const report = await suiteOf();
    expect(report.runs.map((run) => `${run.testId}/${run.channel}:${run.passed ? 'ok' : run.message}`)).toEqual(
      ['found', 'agent'].flatMap((id) => CHANNELS.map((channel) => `${id}/${channel}:ok`)),
    );
  });

  it('renders one choice as a key, the spoken option and the quick reply', async () => {
    const report = await suiteOf();
    const inputs = report.runs.filter((run) => run.testId === 'found').map((run) => run.steps[1]?.input);
    expect(inputs).toEqual([
      { type: 'dtmf', digits: '1' },
      { type: 'speech', transcript: 'booking' },
      { type: 'text', text: '1' },
    ]);
  });

  it('covers every node and port a passing suite went through, and lists the rest', async () => {
    const { coverage } = await suiteOf();
    expect(coverage.uncoveredNodes).toEqual(['cancelled']);
    expect(coverage.ports).toContain('find:success');
    expect(coverage.uncoveredPorts).toContain('find:cancelled');
  });

  it('takes the mocked port of a handler node without calling any back end', async () => {
    const report = await suiteOf([
      {
        id: 'c',
        name: 'cancelled',
        channels: ['chat'],
        mocks: { find: { port: 'cancelled' } },
        steps: [
          { choose: '1' },
          { digits: '555' },
          { expectPrompt: 'was cancelled' },
          { expectEnd: { outcome: 'cancelled' } },
        ],
      },
    ]);
    expect(report.passed).toBe(true);
  });

  it('fails at the first unmet expectation, names the node to highlight and skips the rest', async () => {
    const report = await suiteOf([
      {
        id: 'b',
        name: 'broken',
        channels: ['dtmf'],
        steps: [{ choose: '1' }, { expectPrompt: 'Account number' }, { digits: '123' }],
      },
    ]);
    const [run] = report.runs;
    expect(run).toMatchObject({
      passed: false,
      failedStep: 1,
      failedNodeId: 'ask',
      message: expect.stringMatching(/"Account number".*"Booking reference\?/),
    });
    expect(run?.steps.map((step) => step.status)).toEqual(['passed', 'failed', 'skipped']);
    expect(report).toMatchObject({ passed: false, failed: 1, total: 1 });
  });

  it('fails a spoken word in dtmf with a hint instead of guessing a key', async () => {
    const report = await suiteOf([
      { id: 's', name: 'said', channels: ['dtmf', 'chat'], steps: [{ say: 'agent' }, { expectTransfer: {} }] },
    ]);
    expect(report.runs.map((run) => run.passed)).toEqual([false, true]);
    expect(report.runs[0]?.message).toMatch(/cannot be keyed/);
  });

  it('reports a flow that does not compile as issues, not as a thrown error', async () => {
    const flow = { ...flowTestFixture(), start: 'nowhere' };
    const result = await runFlowSuite(flow, { registry });
    expect(result.ok).toBe(false);
  });
});
