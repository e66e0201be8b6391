import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { startCoreBanking, type CoreBankingService } from './startCoreBanking.ts';

const dir = mkdtempSync(join(tmpdir(), 'core-banking-delay-'));
let service: CoreBankingService | undefined;
afterEach(async () => {
  await service?.close();
  rmSync(dir, { recursive: true, force: true });
});

function cardStatus(dbFile: string): string | undefined {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db
      .prepare<[], { status: string }>("SELECT status FROM cards WHERE customer_id = 'C-1001' AND last_four = '4821'")
      .get()?.status;
  } finally {
    db.close();
  }
}

it('commits a state change before holding its reply for the configured delay, and delays a replay the same', async () => {
  const dbFile = join(dir, 'bank.sqlite');
  service = await startCoreBanking({ dbFile, replyDelayMs: 400 });
  const activate = (): Promise<Response> =>
    fetch(`${service?.url}/v1/customers/C-1001/cards/4821/activate`, {
      method: 'POST',
      headers: { 'x-api-key': service?.apiKey ?? '', 'idempotency-key': 'delay-test:activate:1' },
    });
  const started = Date.now();
  const pending = activate();
  let seenActiveAt: number | undefined;
  let answeredAt: number | undefined;
  void pending.then(() => (answeredAt = Date.now()));
  while (seenActiveAt === undefined) {
    if (cardStatus(dbFile) === 'active') seenActiveAt = Date.now();
    else await new Promise((resolve) => setTimeout(resolve, 10));
  }
  expect(answeredAt).toBeUndefined();
  const first = await pending;
  expect(first.status).toBe(200);
  expect(await first.json()).toEqual({ status: 'activated', cardLastFour: '4821' });
  expect(Date.now() - started).toBeGreaterThanOrEqual(400);

  const replayStarted = Date.now();
  const replay = await activate();
  expect(await replay.json()).toEqual({ status: 'activated', cardLastFour: '4821' });
  expect(Date.now() - replayStarted).toBeGreaterThanOrEqual(400);
});

it('answers reads at once whatever the delay', async () => {
  service = await startCoreBanking({ replyDelayMs: 5_000 });
  const res = await fetch(`${service.url}/v1/customers/C-1001/balance`, { headers: { 'x-api-key': service.apiKey } });
  expect(res.status).toBe(200);
}, 2_000);
