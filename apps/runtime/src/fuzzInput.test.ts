import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { ROUTES } from './http/openApiDocument.ts';
import { badBody, badPathSegment, badValue, seededRandom } from './testing/badInputs.ts';
import { pinFlow } from './testing/testFlows.ts';
import { startTestRuntime, type TestRuntime } from './testing/startTestRuntime.ts';

// Issue 14: seeded generated bad input against every JSON endpoint and both WebSockets, bounded in time, loopback
// only. A failure names the seed, method, path and body so it can be replayed.
const SEED = Number(process.env['OMNIFLOW_FUZZ_SEED'] ?? 14);
const PER_ROUTE = Number(process.env['OMNIFLOW_FUZZ_RUNS'] ?? 30);

let t: TestRuntime;
let channel: string;
beforeAll(async () => {
  t = await startTestRuntime({ OMNIFLOW_RATE_LIMIT_MAX: '1000000', OMNIFLOW_BODY_LIMIT: '1mb' });
  await t.api('POST', '/api/flows', { flow: pinFlow('fuzz') });
  await t.api('POST', '/api/flows/fuzz/publish', {});
  channel = (await t.api('POST', '/api/flows/fuzz/channel-tokens', {})).body.token;
});
afterAll(async () => {
  await t.close();
});

describe(`fuzzing with seed ${SEED} (issue 14)`, () => {
  it("answers every JSON endpoint's generated bad input with no 5xx", { timeout: 120_000 }, async () => {
    const random = seededRandom(SEED);
    const failures: string[] = [];
    for (const route of ROUTES.filter((r) => r.method === 'post' || r.method === 'put')) {
      for (let run = 0; run < PER_ROUTE; run += 1) {
        const body = badBody(random);
        const path = route.path.replace(/\{(\w+)\}/g, (_all, name: string) =>
          random() < 0.5 ? (name === 'version' ? '1' : 'fuzz') : badPathSegment(badValue(random)),
        );
        const token = random() < 0.5 ? channel : undefined;
        const contentType = route.path.startsWith('/twilio') ? 'application/x-www-form-urlencoded' : 'application/json';
        const reply = await t.api(route.method.toUpperCase(), path, undefined, {
          raw: body,
          headers: { 'content-type': contentType },
          ...(token ? { token } : {}),
        });
        if (reply.status >= 500) failures.push(`${route.method} ${path} → ${reply.status}: ${body.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
    expect((await t.api('GET', '/healthz')).status).toBe(200);
  });

  it('survives generated bad messages on the chat and voice WebSockets', { timeout: 60_000 }, async () => {
    const random = seededRandom(SEED + 1);
    const base = t.url.replace('http:', 'ws:');
    for (const path of [`/ws/chat?token=${channel}`, '/ws/voice']) {
      const ws = new WebSocket(`${base}${path}`);
      await new Promise<void>((resolve, reject) => {
        ws.once('open', () => resolve());
        ws.once('error', reject);
      });
      const closed = new Promise<void>((resolve) => ws.once('close', () => resolve()));
      // The server closing an oversized message (1009) surfaces as a client error: that is the server saying no.
      ws.on('error', () => undefined);
      for (let run = 0; run < 40 && ws.readyState === WebSocket.OPEN; run += 1) {
        ws.send(random() < 0.1 ? Buffer.from([0xff, 0x00, 0xfe]) : badBody(random));
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
      ws.close();
      await closed;
    }
    expect((await t.api('GET', '/healthz')).status).toBe(200);
    const started = await t.api('POST', '/api/sessions', { flowId: 'fuzz', channel: 'chat' }, { token: channel });
    expect(started.status).toBe(201);
  });
});
