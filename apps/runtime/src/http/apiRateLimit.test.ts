import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type ErrorRequestHandler } from 'express';
import type { LoggerFn } from 'express-rate-limit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, errorBody } from './ApiError.ts';
import { apiRateLimit, type ApiRateLimitOptions } from './apiRateLimit.ts';

/**
 * An app behind the limiter that answers 200, with the peer address taken from an `x-test-peer` header: loopback
 * tests cannot connect from several IPv6 lines, so the header stands in for the TCP peer the runtime keys on.
 */
async function limitedApp(options: ApiRateLimitOptions): Promise<{
  hit(
    peer: string,
    headers?: Record<string, string>,
  ): Promise<{ status: number; headers: Record<string, unknown>; body: unknown }>;
  close(): void;
}> {
  const app = express();
  app.use((req, _res, next) => {
    Object.defineProperty(req, 'ip', { value: req.headers['x-test-peer'] });
    next();
  });
  app.use(apiRateLimit(options));
  app.get('/', (_req, res) => void res.json({ ok: true }));
  const toApiError: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
    if (!(error instanceof ApiError)) throw error;
    res.status(error.status).json(errorBody(error));
  };
  app.use(toApiError);
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  const hit = (peer: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; headers: Record<string, unknown>; body: unknown }>((resolve, reject) => {
      request({ host: '127.0.0.1', port, path: '/', headers: { ...headers, 'x-test-peer': peer } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(text) }));
      })
        .once('error', reject)
        .end();
    });
  return { hit, close: () => void server.close() };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('apiRateLimit', () => {
  it('refuses a client past the limit with 429 in the API error format until its window ends, other clients unaffected', async () => {
    // Only the clock is faked: the limiter's windows follow Date, the sockets keep their real timers.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(1_000_000);
    const app = await limitedApp({ windowMs: 60_000, max: 2 });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await app.hit('10.0.0.1')).status);
      expect(statuses).toEqual([200, 200, 429]);
      expect((await app.hit('10.0.0.2')).status).toBe(200);
      const refused = await app.hit('10.0.0.1');
      expect(refused.headers).toMatchObject({
        'ratelimit-policy': '2;w=60',
        ratelimit: 'limit=2, remaining=0, reset=60',
        'retry-after': '60',
      });
      expect(refused.body).toEqual({
        errors: [{ code: 'RATE_LIMITED', message: expect.stringMatching(/at most 2 per 60 s/), pointer: '' }],
      });
      vi.setSystemTime(1_000_000 + 60_000);
      expect(await app.hit('10.0.0.1')).toMatchObject({
        status: 200,
        headers: { ratelimit: 'limit=2, remaining=1, reset=60' },
      });
    } finally {
      app.close();
    }
  });

  it('counts an IPv6 /56 as one client and an IPv4-mapped address as its IPv4', async () => {
    const app = await limitedApp({ windowMs: 60_000, max: 1 });
    try {
      expect((await app.hit('2001:db8:1:2ff::1')).status).toBe(200);
      expect((await app.hit('2001:db8:1:200:abcd::9')).status).toBe(429);
      expect((await app.hit('2001:db8:1:300::1')).status).toBe(200);
      expect((await app.hit('192.0.2.7')).status).toBe(200);
      expect((await app.hit('::ffff:192.0.2.7')).status).toBe(429);
    } finally {
      app.close();
    }
  });

  it('reports a misconfiguration it detects to the runtime logger, not the console (logs stay JSON lines)', async () => {
    const logger = { error: vi.fn<LoggerFn>(), warn: vi.fn<LoggerFn>() };
    const app = await limitedApp({ windowMs: 60_000, max: 5, logger });
    try {
      // The runtime trusts no proxy, so a forwarded-for header means a proxy it was not configured for.
      expect((await app.hit('10.0.0.1', { 'x-forwarded-for': '203.0.113.9' })).status).toBe(200);
      expect(logger.error).toHaveBeenCalledWith(
        expect.objectContaining({ code: 'ERR_ERL_UNEXPECTED_X_FORWARDED_FOR' }),
      );
    } finally {
      app.close();
    }
  });
});
