import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCoreBanking, type CoreBankingService } from '@omniflow/core-banking';
import { exampleFlowsDir } from '@omniflow/examples';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPostgres, type TestPostgres } from '../testing/startTestPostgres.ts';
import { startTestRuntime, type TestRuntime } from '../testing/startTestRuntime.ts';
import { pinFlow } from '../testing/testFlows.ts';

// Issue 22, "no idempotency for inputs": a client that lost a reply sends the input again with the same key.

const dtmf = (digits: string) => ({ type: 'dtmf' as const, digits });
const keyed = (key: string) => ({ headers: { 'idempotency-key': key } });

describe('Idempotency-Key on POST /api/sessions/:id/input', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await startTestRuntime();
    await t.api('POST', '/api/flows', { flow: pinFlow('keyed') });
    await t.api('POST', '/api/flows/keyed/publish', {});
  });
  afterAll(async () => t?.close());

  const startSession = async (): Promise<string> =>
    (await t.api('POST', '/api/sessions', { flowId: 'keyed', channel: 'dtmf' })).body.session.sessionId;

  it('answers a repeated key with the stored reply and stores the turn once', async () => {
    const id = await startSession();
    const first = await t.api('POST', `/api/sessions/${id}/input`, { input: dtmf('1') }, keyed('k-1'));
    expect(first.body.session.nodeId).toBe('askPin');
    const again = await t.api('POST', `/api/sessions/${id}/input`, { input: dtmf('1') }, keyed('k-1'));
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    // A key is for one input: the PIN after the menu choice gets its own, and the session moved on exactly once per key.
    const ended = await t.api('POST', `/api/sessions/${id}/input`, { input: dtmf('2580') }, keyed('k-2'));
    expect(ended.body.session.status).toBe('ended');
    const endedAgain = await t.api('POST', `/api/sessions/${id}/input`, { input: dtmf('2580') }, keyed('k-2'));
    expect(endedAgain.status).toBe(200);
    expect(endedAgain.body).toEqual(ended.body);
    expect((await t.api('GET', `/api/sessions/${id}`)).body.session.turn).toBe(2);
    const callerEntries = (await t.api('GET', `/api/sessions/${id}/transcript`)).body.transcript.filter(
      (e: { from: string }) => e.from === 'caller',
    );
    expect(callerEntries).toHaveLength(2);
  });

  it('refuses a key reused for another input (422) and a malformed key (400), changing nothing', async () => {
    const id = await startSession();
    await t.api('POST', `/api/sessions/${id}/input`, { input: dtmf('1') }, keyed('k-1'));
    const reused = await t.api('POST', `/api/sessions/${id}/input`, { input: dtmf('2') }, keyed('k-1'));
    expect(reused.status).toBe(422);
    expect(reused.body.errors[0]).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    const malformed = await t.api('POST', `/api/sessions/${id}/input`, { input: dtmf('2') }, keyed('x'.repeat(201)));
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors[0]).toMatchObject({ code: 'BAD_IDEMPOTENCY_KEY' });
    expect((await t.api('GET', `/api/sessions/${id}`)).body.session.turn).toBe(1);
  });

  it('keeps keys per session: the same key in another session is a new input', async () => {
    const [a, b] = [await startSession(), await startSession()];
    await t.api('POST', `/api/sessions/${a}/input`, { input: dtmf('1') }, keyed('same'));
    const other = await t.api('POST', `/api/sessions/${b}/input`, { input: dtmf('2') }, keyed('same'));
    expect(other.body.session.status).toBe('ended');
  });
});

describe('the same keyed input on two processes at once, with the sample bank behind them', () => {
  let server: TestPostgres;
  let bank: CoreBankingService;
  const runtimes: TestRuntime[] = [];
  const bankDir = mkdtempSync(join(tmpdir(), 'omniflow-bank-'));
  beforeAll(async () => {
    server = await startTestPostgres();
    bank = await startCoreBanking({ dbFile: join(bankDir, 'bank.db') });
    const env = {
      STORE: 'postgres',
      DATABASE_URL: server.url,
      OMNIFLOW_SNAPSHOT_KEY: randomBytes(32).toString('base64'),
      OMNIFLOW_PLUGINS: '@omniflow/plugin-banking',
      OMNIFLOW_SECRET_CORE_BANKING_URL: bank.url,
      OMNIFLOW_SECRET_CORE_BANKING_API_KEY: bank.apiKey,
      OMNIFLOW_SECRET_CORE_BANKING_URL_ALLOW: bank.url,
      OMNIFLOW_SECRET_CORE_BANKING_API_KEY_ALLOW: bank.url,
    };
    runtimes.push(await startTestRuntime({ ...env, OMNIFLOW_SEED_DIR: exampleFlowsDir }));
    runtimes.push(await startTestRuntime(env));
  }, 90_000);
  afterAll(async () => {
    for (const r of runtimes) await r.close();
    await bank?.close();
    await server?.stop();
    rmSync(bankDir, { recursive: true, force: true });
  });

  it('runs the turn for one caller, answers both with its reply, and the bank sees each effect once', async () => {
    const [a, b] = runtimes as [TestRuntime, TestRuntime];
    const id: string = (await a.api('POST', '/api/sessions', { flowId: 'card-activation', channel: 'dtmf' })).body
      .session.sessionId;
    for (const [key, digits] of [
      ['last-four', '4821'],
      ['birth', '19850314'],
      ['pin', '2580'],
    ] as const)
      expect((await a.api('POST', `/api/sessions/${id}/input`, { input: dtmf(digits) }, keyed(key))).status).toBe(200);

    // The confirming PIN sets the PIN and activates the card; the client sent it to both processes (a retry racing the first try).
    const confirm = { input: dtmf('2580') };
    const [fromA, fromB] = await Promise.all([
      a.api('POST', `/api/sessions/${id}/input`, confirm, keyed('confirm')),
      b.api('POST', `/api/sessions/${id}/input`, confirm, keyed('confirm')),
    ]);
    expect([fromA.status, fromB.status]).toEqual([200, 200]);
    expect(fromA.body).toEqual(fromB.body);
    const said = fromA.body.session.outputs.map((o: { text?: string }) => o.text ?? '').join(' ');
    expect(said).toMatch(/ending in 4821 is now active/);

    // A later resend (the reply was lost again) is answered from the store too.
    const late = await b.api('POST', `/api/sessions/${id}/input`, confirm, keyed('confirm'));
    expect(late.body).toEqual(fromA.body);

    const bankDb = new Database(join(bankDir, 'bank.db'), { readonly: true });
    const effects = bankDb.prepare('SELECT COUNT(*) AS n FROM idempotent_responses').get() as { n: number };
    const card = bankDb.prepare("SELECT status FROM cards WHERE last_four = '4821'").get() as { status: string };
    bankDb.close();
    // One PIN change and one activation: both processes' back-end calls carried the same handler idempotency keys.
    expect(effects.n).toBe(2);
    expect(card.status).toBe('active');
    const stored = await a.api('GET', `/api/sessions/${id}`);
    expect(stored.body.session).toMatchObject({ status: 'ended', turn: 4 });
  }, 60_000);
});
