import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { startCoreBanking, type CoreBankingService } from './startCoreBanking.ts';

let service: CoreBankingService;

async function call(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(service.url + path, {
    method,
    headers: { 'content-type': 'application/json', 'x-api-key': service.apiKey, ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('core-banking service', () => {
  beforeEach(async () => {
    // A Friday, so five business days later is the next Friday.
    service = await startCoreBanking({ now: () => new Date('2026-11-20T10:00:00Z') });
  });
  afterEach(async () => {
    await service.close();
  });

  it('refuses requests without the API key', async () => {
    const res = await fetch(`${service.url}/v1/customers/C-1001/balance`);
    expect(res.status).toBe(401);
  });

  it('verifies a customer by card last four and date of birth, and refuses a wrong date', async () => {
    expect(await call('POST', '/v1/customers/verify', { cardLastFour: '4821', dateOfBirth: '1985-03-14' })).toEqual({
      status: 200,
      body: { verified: true, customerId: 'C-1001', name: 'Alice Chen' },
    });
    const wrong = await call('POST', '/v1/customers/verify', { cardLastFour: '4821', dateOfBirth: '1985-03-15' });
    expect(wrong.body).toEqual({ verified: false });
    expect((await call('POST', '/v1/customers/verify', { cardLastFour: 4821 })).status).toBe(400);
  });

  it('answers a malformed JSON body with 400', async () => {
    const res = await fetch(`${service.url}/v1/customers/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': service.apiKey },
      body: '{"cardLastFour":',
    });
    expect(res.status).toBe(400);
  });

  it('reports balance and the most recent transactions first', async () => {
    const balance = await call('GET', '/v1/customers/C-1001/balance');
    expect(balance.body).toMatchObject({ currency: 'USD', balance: 2450.75 });
    const recent = await call('GET', '/v1/customers/C-1001/transactions?count=2');
    expect(recent.body.transactions).toEqual([
      { date: '2026-11-20', description: 'Grocery Mart', amount: -84.12 },
      { date: '2026-11-18', description: 'Salary', amount: 3200 },
    ]);
    expect((await call('GET', '/v1/customers/nobody/balance')).status).toBe(404);
  });

  it('activates an inactive card once, then says it is already active', async () => {
    const first = await call('POST', '/v1/customers/C-1001/cards/4821/activate', {});
    expect(first.body).toMatchObject({ status: 'activated' });
    const again = await call('POST', '/v1/customers/C-1001/cards/4821/activate', {});
    expect(again).toMatchObject({ status: 409, body: { error: 'alreadyActive' } });
  });

  it('answers a repeated activation with the same Idempotency-Key exactly as the first time', async () => {
    const headers = { 'idempotency-key': 'sess-1:activate:1' };
    const first = await call('POST', '/v1/customers/C-1003/cards/7312/activate', {}, headers);
    const replay = await call('POST', '/v1/customers/C-1003/cards/7312/activate', {}, headers);
    expect(first).toEqual({ status: 200, body: { status: 'activated', cardLastFour: '7312' } });
    expect(replay).toEqual(first);
    const reused = await call('POST', '/v1/customers/C-1001/cards/4821/activate', {}, headers);
    expect(reused).toMatchObject({ status: 422, body: { error: 'idempotencyKeyReused' } });
    // The key was not applied to the other card.
    expect((await call('POST', '/v1/customers/C-1001/cards/4821/activate', {})).body).toMatchObject({
      status: 'activated',
    });
  });

  it('rejects trivial PINs with a reason and accepts a good one', async () => {
    for (const [pin, code] of [
      ['0000', 'sameDigits'],
      ['1234', 'sequence'],
      ['1985', 'dateOfBirth'],
      ['12a4', 'format'],
    ]) {
      const res = await call('PUT', '/v1/customers/C-1001/pin', { pin });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ error: 'pinRejected', code });
      expect(typeof res.body.reason).toBe('string');
    }
    expect((await call('PUT', '/v1/customers/C-1001/pin', { pin: '2580' })).body).toMatchObject({ status: 'pinSet' });
  });

  it('reports a lost card with a replacement ETA and replays it for the same Idempotency-Key', async () => {
    const headers = { 'idempotency-key': 'sess-2:lost:1' };
    const first = await call('POST', '/v1/customers/C-1004/cards/3090/lost', {}, headers);
    expect(first.body).toEqual({ status: 'reported', replacementEta: '2026-11-27', businessDays: 5 });
    expect(await call('POST', '/v1/customers/C-1004/cards/3090/lost', {}, headers)).toEqual(first);
    const later = await call('POST', '/v1/customers/C-1004/cards/3090/lost', {});
    expect(later.body).toEqual({ status: 'alreadyReported', replacementEta: '2026-11-27' });
    expect((await call('POST', '/v1/customers/C-1004/cards/3090/activate', {})).body).toMatchObject({
      error: 'cardLost',
    });
  });
});

describe('core-banking persistence', () => {
  it('keeps state and idempotent replies in its database file across restarts, storing only a PIN hash', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'core-banking-'));
    const dbFile = join(dir, 'bank.sqlite');
    try {
      service = await startCoreBanking({ dbFile });
      const headers = { 'idempotency-key': 'sess-3:pin:1' };
      const first = await call('PUT', '/v1/customers/C-1002/pin', { pin: '8520' }, headers);
      await call('POST', '/v1/customers/C-1003/cards/7312/activate', {});
      await service.close();

      service = await startCoreBanking({ dbFile });
      expect(await call('PUT', '/v1/customers/C-1002/pin', { pin: '8520' }, headers)).toEqual(first);
      expect((await call('POST', '/v1/customers/C-1003/cards/7312/activate', {})).body).toMatchObject({
        error: 'alreadyActive',
      });
      await service.close();

      const db = new Database(dbFile, { readonly: true });
      const dump = JSON.stringify([
        db.prepare('SELECT * FROM cards').all(),
        db.prepare('SELECT * FROM idempotent_responses').all(),
      ]);
      db.close();
      expect(dump).not.toContain('8520');
      expect(dump).toContain('scrypt:');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
