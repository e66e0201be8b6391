import { request } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pinFlow } from '../testing/testFlows.ts';
import type { ApiReply } from '../testing/jsonClient.ts';
import { startTestRuntime, TEST_ADMIN_TOKEN, type TestRuntime } from '../testing/startTestRuntime.ts';

let t: TestRuntime;

beforeAll(async () => {
  t = await startTestRuntime({ OMNIFLOW_BODY_LIMIT: '2kb' });
  await t.api('POST', '/api/flows', { flow: pinFlow('turns') });
  await t.api('POST', '/api/flows/turns/publish', {});
});
afterAll(async () => {
  await t.close();
});

/** A raw POST, so that a test controls the framing (chunked or not), the encoding and the content type. */
function rawPost(
  path: string,
  body: Buffer,
  headers: Record<string, string>,
  options: { chunked?: boolean; base?: string } = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: ApiReply['body'] }> {
  const url = new URL(path, options.base ?? t.url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, ...headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    if (options.chunked) {
      // Two writes without a content-length: node sends the body chunked.
      req.write(body.subarray(0, 5));
      req.end(body.subarray(5));
    } else {
      req.setHeader('content-length', body.length);
      req.end(body);
    }
  });
}

const turnBody = (text: string) => Buffer.from(JSON.stringify({ input: { type: 'text', text } }));
const newSession = async (): Promise<string> =>
  (await t.api('POST', '/api/sessions', { flowId: 'turns', channel: 'chat' })).body.session.sessionId;

describe('POST /api/sessions/:id/input (the chat turn)', () => {
  it('answers a plain, a chunked, a gzip and a +json turn with the same reply and headers', async () => {
    const ids = [await newSession(), await newSession(), await newSession(), await newSession()];
    const replies = [
      await rawPost(`/api/sessions/${ids[0]}/input`, turnBody('balance'), { 'content-type': 'application/json' }),
      await rawPost(
        `/api/sessions/${ids[1]}/input`,
        turnBody('balance'),
        { 'content-type': 'application/json' },
        { chunked: true },
      ),
      await rawPost(`/api/sessions/${ids[2]}/input`, gzipSync(turnBody('balance')), {
        'content-type': 'application/json',
        'content-encoding': 'gzip',
      }),
      await rawPost(`/api/sessions/${ids[3]}/input`, turnBody('balance'), {
        'content-type': 'application/vnd.omniflow+json; charset=UTF-8',
      }),
    ];
    for (const [i, reply] of replies.entries()) {
      expect(reply.status).toBe(200);
      expect(reply.body.session).toMatchObject({ sessionId: ids[i], nodeId: 'askPin', status: 'active' });
      expect(Object.keys(reply.body.session).toSorted()).toEqual(
        Object.keys(replies[0]?.body.session ?? {}).toSorted(),
      );
      expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
      expect(reply.headers['ratelimit-policy']).toBeDefined();
      // No generated ETag: no client sends If-None-Match on a turn, and hashing every reply cost ~8 % of a turn.
      expect(reply.headers['etag']).toBeUndefined();
    }
  });

  it('answers bad bodies with the API error format', async () => {
    const id = await newSession();
    const path = `/api/sessions/${id}/input`;
    const notObject = await rawPost(path, Buffer.from('"balance"'), { 'content-type': 'application/json' });
    expect([notObject.status, notObject.body.errors[0].code]).toEqual([400, 'MALFORMED_JSON']);
    const blank = await rawPost(path, Buffer.from(' \n '), { 'content-type': 'application/json' });
    expect([blank.status, blank.body.errors[0].code]).toEqual([400, 'MALFORMED_JSON']);
    const empty = await rawPost(path, Buffer.alloc(0), { 'content-type': 'application/json' });
    expect([empty.status, empty.body.errors[0].pointer]).toEqual([400, '/input']);
    const tooLarge = await rawPost(
      path,
      Buffer.from(JSON.stringify({ input: { type: 'text', text: 'x'.repeat(3000) } })),
      { 'content-type': 'application/json' },
    );
    expect([tooLarge.status, tooLarge.body.errors[0].code]).toEqual([413, 'BODY_TOO_LARGE']);
    const latin1 = await rawPost(path, turnBody('balance'), { 'content-type': 'application/json; charset=latin1' });
    expect([latin1.status, latin1.body.errors[0].code]).toEqual([415, 'UNSUPPORTED_ENCODING']);
    const unknown = await rawPost('/api/sessions/no-such-session/input', turnBody('balance'), {
      'content-type': 'application/json',
    });
    expect([unknown.status, unknown.body.errors[0].code]).toEqual([404, 'NOT_FOUND']);
    // The session took none of those as a turn.
    expect((await rawPost(path, turnBody('balance'), { 'content-type': 'application/json' })).body.session.nodeId).toBe(
      'askPin',
    );
  });

  it('refuses a channel token on the next turn once it is revoked', async () => {
    const issued = (await t.api('POST', '/api/flows/turns/channel-tokens', {})).body as {
      token: string;
      record: { id: string };
    };
    const id = (await t.api('POST', '/api/sessions', { flowId: 'turns', channel: 'chat' }, { token: issued.token }))
      .body.session.sessionId;
    const turn = () =>
      t.api('POST', `/api/sessions/${id}/input`, { input: { type: 'text', text: 'balance' } }, { token: issued.token });
    expect((await turn()).status).toBe(200);
    expect((await t.api('DELETE', `/api/tokens/${issued.record.id}`)).status).toBe(204);
    expect((await turn()).status).toBe(401);
  });
});

describe('chat turn rate limit', () => {
  it('counts chat turns, whatever their framing, against the one client limit of the API', async () => {
    const limited = await startTestRuntime({ OMNIFLOW_RATE_LIMIT_MAX: '6' });
    try {
      // Three requests of the limit go to setting up: create, publish, start.
      await limited.api('POST', '/api/flows', { flow: pinFlow('limited') });
      await limited.api('POST', '/api/flows/limited/publish', {});
      const id = (await limited.api('POST', '/api/sessions', { flowId: 'limited', channel: 'chat' })).body.session
        .sessionId;
      const statuses: number[] = [];
      for (const chunked of [false, true, false, true]) {
        statuses.push(
          (
            await rawPost(
              `/api/sessions/${id}/input`,
              turnBody('x'),
              { 'content-type': 'application/json' },
              { chunked, base: limited.url },
            )
          ).status,
        );
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
    } finally {
      await limited.close();
    }
  });
});
