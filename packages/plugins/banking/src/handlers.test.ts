import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCoreBanking, type CoreBankingService } from '@omniflow/core-banking';
import type { HandlerArgs, HandlerResult } from '@omniflow/flow-engine';
import { bankingDefinitions } from './definitions.ts';
import {
  activateCard,
  bankingPack,
  getBalance,
  recentTransactions,
  reportLostCard,
  setPin,
  verifyCustomer,
} from './handlers.ts';

let bank: CoreBankingService;
let logLines: string[];

beforeEach(async () => {
  logLines = [];
  bank = await startCoreBanking({ now: () => new Date('2026-11-20T10:00:00Z') });
});
afterEach(async () => {
  await bank.close();
});

function argsFor<C>(
  config: C,
  variables: Record<string, unknown>,
  options: { key?: string; secrets?: Record<string, string>; locale?: string; signal?: AbortSignal } = {},
): HandlerArgs<C> {
  const secrets = options.secrets ?? { CORE_BANKING_URL: bank.url, CORE_BANKING_API_KEY: bank.apiKey };
  return {
    config,
    variables,
    args: {},
    secret: (name) => secrets[name],
    signal: options.signal ?? new AbortController().signal,
    logger: { info: write, warn: write, error: write },
    idempotencyKey: options.key ?? `s-${Math.random()}:node:1`,
    session: { id: 's', channel: 'dtmf', locale: options.locale ?? 'en-US' },
  };
}

function write(fields: Record<string, unknown>, message: string): void {
  logLines.push(`${message} ${JSON.stringify(fields)}`);
}

const verifyConfig = {
  cardLastFourVariable: 'last4',
  dateOfBirthVariable: 'dob',
  customerIdVariable: 'customerId',
  customerNameVariable: 'customerName',
};

describe('banking pack', () => {
  it('attaches a handler to each of its six node types, all in the banking pack', () => {
    expect(bankingPack.definitions.map((d) => d.spec.type)).toEqual(bankingDefinitions.map((s) => s.type));
    expect(bankingPack.definitions.every((d) => typeof d.handler === 'function' && d.spec.pack === 'banking')).toBe(
      true,
    );
  });

  it('verifies a known caller and sets id and name; a wrong date takes notVerified', async () => {
    expect(await verifyCustomer(argsFor(verifyConfig, { last4: '4821', dob: '1985-03-14' }))).toEqual({
      port: 'success',
      variables: { customerId: 'C-1001', customerName: 'Alice Chen' },
      // Issue 15: a successful verification tells the engine who the contact is (contact.customerId).
      contact: { customerId: 'C-1001' },
    });
    expect((await verifyCustomer(argsFor(verifyConfig, { last4: '4821', dob: '1985-03-13' }))).port).toBe(
      'notVerified',
    );
  });

  it('reads balance with currency and summarizes recent transactions in the session locale', async () => {
    expect(
      await getBalance(
        argsFor(
          { customerIdVariable: 'id', balanceVariable: 'b', currencyVariable: 'c', balanceTextVariable: 't' },
          { id: 'C-1001' },
        ),
      ),
    ).toEqual({ port: 'success', variables: { b: 2450.75, c: 'USD', t: '$2,450.75' } });
    const yuan = await getBalance(
      argsFor(
        { customerIdVariable: 'id', balanceVariable: 'b', balanceTextVariable: 't' },
        { id: 'C-1002' },
        { locale: 'zh-CN' },
      ),
    );
    expect(yuan.variables?.t).toBe('¥18,200.00');
    const summary = await recentTransactions(
      argsFor({ customerIdVariable: 'id', count: 2, summaryVariable: 's' }, { id: 'C-1001' }),
    );
    expect(summary).toEqual({
      port: 'success',
      variables: { s: '2026-11-20, Grocery Mart, -$84.12; 2026-11-18, Salary, +$3,200.00' },
    });
    const zh = await recentTransactions(
      argsFor({ customerIdVariable: 'id', count: 1, summaryVariable: 's' }, { id: 'C-1002' }, { locale: 'zh-CN' }),
    );
    expect(String(zh.variables?.s)).toContain('超市');
  });

  it('activates a card, answers alreadyActive afterwards, and a repeat with the same key changes nothing', async () => {
    const config = { customerIdVariable: 'id', cardLastFourVariable: 'last4' };
    const vars = { id: 'C-1001', last4: '4821' };
    const first = await activateCard(argsFor(config, vars, { key: 'sess:activate:1' }));
    const replay = await activateCard(argsFor(config, vars, { key: 'sess:activate:1' }));
    expect(first).toEqual({ port: 'success' });
    expect(replay).toEqual(first);
    expect(await activateCard(argsFor(config, vars, { key: 'sess:activate:2' }))).toEqual({ port: 'alreadyActive' });
  });

  it('sets a PIN, clears the PIN variable, rejects trivial PINs with a reason, and never logs the PIN', async () => {
    const config = { customerIdVariable: 'id', pinVariable: 'pin', rejectionVariable: 'why' };
    expect(await setPin(argsFor(config, { id: 'C-1001', pin: '1111' }))).toEqual({
      port: 'rejected',
      variables: { pin: null, why: 'sameDigits' },
    });
    const first = await setPin(argsFor(config, { id: 'C-1001', pin: '2580' }, { key: 'sess:pin:1' }));
    expect(first).toEqual({ port: 'success', variables: { pin: null } });
    expect(await setPin(argsFor(config, { id: 'C-1001', pin: '2580' }, { key: 'sess:pin:1' }))).toEqual(first);
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.join('\n')).not.toMatch(/2580|1111/);
  });

  it('reports a lost card with a replacement date; a repeat with the same key answers the same', async () => {
    const config = { customerIdVariable: 'id', cardLastFourVariable: 'last4', etaVariable: 'eta' };
    const vars = { id: 'C-1004', last4: '3090' };
    const first = await reportLostCard(argsFor(config, vars, { key: 'sess:lost:1' }));
    expect(first).toEqual({ port: 'success', variables: { eta: '2026-11-27' } });
    expect(await reportLostCard(argsFor(config, vars, { key: 'sess:lost:1' }))).toEqual(first);
  });

  it('takes error for an unknown customer and when the secrets are missing, naming them in the log', async () => {
    const config = { customerIdVariable: 'id', balanceVariable: 'b' };
    expect((await getBalance(argsFor(config, { id: 'nobody' }))).port).toBe('error');
    const missing: HandlerResult = await getBalance(argsFor(config, { id: 'C-1001' }, { secrets: {} }));
    expect(missing.port).toBe('error');
    expect(logLines.join('\n')).toContain('CORE_BANKING_URL');
  });

  it('takes error on a wrong API key without logging the key', async () => {
    const result = await getBalance(
      argsFor(
        { customerIdVariable: 'id', balanceVariable: 'b' },
        { id: 'C-1001' },
        {
          secrets: { CORE_BANKING_URL: bank.url, CORE_BANKING_API_KEY: 'wrong-key-123' },
        },
      ),
    );
    expect(result.port).toBe('error');
    expect(logLines.join('\n')).not.toContain('wrong-key-123');
  });

  it('takes timeout when the service does not answer within the node timeout', async () => {
    const { createServer } = await import('node:http');
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address = silent.address();
    const url = typeof address === 'object' && address !== null ? `http://127.0.0.1:${address.port}` : '';
    try {
      const result = await getBalance(
        argsFor(
          { customerIdVariable: 'id', balanceVariable: 'b', timeoutMs: 100 },
          { id: 'C-1001' },
          {
            secrets: { CORE_BANKING_URL: url, CORE_BANKING_API_KEY: 'k' },
          },
        ),
      );
      expect(result.port).toBe('timeout');
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
