import { statusWithHost } from '../testing/statusWithHost.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../testing/startTestRuntime.ts';

let t: TestRuntime;
beforeAll(async () => {
  t = await startTestRuntime();
});
afterAll(async () => {
  await t.close();
});

describe('local sign-in (issue 14)', () => {
  it.each([
    ['x-forwarded-for', '203.0.113.9'],
    ['forwarded', 'for=203.0.113.9'],
    ['x-real-ip', '203.0.113.9'],
    ['via', '1.1 proxy'],
  ])('answers 404 when a proxy header %s is present', async (name, value) => {
    const reply = await t.api('GET', '/api/auth/local', undefined, { token: null, headers: { [name]: value } });
    expect(reply.status).toBe(404);
    expect(reply.body.token).toBeUndefined();
  });

  it('answers 404 for a non-loopback Host', async () => {
    expect(await statusWithHost(`${t.url}/api/auth/local`, 'omniflow.example.com')).toBe(404);
  });

  it('reuses one token instead of creating a row per call', async () => {
    const first = await t.api('GET', '/api/auth/local', undefined, { token: null });
    const second = await t.api('GET', '/api/auth/local', undefined, { token: null });
    expect(first.status).toBe(200);
    expect(second.body.token).toBe(first.body.token);
    const rows = (await t.api('GET', '/api/tokens')).body.tokens.filter(
      (r: { label: string }) => r.label === 'local designer',
    );
    expect(rows).toHaveLength(1);
  });

  it('is not served when the runtime listens on a non-loopback address', async () => {
    const open = await startTestRuntime({ HOST: '0.0.0.0' });
    try {
      const reply = await fetch(`http://127.0.0.1:${open.runtime.port}/api/auth/local`);
      expect(reply.status).toBe(404);
    } finally {
      await open.close();
    }
  });
});

describe('OMNIFLOW_TRUST_PROXY', () => {
  it('limits each client behind a trusted proxy by its forwarded address', async () => {
    const behind = await startTestRuntime({ OMNIFLOW_TRUST_PROXY: 'loopback', OMNIFLOW_RATE_LIMIT_MAX: '2' });
    try {
      const from = (ip: string) =>
        behind.api('GET', '/api/openapi.json', undefined, { headers: { 'x-forwarded-for': ip } });
      expect((await from('203.0.113.1')).status).toBe(200);
      expect((await from('203.0.113.1')).status).toBe(200);
      expect((await from('203.0.113.1')).status).toBe(429);
      expect((await from('203.0.113.2')).status).toBe(200);
    } finally {
      await behind.close();
    }
  });

  it('ignores forwarded addresses when no proxy is trusted', async () => {
    const direct = await startTestRuntime({ OMNIFLOW_RATE_LIMIT_MAX: '2' });
    try {
      const from = (ip: string) =>
        direct.api('GET', '/api/openapi.json', undefined, { headers: { 'x-forwarded-for': ip } });
      await from('203.0.113.1');
      await from('203.0.113.2');
      expect((await from('203.0.113.3')).status).toBe(429);
    } finally {
      await direct.close();
    }
  });
});
