import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pinFlow } from '../testing/testFlows.ts';
import { startTestRuntime, type TestRuntime } from '../testing/startTestRuntime.ts';

let t: TestRuntime;

beforeAll(async () => {
  t = await startTestRuntime();
});
afterAll(async () => {
  await t.close();
});

const balanceTest = {
  id: 'balance',
  name: 'Checks the PIN',
  steps: [{ choose: '1' }, { digits: '1234' }, { expectPrompt: 'was checked' }, { expectEnd: { outcome: 'done' } }],
};
const agentTest = {
  id: 'agent',
  name: 'Asks for an agent',
  steps: [{ choose: '2' }, { expectTransfer: { queue: 'support' } }],
};

function flowWithTests(id: string, tests: unknown[]): Record<string, unknown> {
  return { ...pinFlow(id), tests };
}

describe('flow tests API (#21)', () => {
  it('runs the draft suite in every channel and answers runs and coverage', async () => {
    await t.api('POST', '/api/flows', { flow: flowWithTests('suite-pass', [balanceTest]) });
    const { status, body } = await t.api('POST', '/api/flows/suite-pass/tests/run', {});
    expect(status).toBe(200);
    expect(body.report).toMatchObject({ passed: true, total: 3, failed: 0 });
    expect(body.report.coverage.uncoveredNodes).toEqual(['agent']);
  });

  it('runs a posted document and only the tests asked for', async () => {
    await t.api('POST', '/api/flows', { flow: flowWithTests('suite-posted', []) });
    const { body } = await t.api('POST', '/api/flows/suite-posted/tests/run', {
      flow: flowWithTests('suite-posted', [balanceTest, agentTest]),
      testIds: ['agent'],
    });
    expect(body.report.runs.map((run: { testId: string }) => run.testId)).toEqual(['agent', 'agent', 'agent']);
  });

  it('suggests a test for the transfer node no test reaches', async () => {
    await t.api('POST', '/api/flows', { flow: flowWithTests('suite-suggest', [balanceTest]) });
    const { status, body } = await t.api('GET', '/api/flows/suite-suggest/tests/suggestions');
    expect(status).toBe(200);
    expect(body.suggestions).toEqual([
      {
        nodeId: 'agent',
        complete: true,
        test: expect.objectContaining({
          steps: [{ choose: '2' }, { expectNode: 'agent' }, { expectTransfer: { queue: 'support' } }],
        }),
      },
    ]);
  });

  it('refuses to publish a draft whose tests fail, then publishes with an override reason kept in the note', async () => {
    const broken = { ...balanceTest, steps: [{ choose: '1' }, { expectPrompt: 'account number' }] };
    await t.api('POST', '/api/flows', { flow: flowWithTests('suite-gate', [broken]) });
    const refused = await t.api('POST', '/api/flows/suite-gate/publish', { note: 'weekly change' });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0]).toMatchObject({
      code: 'FLOW_TEST_FAILED',
      pointer: '/tests/0/steps/1',
      nodeId: 'askPin',
    });
    expect(refused.body.testReport).toMatchObject({ passed: false, failed: 3 });
    expect((await t.api('GET', '/api/flows/suite-gate')).body.flow.liveVersion).toBeNull();
    const tooShort = await t.api('POST', '/api/flows/suite-gate/publish', { overrideFailingTests: {} });
    expect(tooShort.status).toBe(400);
    const published = await t.api('POST', '/api/flows/suite-gate/publish', {
      note: 'weekly change',
      overrideFailingTests: { reason: 'prompt rewording is approved' },
    });
    expect(published.status).toBe(201);
    expect(published.body.version.note).toBe(
      'weekly change\nPublished with 3 of 3 test run(s) failing; reason: prompt rewording is approved',
    );
  });

  it('answers 422 with issues for a posted document that does not compile, and 404 for an unknown flow', async () => {
    await t.api('POST', '/api/flows', { flow: flowWithTests('suite-bad', []) });
    const bad = await t.api('POST', '/api/flows/suite-bad/tests/run', {
      flow: { ...flowWithTests('suite-bad', [{ ...agentTest, steps: [{ expectNode: 'ghost' }] }]) },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0]).toMatchObject({ code: 'FLOW040', pointer: '/tests/0/steps/0/expectNode' });
    expect((await t.api('POST', '/api/flows/nope/tests/run', {})).status).toBe(404);
  });
});
