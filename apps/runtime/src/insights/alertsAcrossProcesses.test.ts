import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPostgres, type TestPostgres } from '../testing/startTestPostgres.ts';
import { startTestRuntime, type TestRuntime } from '../testing/startTestRuntime.ts';
import { startWebhookSink } from '../testing/startWebhookSink.ts';
import { menuFlow } from '../testing/testFlows.ts';

// Issue 17, point 4: two runtime processes on one PostgreSQL database see turns of the same contact; each alert is
// raised by one of them, so its webhook is posted once, and reaches the other over the contact center's PostgreSQL bus.
const flow = menuFlow('line');

describe('alerts with two processes on PostgreSQL (issue 17)', () => {
  let server: TestPostgres;
  let hooks: Awaited<ReturnType<typeof startWebhookSink>>;
  const runtimes: TestRuntime[] = [];
  beforeAll(async () => {
    server = await startTestPostgres();
    hooks = await startWebhookSink();
    const env = {
      STORE: 'postgres',
      DATABASE_URL: server.url,
      OMNIFLOW_SNAPSHOT_KEY: randomBytes(32).toString('base64'),
      OMNIFLOW_EGRESS_ALLOW: hooks.origin,
    };
    runtimes.push(await startTestRuntime(env), await startTestRuntime(env));
    const [a] = runtimes as [TestRuntime];
    await a.api('POST', '/api/flows', { flow });
    await a.api('POST', '/api/flows/line/publish', {});
    await a.api('PUT', '/api/insights/rules/*', {
      rules: [
        { id: 'c', category: 'complaint', alert: true, conditions: [{ kind: 'phrase', phrases: ['complaint'] }] },
      ],
      webhooks: [`${hooks.origin}/alerts`],
    });
  }, 90_000);
  afterAll(async () => {
    for (const runtime of runtimes) await runtime.close();
    await hooks?.close();
    await server?.stop();
  });

  it('posts the webhook of an alert once when both processes see the contact complain, and both show it', async () => {
    const [a, b] = runtimes as [TestRuntime, TestRuntime];
    const id: string = (await a.api('POST', '/api/sessions', { flowId: 'line', channel: 'chat' })).body.session
      .sessionId;
    // Turns of one contact land on either process, as behind a load balancer; both would match the rule.
    for (const [runtime, text] of [
      [b, 'I have a complaint'],
      [a, 'another complaint'],
      [b, 'still a complaint'],
    ] as const) {
      const reply = await runtime.api('POST', `/api/sessions/${id}/input`, { input: { type: 'text', text } });
      expect(reply.status).toBe(200);
    }
    await Promise.all(runtimes.map((runtime) => runtime.runtime.settleInsights()));
    await expect.poll(() => hooks.received.filter((hook) => hook.body.alert.sessionId === id).length).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(hooks.received.filter((hook) => hook.body.alert.sessionId === id)).toHaveLength(1);
    // The alert crossed to the other process over the PostgreSQL bus: each shows it once, under the same key.
    await expect
      .poll(async () =>
        Promise.all(
          runtimes.map(async (runtime) =>
            (await runtime.api('GET', '/api/insights/alerts')).body.alerts
              .filter((alert: { sessionId: string }) => alert.sessionId === id)
              .map((alert: { key: string; category: string }) => `${alert.category}:${alert.key}`),
          ),
        ),
      )
      .toEqual([[expect.stringMatching(/^complaint:/)], [expect.stringMatching(/^complaint:/)]]);
    const [[onA], [onB]] = await Promise.all(
      runtimes.map(async (runtime) =>
        (await runtime.api('GET', '/api/insights/alerts')).body.alerts.map((alert: { key: string }) => alert.key),
      ),
    );
    expect(onA).toBe(onB);
  });
});
