import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../testing/startTestRuntime.ts';

// Issue 16, point 1: queues, agents and states through the API, with clear errors for bad input.
let t: TestRuntime;

beforeAll(async () => {
  t = await startTestRuntime();
});
afterAll(async () => {
  await t.close();
});

const queue = { name: 'Support', skills: [{ skill: 'banking', minLevel: 2 }], priority: 5, dispositions: ['resolved'] };
const agent = {
  name: 'Alice',
  login: 'alice',
  password: 'alice-password',
  skills: [{ skill: 'banking', level: 3 }],
  languages: ['en', 'ko'],
  maxChats: 2,
  queues: ['support'],
};

describe('contact center API (issue 16)', () => {
  it('creates, replaces and lists queues', async () => {
    expect((await t.api('PUT', '/api/queues/support', queue)).status).toBe(201);
    const replaced = await t.api('PUT', '/api/queues/support', { ...queue, priority: 7 });
    expect(replaced.status).toBe(200);
    expect(replaced.body.queue).toMatchObject({ id: 'support', priority: 7, offerTimeoutSeconds: 15 });
    const listed = await t.api('GET', '/api/queues');
    expect(listed.body.queues.map((q: { id: string }) => q.id)).toEqual(['support']);
  });

  it('answers bad queues with what to fix and where', async () => {
    const bad = await t.api('PUT', '/api/queues/support', {
      name: 'x',
      priority: 11,
      skills: [{ skill: 'a', minLevel: 9 }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { pointer: string }) => e.pointer).toSorted()).toEqual([
      '/priority',
      '/skills/0/minLevel',
    ]);
    const zone = await t.api('PUT', '/api/queues/late', {
      name: 'Late',
      hours: { timeZone: 'Mars/Olympus', days: [] },
    });
    expect(zone.status).toBe(422);
    expect(zone.body.errors[0]).toMatchObject({ code: 'UNKNOWN_TIME_ZONE', pointer: '/hours/timeZone' });
    const self = await t.api('PUT', '/api/queues/loop', { name: 'Loop', overflow: { kind: 'queue', queueId: 'loop' } });
    expect(self.body.errors[0]).toMatchObject({ code: 'OVERFLOW_TO_ITSELF' });
    expect((await t.api('PUT', '/api/queues/bad%20id', queue)).body.errors[0].code).toBe('BAD_ID');
  });

  it('creates agents, refusing a missing password, unknown queues and a taken login', async () => {
    const { password: _password, ...withoutPassword } = agent;
    expect((await t.api('PUT', '/api/agents/alice', withoutPassword)).body.errors[0]).toMatchObject({
      code: 'PASSWORD_REQUIRED',
      pointer: '/password',
    });
    expect((await t.api('PUT', '/api/agents/alice', { ...agent, queues: ['nope'] })).body.errors[0]).toMatchObject({
      code: 'UNKNOWN_QUEUE',
      pointer: '/queues',
    });
    expect((await t.api('PUT', '/api/agents/alice', agent)).status).toBe(201);
    const taken = await t.api('PUT', '/api/agents/other', { ...agent, name: 'Other' });
    expect(taken.status).toBe(409);
    expect(taken.body.errors[0]).toMatchObject({ code: 'LOGIN_TAKEN', pointer: '/login' });
    // An update without a password keeps it.
    expect((await t.api('PUT', '/api/agents/alice', { ...withoutPassword, maxChats: 3 })).status).toBe(200);
    const listed = await t.api('GET', '/api/agents');
    expect(listed.body.agents[0]).toMatchObject({ id: 'alice', maxChats: 3, state: 'offline' });
    expect(JSON.stringify(listed.body)).not.toContain('scrypt');
  });

  it('signs an agent in and lets them set their state; a wrong password is a 401', async () => {
    const wrong = await t.api('POST', '/api/desk/sign-in', { login: 'alice', password: 'nope-nope' }, { token: null });
    expect(wrong.status).toBe(401);
    const signIn = await t.api(
      'POST',
      '/api/desk/sign-in',
      { login: 'alice', password: agent.password },
      { token: null },
    );
    expect(signIn.status).toBe(200);
    const token: string = signIn.body.token;
    const state = await t.api('PUT', '/api/desk/state', { state: 'break', reason: 'coffee' }, { token });
    expect(state.body.agent).toMatchObject({ state: 'break', reason: 'coffee' });
    expect((await t.api('PUT', '/api/desk/state', { state: 'busy' }, { token })).body.errors[0]).toMatchObject({
      pointer: '/state',
    });
    expect((await t.api('GET', '/api/desk', undefined, { token })).body.agent).toMatchObject({ state: 'break' });
    // An agent token reads no flow, and an admin token takes no contacts.
    expect((await t.api('GET', '/api/flows', undefined, { token })).status).toBe(403);
    expect((await t.api('GET', '/api/desk')).body.errors[0].code).toBe('NOT_AN_AGENT');
    expect((await t.api('GET', '/api/desk/supervisor', undefined, { token })).status).toBe(403);
  });

  it('lets a supervisor manage queues and agents from the desk, but not supervisors nor from an agent desk', async () => {
    const boss = { name: 'Boss', login: 'boss', password: 'boss-password', role: 'supervisor', queues: ['support'] };
    expect((await t.api('PUT', '/api/agents/boss', boss)).status).toBe(201);
    const signIn = await t.api(
      'POST',
      '/api/desk/sign-in',
      { login: 'boss', password: boss.password },
      { token: null },
    );
    const token: string = signIn.body.token;
    const loans = await t.api('PUT', '/api/queues/loans', { name: 'Loans', priority: 3 }, { token });
    expect(loans.status).toBe(201);
    const bob = { name: 'Bob', login: 'bob', password: 'bob-password', queues: ['loans'], maxChats: 2 };
    expect((await t.api('PUT', '/api/agents/bob', bob, { token })).status).toBe(201);
    // Raising an agent to supervisor, or touching a supervisor, takes an administrator.
    const raise = await t.api('PUT', '/api/agents/bob', { ...bob, role: 'supervisor' }, { token });
    expect(raise.status).toBe(403);
    expect(raise.body.errors[0]).toMatchObject({ code: 'ADMIN_ONLY', pointer: '/role' });
    expect((await t.api('DELETE', '/api/agents/boss', undefined, { token })).status).toBe(403);
    const bobToken: string = (
      await t.api('POST', '/api/desk/sign-in', { login: 'bob', password: bob.password }, { token: null })
    ).body.token;
    expect((await t.api('PUT', '/api/queues/loans', { name: 'Mine' }, { token: bobToken })).status).toBe(403);
    expect((await t.api('DELETE', '/api/agents/bob', undefined, { token })).status).toBe(204);
    expect((await t.api('DELETE', '/api/queues/loans', undefined, { token })).status).toBe(204);
    expect((await t.api('DELETE', '/api/agents/boss')).status).toBe(204);
  });

  it('refuses deleting a queue in use by nothing but an unknown id, and deletes agents and queues', async () => {
    expect((await t.api('DELETE', '/api/queues/nope')).status).toBe(404);
    expect((await t.api('DELETE', '/api/agents/alice')).status).toBe(204);
    expect((await t.api('DELETE', '/api/queues/support')).status).toBe(204);
    expect((await t.api('GET', '/api/queues')).body.queues).toEqual([]);
  });
});
