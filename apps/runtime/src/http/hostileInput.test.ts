import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pinFlow } from '../testing/testFlows.ts';
import { startTestRuntime, type TestRuntime } from '../testing/startTestRuntime.ts';
import { tooDeepAt } from './limitJsonDepth.ts';

let t: TestRuntime;
beforeAll(async () => {
  t = await startTestRuntime();
  await t.api('POST', '/api/flows', { flow: pinFlow('hostile') });
  await t.api('POST', '/api/flows/hostile/publish', {});
});
afterAll(async () => {
  await t.close();
});

const nested = (levels: number): string => `${'['.repeat(levels)}${']'.repeat(levels)}`;

describe('hostile input (issue 14)', () => {
  it('answers 10,000 levels of nesting with 400 and a pointer, and keeps serving', async () => {
    const reply = await t.api('POST', '/api/flows', undefined, {
      raw: `{"flow":{"id":"deep","name":"x","extra":${nested(10_000)}}}`,
    });
    expect(reply.status).toBe(400);
    expect(reply.body.errors[0].code).toBe('JSON_TOO_DEEP');
    expect(reply.body.errors[0].pointer).toMatch(/^\/flow\/extra(\/0)+$/);
    expect((await t.api('GET', '/api/flows/hostile')).status).toBe(200);
  });

  it('points at the first value past the limit', () => {
    expect(tooDeepAt({ a: [{ b: {} }] }, 3)).toBe('/a/0/b');
    expect(tooDeepAt({ a: [{ b: 1 }] }, 3)).toBeUndefined();
  });

  it('refuses a draft that is not shaped like a flow', async () => {
    const reply = await t.api('PUT', '/api/flows/hostile', {
      flow: { ...pinFlow('hostile'), nodes: 'none' },
      revision: 1,
    });
    expect(reply.status).toBe(400);
    expect(reply.body.errors[0].pointer).toBe('/flow/nodes');
    const edge = await t.api('PUT', '/api/flows/hostile', {
      flow: { ...pinFlow('hostile'), edges: [{ source: 1 }] },
      revision: 1,
    });
    expect(edge.status).toBe(400);
  });

  it("refuses an unknown locale at session start, naming the flow's locales", async () => {
    const reply = await t.api('POST', '/api/sessions', { flowId: 'hostile', channel: 'chat', locale: 'xx-YY' });
    expect(reply.status).toBe(400);
    expect(reply.body.errors[0]).toMatchObject({ code: 'UNKNOWN_LOCALE', pointer: '/locale' });
    expect(reply.body.errors[0].message).toContain('"en-US", "zh-CN"');
    expect((await t.api('POST', '/api/sessions', { flowId: 'hostile', channel: 'chat', locale: 'zh-CN' })).status).toBe(
      201,
    );
  });
});
