import { describe, expect, it } from 'vitest';
import type { NextFunction, Request, Response } from 'express';
import { ApiError } from './ApiError.ts';
import { clientKey, clientRateLimit } from './clientRateLimit.ts';

/** Runs the middleware for a request from `address`; answers the headers set and whether it was refused. */
function hit(limit: ReturnType<typeof clientRateLimit>, address: string): { headers: Record<string, string>; status: number } {
  const headers: Record<string, string> = {};
  const req = { socket: { remoteAddress: address } } as unknown as Request;
  const res = { setHeader: (name: string, value: string) => void (headers[name] = value) } as unknown as Response;
  let status = 0;
  try {
    limit(req, res, (() => void (status = 200)) as NextFunction);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    status = error.status;
  }
  return { headers, status };
}

describe('clientRateLimit', () => {
  it('refuses a client past the limit with 429 until the window ends, other clients unaffected', () => {
    let now = 1_000_000;
    const limit = clientRateLimit({ windowMs: 60_000, max: 2, now: () => now });
    expect([1, 2, 3].map(() => hit(limit, '10.0.0.1').status)).toEqual([200, 200, 429]);
    expect(hit(limit, '10.0.0.2').status).toBe(200);
    const refused = hit(limit, '10.0.0.1');
    expect(refused.headers).toMatchObject({ 'RateLimit-Policy': '2;w=60', RateLimit: 'limit=2, remaining=0, reset=60', 'Retry-After': '60' });
    now += 60_000;
    expect(hit(limit, '10.0.0.1')).toMatchObject({ status: 200, headers: { RateLimit: 'limit=2, remaining=1, reset=60' } });
  });

  it('counts an IPv6 /56 as one client and an IPv4-mapped address as its IPv4', () => {
    expect(clientKey('2001:db8:1:2ff::1')).toBe(clientKey('2001:db8:1:200:abcd::9'));
    expect(clientKey('2001:db8:1:300::1')).not.toBe(clientKey('2001:db8:1:200::1'));
    expect(clientKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(clientKey('fe80::1%eth0')).toBe(clientKey('fe80::2'));
    expect(clientKey('::1')).toBe('0:0:0:0::/56');
  });
});
