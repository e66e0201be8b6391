import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pinFlow } from '../testing/testFlows.ts';
import { startTestRuntime, TEST_ADMIN_TOKEN, type TestRuntime } from '../testing/startTestRuntime.ts';
import { hotRouteListener, mountHotRoute, type HotRoute } from './hotRouteListener.ts';

/** Serves a request listener on 127.0.0.1 and resolves with its base URL. */
async function serve(listener: RequestListener, servers: Server[]): Promise<string> {
  const server = createServer(listener).listen(0, '127.0.0.1');
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function closeAll(servers: Server[]): Promise<void[]> {
  return Promise.all(
    servers.map(
      (server) =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    ),
  );
}

/** A small app with one hot route built from `handlers`, served both ways: through the listener and by express alone. */
async function bothWays(handlers: RequestHandler[], servers: Server[]): Promise<{ fast: string; viaExpress: string }> {
  const app: Express = express();
  const route: HotRoute = { method: 'POST', path: '/items/:id/touch', handlers };
  mountHotRoute(app, route);
  app.use((_req, res) => void res.status(404).json({ where: 'fallback' }));
  const onError: ErrorRequestHandler = (error: unknown, _req, res, _next) =>
    void res.status(418).json({ error: error instanceof Error ? error.message : String(error) });
  app.use(onError);
  return {
    fast: await serve(hotRouteListener(app, [route], onError), servers),
    viaExpress: await serve(app, servers),
  };
}

describe('hotRouteListener', () => {
  const servers: Server[] = [];
  afterAll(() => closeAll(servers));

  it('runs the very middleware array that express mounts, and a middleware added to the array runs both ways', async () => {
    const ran: string[] = [];
    const tag =
      (name: string): RequestHandler =>
      (req, _res, next) => {
        // Express's own request prototype is in place: req.get and req.params are express's.
        ran.push(`${name}:${req.get('x-way') ?? ''}:${req.params['id'] ?? ''}`);
        next();
      };
    const answer: RequestHandler = (req, res) => void res.json({ id: req.params['id'], ran: ran.length });
    for (const handlers of [
      [tag('a'), answer],
      [tag('a'), tag('added'), answer],
    ]) {
      ran.length = 0;
      const { fast, viaExpress } = await bothWays(handlers, servers);
      for (const [way, base] of [
        ['fast', fast],
        ['express', viaExpress],
      ] as const) {
        const reply = await fetch(`${base}/items/caf%C3%A9/touch`, { method: 'POST', headers: { 'x-way': way } });
        expect(reply.status).toBe(200);
        expect(await reply.json()).toMatchObject({ id: 'café' });
      }
      const names = handlers.length === 2 ? ['a'] : ['a', 'added'];
      expect(ran).toEqual([...names.map((n) => `${n}:fast:café`), ...names.map((n) => `${n}:express:café`)]);
    }
  });

  it('hands thrown errors, rejected promises and next(error) to the app error handler, as express does', async () => {
    const failures: RequestHandler[] = [
      () => {
        throw new Error('thrown');
      },
      async () => {
        throw new Error('rejected');
      },
      (_req, _res, next) => next(new Error('passed on')),
    ];
    for (const failing of failures) {
      const { fast, viaExpress } = await bothWays([failing, (_req, res) => void res.json({ reached: true })], servers);
      const [a, b] = await Promise.all(
        [fast, viaExpress].map((base) => fetch(`${base}/items/1/touch`, { method: 'POST' })),
      );
      expect([a?.status, await a?.json()]).toEqual([b?.status, await b?.json()]);
      expect(a?.status).toBe(418);
    }
  });

  it('leaves other methods, paths and URLs with a query to express', async () => {
    const { fast } = await bothWays([(_req, res) => void res.json({ hot: true })], servers);
    expect((await fetch(`${fast}/items/1/touch`, { method: 'PUT' })).status).toBe(404);
    expect((await fetch(`${fast}/items/1/other`, { method: 'POST' })).status).toBe(404);
    expect(await (await fetch(`${fast}/items/1/touch?x=1`, { method: 'POST' })).json()).toEqual({ hot: true });
    // Express's matcher: case-insensitive, a trailing slash allowed.
    expect(await (await fetch(`${fast}/ITEMS/1/touch/`, { method: 'POST' })).json()).toEqual({ hot: true });
  });

  it('refuses a route that is not mounted on the app', () => {
    const route: HotRoute = { method: 'POST', path: '/nowhere', handlers: [] };
    expect(() => hotRouteListener(express(), [route], (_e, _q, _r, next) => next())).toThrow(/mountHotRoute/);
  });
});

describe('the chat turn on the fast dispatch and through the express router', () => {
  let t: TestRuntime;
  let app: Express | undefined;
  let viaExpress = '';
  const servers: Server[] = [];

  beforeAll(async () => {
    t = await startTestRuntime(
      { OMNIFLOW_BODY_LIMIT: '2kb', OMNIFLOW_RATE_LIMIT_MAX: '40' },
      {},
      {
        extensions: [(built) => void (app = built)],
      },
    );
    if (!app) throw new Error('the capturing extension did not run');
    viaExpress = await serve(app, servers);
    await t.api('POST', '/api/flows', { flow: pinFlow('both') });
    await t.api('POST', '/api/flows/both/publish', {});
  });
  afterAll(async () => {
    await closeAll(servers);
    await t.close();
  });

  const newSession = async (): Promise<string> =>
    (await t.api('POST', '/api/sessions', { flowId: 'both', channel: 'chat' })).body.session.sessionId;

  /**
   * One turn request, sent the same to a base URL. Left out of the comparison: what differs by nature (the date, the
   * rate-limit count and seconds to wait, timestamps in the body) and the server's own keep-alive setting.
   */
  async function turn(
    base: string,
    session: string,
    body: string,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; headers: Record<string, string>; body: unknown }> {
    const reply = await fetch(`${base}/api/sessions/${session}/input`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/json', ...headers },
      body,
    });
    const kept: Record<string, string> = {};
    reply.headers.forEach((value, name) => {
      if (['date', 'ratelimit', 'retry-after', 'keep-alive'].includes(name)) kept[name] = 'varies';
      else kept[name] = value;
    });
    const text = await reply.text();
    const normalized = text.replaceAll(session, '<session>').replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, '<time>');
    return { status: reply.status, headers: kept, body: JSON.parse(normalized) };
  }

  it('mounts the hot route on express with the same handler objects the listener runs', () => {
    if (!app) throw new Error('no app');
    const hot = t.runtime.hotRoutes.find((r) => r.path === '/api/sessions/:id/input');
    const stack: unknown = Reflect.get(Reflect.get(app, 'router'), 'stack');
    const layer = Array.isArray(stack) ? stack.find((l) => l.route?.path === hot?.path) : undefined;
    const mounted: unknown[] = layer.route.stack.map((l: { handle: unknown }) => l.handle);
    expect(hot?.handlers.length).toBeGreaterThan(5);
    expect(mounted).toHaveLength(hot?.handlers.length ?? -1);
    mounted.forEach((handle, i) => expect(handle).toBe(hot?.handlers[i]));
  });

  it('answers a turn and every refusal the same way both ways in', async () => {
    const good = JSON.stringify({ input: { type: 'text', text: 'balance' } });
    const cases: { name: string; body: string; headers?: Record<string, string>; session?: string }[] = [
      { name: 'a turn', body: good },
      { name: 'no token', body: good, headers: { authorization: '' } },
      { name: 'unknown token', body: good, headers: { authorization: 'Bearer nope' } },
      { name: 'bad JSON', body: '{"input":' },
      { name: 'too large', body: JSON.stringify({ input: { type: 'text', text: 'x'.repeat(3000) } }) },
      { name: 'schema', body: JSON.stringify({ input: { type: 'shout' } }) },
      { name: 'unknown session', body: good, session: 'no-such-session' },
    ];
    const statuses: Record<string, number> = {};
    for (const c of cases) {
      const [fast, express_] = [await newSession(), await newSession()];
      const a = await turn(t.url, c.session ?? fast, c.body, c.headers);
      const b = await turn(viaExpress, c.session ?? express_, c.body, c.headers);
      expect({ case: c.name, ...a }).toEqual({ case: c.name, ...b });
      statuses[c.name] = a.status;
    }
    expect(statuses).toEqual({
      'a turn': 200,
      'no token': 401,
      'unknown token': 401,
      'bad JSON': 400,
      'too large': 413,
      schema: 400,
      'unknown session': 404,
    });
  });

  it('counts both ways against the one rate limit and refuses alike once it is spent', async () => {
    const session = await newSession();
    const good = JSON.stringify({ input: { type: 'text', text: 'x' } });
    const statuses: number[] = [];
    for (let i = 0; i < 40 && statuses.at(-1) !== 429; i++)
      statuses.push((await turn(i % 2 ? viaExpress : t.url, session, good)).status);
    expect(statuses.at(-1)).toBe(429);
    const [a, b] = [await turn(t.url, session, good), await turn(viaExpress, session, good)];
    expect(a).toEqual(b);
    expect(a.status).toBe(429);
    expect(a.headers['retry-after']).toBeDefined();
  });
});
