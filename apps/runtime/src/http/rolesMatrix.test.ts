import type { Express } from 'express';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleAtLeast } from '../auth/TokenService.ts';
import type { Role } from '../store/FlowStore.ts';
import { pinFlow } from '../testing/testFlows.ts';
import { startTestRuntime, TEST_ADMIN_TOKEN, type TestRuntime } from '../testing/startTestRuntime.ts';
import { listRoutes } from './listRoutes.ts';
import { ROUTES, type Route } from './openApiDocument.ts';

// Issue 14: every endpoint against every kind of caller, generated from the route table (ROUTES); a route the app
// serves without an entry there fails the first test.
type Caller = 'anonymous' | 'channel' | Role;
const CALLERS: Caller[] = ['anonymous', 'channel', 'agent', 'supervisor', 'viewer', 'editor', 'publisher', 'admin'];

let t: TestRuntime;
let app: Express | undefined;
const tokens = new Map<Caller, string | null>();

beforeAll(async () => {
  t = await startTestRuntime({}, {}, { extensions: [(built) => void (app = built)] });
  await t.api('POST', '/api/flows', { flow: pinFlow('matrix') });
  await t.api('POST', '/api/flows/matrix/publish', {});
  tokens.set('anonymous', null).set('admin', TEST_ADMIN_TOKEN);
  tokens.set('channel', (await t.api('POST', '/api/flows/matrix/channel-tokens', {})).body.token);
  for (const role of ['viewer', 'editor', 'publisher'] as const)
    tokens.set(role, (await t.api('POST', '/api/tokens', { role })).body.token);
  // Desk roles (issue 16): agents sign in with a login and password; their tokens come from the sign-in.
  await t.api('PUT', '/api/queues/matrix', { name: 'Matrix' });
  for (const role of ['agent', 'supervisor'] as const) {
    const login = { login: `${role}-login`, password: `${role}-password` };
    await t.api('PUT', `/api/agents/${role}`, { name: role, role, queues: ['matrix'], ...login });
    tokens.set(role, (await t.api('POST', '/api/desk/sign-in', login, { token: null })).body.token);
  }
});
afterAll(async () => {
  await t.close();
});

describe('roles matrix (issue 14)', () => {
  it('has a route-table entry for every route the app serves, and a route for every entry', () => {
    if (!app) throw new Error('the capturing extension did not run');
    const served = new Set(listRoutes(app).map((r) => `${r.method.toUpperCase()} ${r.path}`));
    const table = new Set(ROUTES.map((r) => `${r.method.toUpperCase()} ${r.path}`));
    expect(
      [...served].filter((r) => !table.has(r)),
      'routes without an entry in ROUTES (openApiDocument.ts)',
    ).toEqual([]);
    expect(
      [...table].filter((r) => !served.has(r)),
      'ROUTES entries the app does not serve',
    ).toEqual([]);
  });

  for (const route of ROUTES) {
    it(`${route.method.toUpperCase()} ${route.path} (${route.auth})`, async () => {
      const actual: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const caller of CALLERS) {
        const reply = await t.api(route.method.toUpperCase(), concretePath(route), bodyFor(route), {
          token: tokens.get(caller) ?? null,
        });
        actual[caller] = verdict(reply.status);
        expected[caller] = expectedVerdict(route.auth, caller);
      }
      expect(actual).toEqual(expected);
    });
  }
});

describe('WebSocket roles (issue 14)', () => {
  it('lets channel and editor tokens open /ws/chat, and refuses viewers and unknown tokens', async () => {
    const statuses: Record<string, number> = {};
    for (const caller of ['channel', 'editor', 'viewer', 'anonymous'] as const)
      statuses[caller] = await upgradeStatus(`/ws/chat?token=${tokens.get(caller) ?? 'none'}`);
    expect(statuses).toEqual({ channel: 101, editor: 101, viewer: 403, anonymous: 401 });
  });
});

/** The HTTP status of a WebSocket upgrade (101 when it opened). */
function upgradeStatus(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${t.url.replace('http:', 'ws:')}${path}`);
    ws.once('open', () => {
      ws.close();
      resolve(101);
    });
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', reject);
  });
}

type Verdict = 'unauthenticated' | 'forbidden' | 'served' | 'failed';

function verdict(status: number): Verdict {
  if (status >= 500) return 'failed';
  if (status === 401) return 'unauthenticated';
  return status === 403 ? 'forbidden' : 'served';
}

/** Signed routes (Twilio) refuse every unsigned request, whatever token it carries. */
function expectedVerdict(auth: Route['auth'], caller: Caller): Verdict {
  if (auth === 'signature') return 'forbidden';
  if (allowed(auth, caller)) return 'served';
  return caller === 'anonymous' ? 'unauthenticated' : 'forbidden';
}

function allowed(auth: Route['auth'], caller: Caller): boolean {
  if (auth === 'public') return true;
  if (caller === 'anonymous' || auth === 'signature') return false;
  if (auth === 'channel') return caller === 'channel' || roleAtLeast(caller, 'editor');
  return caller !== 'channel' && roleAtLeast(caller, auth);
}

/** Existing ids where a read needs them; unknown ids where a call would destroy the shared fixtures. */
function concretePath(route: Route): string {
  const destructive = route.method === 'delete';
  return route.path
    .replace(
      '{id}',
      route.path.startsWith('/api/sessions') ? 'no-such-session' : destructive ? 'no-such-flow' : 'matrix',
    )
    .replace('{flowId}', 'matrix')
    .replace('{version}', '1')
    .replace('{tokenId}', 'no-such-token')
    .replace('{queueId}', destructive ? 'no-such-queue' : 'matrix')
    .replace('{agentId}', destructive ? 'no-such-agent' : 'agent')
    .replace('{contactId}', 'no-such-contact')
    .replace('{file}', 'chat.js');
}

function bodyFor(route: Route): unknown {
  if (route.body === 'StartSession') return { flowId: 'matrix', channel: 'chat' };
  if (route.body === 'SessionInput') return { input: { type: 'text', text: 'hello' } };
  return route.method === 'post' || route.method === 'put' ? {} : undefined;
}
