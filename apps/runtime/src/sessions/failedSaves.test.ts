import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../http/ApiError.ts';
import { SqliteFlowStore } from '../store/SqliteFlowStore.ts';
import { startTestPostgres, type TestPostgres } from '../testing/startTestPostgres.ts';
import { startTestRuntime, type TestRuntime } from '../testing/startTestRuntime.ts';
import { pinFlow } from '../testing/testFlows.ts';
import { testSessionService } from '../testing/testSessionService.ts';
import { noSubflows } from '../testing/noSubflows.ts';

// Issue 22, "ghost turn after a failed save": a turn the store did not confirm must leave no trace in the process.

const text = (value: string) => ({ type: 'text' as const, text: value });
const callerTexts = (transcript: unknown[]) =>
  transcript.flatMap((e) =>
    typeof e === 'object' && e !== null && 'from' in e && e.from === 'caller' && 'text' in e ? [e.text] : [],
  );

describe('a turn SQLite refused as busy', () => {
  const dir = mkdtempSync(join(tmpdir(), 'omniflow-busy-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers 503 with a retry delay and the next input starts from the stored state', async () => {
    const store = SqliteFlowStore.open(dir, { busyTimeoutMs: 50 });
    const sessions = testSessionService(store);
    const flow = pinFlow('pin');
    await store.createFlow('pin', 'PIN', flow);
    await store.publish('pin', noSubflows(flow), 'v1', 'test');
    const { sessionId } = await sessions.start({ flowId: 'pin', channel: 'chat' });
    expect((await sessions.input(sessionId, text('balance'))).nodeId).toBe('askPin');

    // Another connection (a backup, a second process) holds the write lock past the busy timeout.
    const other = new Database(join(dir, 'omniflow.db'));
    other.exec('BEGIN IMMEDIATE');
    const refused = await sessions.input(sessionId, text('1234')).then(
      () => undefined,
      (error: unknown) => error,
    );
    other.exec('ROLLBACK');
    other.close();
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ status: 503, extra: { retryAfterSeconds: 1 } });
    expect((refused as ApiError).errors[0]?.code).toBe('STORE_UNAVAILABLE');

    // Had the process kept its copy, "1234" would count as accepted and the session would have ended.
    const next = await sessions.input(sessionId, text('12'));
    expect(next).toMatchObject({ status: 'active', nodeId: 'askPin' });
    expect(callerTexts(await store.getTranscript(sessionId))).toEqual(['balance', '****']);
    expect((await store.getSession(sessionId))?.turn).toBe(2);
    await store.close();
  });
});

describe('a turn PostgreSQL did not confirm', () => {
  let server: TestPostgres;
  let t: TestRuntime;
  beforeAll(async () => {
    server = await startTestPostgres();
    // Waiting for a row lock fails after 300 ms for the runtime's connections (the default is the 10 s statement timeout).
    const admin = new Client({ connectionString: server.url });
    await admin.connect();
    await admin.query("ALTER ROLE omniflow SET lock_timeout = '300ms'");
    await admin.end();
    t = await startTestRuntime({
      STORE: 'postgres',
      DATABASE_URL: server.url,
      OMNIFLOW_SNAPSHOT_KEY: randomBytes(32).toString('base64'),
    });
    await t.api('POST', '/api/flows', { flow: pinFlow('pin') });
    const published = await t.api('POST', '/api/flows/pin/publish', {});
    if (published.status !== 201) throw new Error(`publishing the test flow failed: ${published.text}`);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await server?.stop();
  });

  const startAtPin = async (): Promise<string> => {
    const id: string = (await t.api('POST', '/api/sessions', { flowId: 'pin', channel: 'chat' })).body.session
      .sessionId;
    const asked = await t.api('POST', `/api/sessions/${id}/input`, { input: text('balance') });
    expect(asked.body.session.nodeId).toBe('askPin');
    return id;
  };

  const expectNoGhost = async (id: string) => {
    const next = await t.api('POST', `/api/sessions/${id}/input`, { input: text('12') });
    expect(next.status).toBe(200);
    expect(next.body.session).toMatchObject({ status: 'active', nodeId: 'askPin' });
    const transcript = await t.api('GET', `/api/sessions/${id}/transcript`);
    expect(callerTexts(transcript.body.transcript)).toEqual(['balance', '****']);
  };

  it('answers 503 with Retry-After while another transaction holds the session row', async () => {
    const id = await startAtPin();
    const locker = new Client({ connectionString: server.url });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('SELECT 1 FROM sessions WHERE id = $1 FOR UPDATE', [id]);
    const refused = await t.api('POST', `/api/sessions/${id}/input`, { input: text('1234') });
    await locker.query('ROLLBACK');
    await locker.end();
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.body.errors[0].code).toBe('STORE_UNAVAILABLE');
    await expectNoGhost(id);
  });

  it('answers 503 while the database is stopped and continues from the stored turn once it is back', async () => {
    const id = await startAtPin();
    await server.halt();
    const refused = await t.api('POST', `/api/sessions/${id}/input`, { input: text('1234') });
    await server.resume();
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    await expectNoGhost(id);
  }, 30_000);
});
