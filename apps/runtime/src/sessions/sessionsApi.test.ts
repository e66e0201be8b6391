import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pinFlow } from '../testing/testFlows.ts';
import { startTestRuntime, type TestRuntime } from '../testing/startTestRuntime.ts';

const PIN = '7391';
let t: TestRuntime;
const replies: string[] = [];

async function call(method: string, path: string, body?: unknown, token?: string | null) {
  const reply = await t.api(method, path, body, token === undefined ? {} : { token });
  replies.push(reply.text);
  return reply;
}

const sayTexts = (outputs: { type: string; text?: string }[]): string =>
  outputs
    .filter((o) => o.type === 'say')
    .map((o) => o.text)
    .join(' ');

beforeAll(async () => {
  t = await startTestRuntime();
  await t.api('POST', '/api/flows', { flow: pinFlow('pin') });
  await t.api('POST', '/api/flows/pin/publish', { note: 'v1' });
});
afterAll(async () => {
  await t.close();
});

describe('sessions API', () => {
  it('runs a chat conversation to its end and refuses input after it ended', async () => {
    const started = await call('POST', '/api/sessions', { flowId: 'pin', channel: 'chat', locale: 'en-US' });
    expect(started.status).toBe(201);
    const session = started.body.session;
    expect(session).toMatchObject({ flowId: 'pin', version: 1, status: 'active', nodeId: 'main' });
    const prompt = session.outputs.find((o: { type: string }) => o.type === 'prompt');
    expect(prompt.expect.choices.map((c: { label: string }) => c.label)).toEqual(['Balance', 'Agent']);

    const menu = await call('POST', `/api/sessions/${session.sessionId}/input`, {
      input: { type: 'text', text: 'balance' },
    });
    expect(menu.body.session.nodeId).toBe('askPin');
    const pin = await call('POST', `/api/sessions/${session.sessionId}/input`, { input: { type: 'text', text: PIN } });
    expect(pin.body.session.status).toBe('ended');
    expect(sayTexts(pin.body.session.outputs)).toMatch(/Goodbye/);

    const after = await call('POST', `/api/sessions/${session.sessionId}/input`, {
      input: { type: 'text', text: '1' },
    });
    expect(after.status).toBe(409);
    expect(after.body.errors[0].code).toBe('SESSION_ENDED');

    const transcript = await call('GET', `/api/sessions/${session.sessionId}/transcript`);
    expect(transcript.body.transcript.length).toBeGreaterThanOrEqual(4);
    expect(transcript.body.transcript.some((e: { from: string }) => e.from === 'caller')).toBe(true);
    const record = await call('GET', `/api/sessions/${session.sessionId}`);
    expect(record.body.session).toMatchObject({ status: 'ended', turn: 2, version: 1 });
    expect(record.body.session.snapshot).toBeUndefined();
  });

  it('never shows a sensitive value in clear in replies, transcripts or logs', async () => {
    const started = await call('POST', '/api/sessions', { flowId: 'pin', channel: 'dtmf' });
    const id = started.body.session.sessionId;
    await call('POST', `/api/sessions/${id}/input`, { input: { type: 'dtmf', digits: '1' } });
    const entered = await call('POST', `/api/sessions/${id}/input`, { input: { type: 'dtmf', digits: PIN } });
    expect(entered.status).toBe(200);
    expect(entered.body.session.variables.pin).not.toBe(PIN);
    await call('GET', `/api/sessions/${id}/transcript`);
    // The PIN as a number of its own: log lines carry epoch-millisecond times, which may contain its digits.
    const pinAlone = new RegExp(`(?<![0-9])${PIN}(?![0-9])`);
    expect(replies.join('\n')).not.toMatch(pinAlone);
    expect(t.logs.some((line) => line.includes(id))).toBe(true);
    expect(t.logs.join('\n')).not.toMatch(pinAlone);
  });

  it('keeps a running session on the version it started on after a new publish', async () => {
    await t.api('POST', '/api/flows', { flow: pinFlow('versioned') });
    await t.api('POST', '/api/flows/versioned/publish', {});
    const old = (await call('POST', '/api/sessions', { flowId: 'versioned', channel: 'chat' })).body.session;
    const v2 = pinFlow('versioned');
    const nodes = v2['nodes'] as { id: string; config: Record<string, unknown> }[];
    const bye = nodes.find((n) => n.id === 'bye');
    if (bye) bye.config['prompt'] = { text: { 'en-US': 'Farewell from version two.', 'zh-CN': '再见二。' } };
    await t.api('PUT', '/api/flows/versioned', { flow: v2, revision: 1 });
    expect((await t.api('POST', '/api/flows/versioned/publish', {})).body.version.version).toBe(2);

    await call('POST', `/api/sessions/${old.sessionId}/input`, { input: { type: 'text', text: '1' } });
    const oldEnd = await call('POST', `/api/sessions/${old.sessionId}/input`, {
      input: { type: 'text', text: '1234' },
    });
    expect(oldEnd.body.session.version).toBe(1);
    expect(sayTexts(oldEnd.body.session.outputs)).toMatch(/Goodbye/);

    const fresh = (await call('POST', '/api/sessions', { flowId: 'versioned', channel: 'chat' })).body.session;
    expect(fresh.version).toBe(2);
    await call('POST', `/api/sessions/${fresh.sessionId}/input`, { input: { type: 'text', text: '1' } });
    const newEnd = await call('POST', `/api/sessions/${fresh.sessionId}/input`, {
      input: { type: 'text', text: '1234' },
    });
    expect(sayTexts(newEnd.body.session.outputs)).toMatch(/version two/);
  });

  it('lets a channel token drive only its own flow and hides variables from it', async () => {
    await t.api('POST', '/api/flows', { flow: pinFlow('other') });
    await t.api('POST', '/api/flows/other/publish', {});
    const token = (await t.api('POST', '/api/flows/pin/channel-tokens', {})).body.token as string;
    const started = await call('POST', '/api/sessions', { flowId: 'pin', channel: 'chat' }, token);
    expect(started.status).toBe(201);
    expect(started.body.session.variables).toBeUndefined();
    expect((await call('POST', '/api/sessions', { flowId: 'other', channel: 'chat' }, token)).status).toBe(403);
    const otherSession = (await call('POST', '/api/sessions', { flowId: 'other', channel: 'chat' })).body.session;
    expect(
      (
        await call(
          'POST',
          `/api/sessions/${otherSession.sessionId}/input`,
          { input: { type: 'text', text: '1' } },
          token,
        )
      ).status,
    ).toBe(404);
    expect(
      (await call('GET', `/api/sessions/${started.body.session.sessionId}/transcript`, undefined, token)).status,
    ).toBe(403);
    expect((await call('POST', '/api/sessions', { flowId: 'pin', channel: 'chat', draft: true }, token)).status).toBe(
      403,
    );
  });

  it('answers bad session requests with clear 4xx errors and keeps other sessions going', async () => {
    const live = (await call('POST', '/api/sessions', { flowId: 'pin', channel: 'chat' })).body.session;
    expect((await call('POST', '/api/sessions/unknown-id/input', { input: { type: 'text', text: 'x' } })).status).toBe(
      404,
    );
    const badInput = await call('POST', `/api/sessions/${live.sessionId}/input`, {
      input: { type: 'dtmf', digits: 'abc' },
    });
    expect(badInput.status).toBe(400);
    expect(badInput.body.errors[0].pointer).toBe('/input/digits');
    expect((await call('POST', '/api/sessions', { flowId: 'pin', channel: 'fax' })).body.errors[0].pointer).toBe(
      '/channel',
    );
    expect((await call('POST', '/api/sessions', { flowId: 'nope', channel: 'chat' })).status).toBe(404);
    await t.api('POST', '/api/flows', { flow: pinFlow('unpublished') });
    expect((await call('POST', '/api/sessions', { flowId: 'unpublished', channel: 'chat' })).body.errors[0].code).toBe(
      'NOT_PUBLISHED',
    );
    const ok = await call('POST', `/api/sessions/${live.sessionId}/input`, { input: { type: 'text', text: '2' } });
    expect(ok.body.session.outputs.some((o: { type: string }) => o.type === 'transfer')).toBe(true);
  });

  it('guards the chat turn route like every API route: token, JSON, schema, security headers', async () => {
    const live = (await call('POST', '/api/sessions', { flowId: 'pin', channel: 'chat' })).body.session;
    const path = `/api/sessions/${live.sessionId}/input`;
    const anonymous = await call('POST', path, { input: { type: 'text', text: '1' } }, null);
    expect(anonymous.status).toBe(401);
    expect((await call('POST', path, { input: { type: 'text', text: '1' } }, 'not-a-token')).status).toBe(401);
    const malformed = await t.api('POST', path, undefined, { raw: '{"input":' });
    expect([malformed.status, malformed.body.errors[0].code]).toEqual([400, 'MALFORMED_JSON']);
    const missing = await call('POST', path, {});
    expect([missing.status, missing.body.errors[0].pointer]).toEqual([400, '/input']);
    const ok = await call('POST', path, { input: { type: 'text', text: '1' } });
    expect(ok.status).toBe(200);
    for (const reply of [anonymous, malformed, ok]) {
      expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
      expect(reply.headers.get('strict-transport-security')).toMatch(/max-age=/);
      expect(reply.headers.get('ratelimit-policy')).not.toBeNull();
      expect(reply.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('runs the draft for editors (designer test run) and ends sessions on request', async () => {
    const draft = await call('POST', '/api/sessions', { flowId: 'unpublished', channel: 'voice', draft: true });
    expect(draft.status).toBe(201);
    expect(draft.body.session.version).toBe(0);
    const ended = await call('POST', `/api/sessions/${draft.body.session.sessionId}/end`);
    expect(ended.body.session.status).toBe('ended');
    expect((await call('POST', `/api/sessions/${draft.body.session.sessionId}/end`)).status).toBe(409);
  });

  it('runs the new flow after a flow is deleted and re-created with the same id', async () => {
    await t.api('POST', '/api/flows', { flow: pinFlow('reused') });
    await t.api('POST', '/api/flows/reused/publish', {});
    expect((await call('POST', '/api/sessions', { flowId: 'reused', channel: 'chat' })).status).toBe(201);
    expect((await t.api('DELETE', '/api/flows/reused')).status).toBe(204);
    const renamed = pinFlow('reused');
    const main = (renamed['nodes'] as { id: string; config: Record<string, unknown> }[]).find((n) => n.id === 'main');
    if (main) main.config['prompt'] = { text: { 'en-US': 'A brand new menu.', 'zh-CN': '新菜单。' } };
    await t.api('POST', '/api/flows', { flow: renamed });
    await t.api('POST', '/api/flows/reused/publish', {});
    const fresh = await call('POST', '/api/sessions', { flowId: 'reused', channel: 'chat' });
    expect(fresh.body.session.version).toBe(1);
    expect(sayTexts(fresh.body.session.outputs)).toMatch(/brand new menu/);
  });

  it('counts turns and reports active sessions and latency in /metrics', async () => {
    const metrics = (await t.api('GET', '/metrics', undefined, { token: null })).text;
    expect(metrics).toMatch(/omniflow_turns_total\{channel="chat"\} [1-9]/);
    expect(metrics).toMatch(/omniflow_active_sessions [1-9]/);
    expect(metrics).toContain('omniflow_turn_duration_seconds_bucket');
  });
});

describe('chat turn rate limit', () => {
  it('counts chat turns against the client limit and answers 429 past it', async () => {
    const limited = await startTestRuntime({ OMNIFLOW_RATE_LIMIT_MAX: '6' });
    try {
      await limited.api('POST', '/api/flows', { flow: pinFlow('pin') });
      await limited.api('POST', '/api/flows/pin/publish', { note: 'v1' });
      const { sessionId } = (await limited.api('POST', '/api/sessions', { flowId: 'pin', channel: 'chat' })).body
        .session;
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++)
        statuses.push(
          (await limited.api('POST', `/api/sessions/${sessionId}/input`, { input: { type: 'text', text: 'x' } }))
            .status,
        );
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect(
        (await limited.api('POST', `/api/sessions/${sessionId}/input`, { input: { type: 'text', text: 'x' } })).body
          .errors[0].code,
      ).toBe('RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });
});
