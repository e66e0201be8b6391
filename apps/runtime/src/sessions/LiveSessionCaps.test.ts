import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pinFlow } from '../testing/testFlows.ts';
import { startTestRuntime, type TestRuntime } from '../testing/startTestRuntime.ts';
import { LiveSessionCaps } from './LiveSessionCaps.ts';

describe('LiveSessionCaps', () => {
  it('frees a slot when a session idles out, and says when in retryAfterSeconds', () => {
    let now = 0;
    const caps = new LiveSessionCaps({ idleMs: 60_000, limits: { perChannelToken: 1, perClient: 0 }, now: () => now });
    caps.admit({ channelTokenId: 't', address: 'a' }, 's1');
    now = 20_000;
    expect(() => caps.admit({ channelTokenId: 't', address: 'b' }, 's2')).toThrow(
      expect.objectContaining({ status: 429, extra: { retryAfterSeconds: 40 } }),
    );
    now = 60_000;
    caps.admit({ channelTokenId: 't', address: 'b' }, 's2');
    expect(caps.size).toBe(1);
  });

  it('restarts the idle time on every turn', () => {
    let now = 0;
    const caps = new LiveSessionCaps({ idleMs: 60_000, limits: { perChannelToken: 1, perClient: 0 }, now: () => now });
    caps.admit({ channelTokenId: 't', address: 'a' }, 's1');
    now = 50_000;
    caps.touch('s1');
    now = 100_000;
    expect(() => caps.admit({ channelTokenId: 't', address: 'a' }, 's2')).toThrow(
      /channel token already holds 1 live sessions/,
    );
  });
});

describe('live-session caps over HTTP (issue 14)', () => {
  let t: TestRuntime;
  let channel: string;
  beforeAll(async () => {
    t = await startTestRuntime({
      OMNIFLOW_MAX_SESSIONS_PER_CLIENT: '2',
      OMNIFLOW_MAX_SESSIONS_PER_TOKEN: '3',
      OMNIFLOW_TRUST_PROXY: 'loopback',
    });
    await t.api('POST', '/api/flows', { flow: pinFlow('capped') });
    await t.api('POST', '/api/flows/capped/publish', {});
    channel = (await t.api('POST', '/api/flows/capped/channel-tokens', {})).body.token;
  });
  afterAll(async () => {
    await t.close();
  });
  const start = (ip: string) =>
    t.api(
      'POST',
      '/api/sessions',
      { flowId: 'capped', channel: 'chat' },
      { token: channel, headers: { 'x-forwarded-for': ip } },
    );

  it('answers 429 with Retry-After past the per-client cap, and admits again once a session ends', async () => {
    const first = await start('198.51.100.1');
    expect((await start('198.51.100.1')).status).toBe(201);
    const refused = await start('198.51.100.1');
    expect(refused.status).toBe(429);
    expect(refused.body.errors[0].code).toBe('TOO_MANY_SESSIONS');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(
      (await t.api('POST', `/api/sessions/${first.body.session.sessionId}/end`, undefined, { token: channel })).status,
    ).toBe(200);
    expect((await start('198.51.100.1')).status).toBe(201);
  });

  it('caps one channel token across client addresses', async () => {
    expect((await start('198.51.100.2')).status).toBe(201);
    const refused = await start('198.51.100.3');
    expect(refused.status).toBe(429);
    expect(refused.body.errors[0].message).toContain('channel token');
  });

  it('does not cap management tokens (designer test runs)', async () => {
    for (let i = 0; i < 4; i += 1)
      expect((await t.api('POST', '/api/sessions', { flowId: 'capped', channel: 'chat' })).status).toBe(201);
  });
});
