import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntimesOnPostgres, type TestDeployment } from '../testing/startTestRuntimesOnPostgres.ts';
import { startTestRuntime, type TestRuntime } from '../testing/startTestRuntime.ts';
import { pinFlow } from '../testing/testFlows.ts';

// Issue 22: a client that lost the reply of POST /api/sessions sends it again with the same Idempotency-Key.

const keyed = (key: string) => ({ headers: { 'idempotency-key': key } });
const start = { flowId: 'started', channel: 'dtmf' };

async function sessionCount(t: TestRuntime): Promise<number> {
  return (await t.api('GET', '/api/contacts?flowId=started&limit=100')).body.contacts.length;
}

describe('Idempotency-Key on POST /api/sessions', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await startTestRuntime();
    await t.api('POST', '/api/flows', { flow: pinFlow('started') });
    await t.api('POST', '/api/flows/started/publish', {});
  });
  afterAll(async () => t?.close());

  it('answers a repeated key with the same session and first reply, and starts one session', async () => {
    const before = await sessionCount(t);
    const first = await t.api('POST', '/api/sessions', start, keyed('start-1'));
    expect(first.status).toBe(201);
    const [again, atOnce] = await Promise.all([
      t.api('POST', '/api/sessions', start, keyed('start-1')),
      t.api('POST', '/api/sessions', start, keyed('start-1')),
    ]);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(atOnce.body).toEqual(first.body);
    // The session goes on from the one start: its first input is turn 1.
    const id: string = first.body.session.sessionId;
    await t.api('POST', `/api/sessions/${id}/input`, { input: { type: 'dtmf', digits: '1' } });
    expect((await t.api('GET', `/api/sessions/${id}`)).body.session.turn).toBe(1);
    expect(await sessionCount(t)).toBe(before + 1);
    // Without a key, or with another key, each start is a session of its own.
    const other = await t.api('POST', '/api/sessions', start, keyed('start-2'));
    const unkeyed = await t.api('POST', '/api/sessions', start);
    expect(new Set([id, other.body.session.sessionId, unkeyed.body.session.sessionId]).size).toBe(3);
  });

  it('refuses a key reused for another start (422) and a malformed key (400), starting nothing', async () => {
    await t.api('POST', '/api/sessions', start, keyed('start-3'));
    const before = await sessionCount(t);
    const reused = await t.api('POST', '/api/sessions', { ...start, locale: 'zh-CN' }, keyed('start-3'));
    expect(reused.status).toBe(422);
    expect(reused.body.errors[0]).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    const malformed = await t.api('POST', '/api/sessions', start, keyed('has space'));
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors[0]).toMatchObject({ code: 'BAD_IDEMPOTENCY_KEY' });
    expect(await sessionCount(t)).toBe(before);
  });

  it('keeps keys per token: the same key from another token starts its own session', async () => {
    const token = (await t.api('POST', '/api/flows/started/channel-tokens', { label: 'web' })).body.token;
    const mine = await t.api('POST', '/api/sessions', start, keyed('start-4'));
    const theirs = await t.api('POST', '/api/sessions', start, { ...keyed('start-4'), token });
    expect(theirs.status).toBe(201);
    expect(theirs.body.session.sessionId).not.toBe(mine.body.session.sessionId);
  });
});

describe('the same keyed start on two processes at once (PostgreSQL)', () => {
  let deployment: TestDeployment | undefined;
  beforeAll(async () => {
    deployment = await startTestRuntimesOnPostgres(2);
    await deployment.runtimes[0]?.api('POST', '/api/flows', { flow: pinFlow('started') });
    await deployment.runtimes[0]?.api('POST', '/api/flows/started/publish', {});
  }, 90_000);
  afterAll(async () => deployment?.close());

  it('starts one session and answers both processes with its first reply', async () => {
    const [a, b] = (deployment?.runtimes ?? []) as [TestRuntime, TestRuntime];
    for (let i = 0; i < 5; i++) {
      const [fromA, fromB] = await Promise.all([
        a.api('POST', '/api/sessions', start, keyed(`twice-${i}`)),
        b.api('POST', '/api/sessions', start, keyed(`twice-${i}`)),
      ]);
      expect([fromA.status, fromB.status]).toEqual([201, 201]);
      expect(fromB.body).toEqual(fromA.body);
    }
    const db = new Client({ connectionString: deployment?.server.url });
    await db.connect();
    const { rows } = await db.query<{ n: string }>("SELECT COUNT(*) AS n FROM sessions WHERE flow_id = 'started'");
    await db.end();
    expect(Number(rows[0]?.n)).toBe(5);
  }, 60_000);
});
