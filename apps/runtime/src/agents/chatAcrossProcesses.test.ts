import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonClient, type ApiReply } from '../testing/jsonClient.ts';
import { postgresRuntimeEnv, spawnRuntime, type SpawnedRuntime } from '../testing/spawnRuntime.ts';
import { startTestPostgres, type TestPostgres } from '../testing/startTestPostgres.ts';
import { queueFlow } from '../testing/testFlows.ts';
import { SocketProbe } from './SocketProbe.ts';

// Issue 16, point 7: several runtime processes on one PostgreSQL. A customer on one process chats with an agent on
// another; `kill -9` of a follower and then of the routing process (the leader) during the chat: both sides reconnect
// to a living process, resume from the last message they saw, and no line is lost or shown twice; the next process
// takes over routing and takes up the open hand-overs.
const ADMIN = 'across-processes-admin-token';
const SNAPSHOT_KEY = randomBytes(32).toString('base64');
let server: TestPostgres;
const dirs: string[] = [];
const running: SpawnedRuntime[] = [];

beforeAll(async () => {
  server = await startTestPostgres();
}, 60_000);
afterAll(async () => {
  for (const runtime of running) await runtime.stop('SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  await server?.stop();
});

async function start(): Promise<SpawnedRuntime> {
  const dir = mkdtempSync(join(tmpdir(), 'omniflow-across-'));
  dirs.push(dir);
  const runtime = await spawnRuntime(
    postgresRuntimeEnv({ databaseUrl: server.url, dataDir: dir, adminToken: ADMIN, snapshotKey: SNAPSHOT_KEY }),
  );
  running.push(runtime);
  return runtime;
}

const ws = (runtime: SpawnedRuntime, path: string): string => `${runtime.url.replace('http:', 'ws:')}${path}`;

/** Retries a call while the contact center changes its routing process (503), for at most 15 s. */
async function settled(call: () => Promise<ApiReply>): Promise<ApiReply> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const reply = await call();
    if (reply.status !== 503 || Date.now() > deadline) return reply;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Opens a socket and sends `hello` until `expected` comes back (not an error of a center changing leader). */
async function reconnect(
  url: string,
  hello: Record<string, unknown> | undefined,
  expected: string,
): Promise<{ probe: SocketProbe; reply: Record<string, unknown> }> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const probe = await SocketProbe.open(url);
    if (hello) probe.send(hello);
    const reply = await probe
      .nextWhere((m) => m.type === expected || m.type === 'error', `"${expected}"`, 12_000)
      .catch(() => undefined);
    if (reply?.type === expected) return { probe, reply };
    await probe.close();
    if (Date.now() > deadline) throw new Error(`no "${expected}" in 15 s: ${JSON.stringify(reply)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The ids of the chat lines (not system lines) a socket received as live messages, in arrival order. */
function liveLines(probe: SocketProbe): string[] {
  return probe.received.flatMap((m) => {
    const message = m['message'] as { id: string; sender: string } | undefined;
    return m.type === 'message' && message && message.sender !== 'system' ? [message.id] : [];
  });
}

function snapshotLines(snapshot: Record<string, unknown>, contactId: string): string[] {
  const held = (snapshot['contacts'] as { id: string; messages: { id: string; sender: string }[] }[]).find(
    (c) => c.id === contactId,
  );
  return (held?.messages ?? []).filter((m) => m.sender !== 'system').map((m) => m.id);
}

describe('live chat across runtime processes on PostgreSQL', () => {
  it('chats across processes and survives kill -9 of a follower and of the routing process', async () => {
    const a = await start();
    const b = await start();
    const adminA = jsonClient(a.url, ADMIN);
    expect((await adminA('POST', '/api/flows', { flow: queueFlow('help', 'support') })).status).toBe(201);
    expect((await adminA('POST', '/api/flows/help/publish', {})).status).toBe(201);
    const channel: string = (await adminA('POST', '/api/flows/help/channel-tokens', {})).body.token;
    // Queue and agent are created through the follower: the call is relayed to the routing process.
    const adminB = jsonClient(b.url, ADMIN);
    expect((await adminB('PUT', '/api/queues/support', { name: 'Support', dispositions: ['resolved'] })).status).toBe(
      201,
    );
    const agent = { name: 'Ana', login: 'ana', password: 'ana-password', languages: ['en'], queues: ['support'] };
    expect((await adminB('PUT', '/api/agents/ana', { ...agent, maxChats: 1 })).status).toBe(201);
    const desk: string = (await adminB('POST', '/api/desk/sign-in', { login: 'ana', password: 'ana-password' })).body
      .token;

    // The customer talks to process A, the agent's desk to process B.
    const customer = await SocketProbe.open(ws(a, `/ws/chat?token=${channel}`));
    customer.send({ type: 'start' });
    await customer.next('turn');
    customer.send({ type: 'input', input: { type: 'text', text: 'fees' } });
    const contactId = String((await customer.next('handoff'))['contactId']);
    const deskB = await SocketProbe.open(ws(b, `/ws/desk?token=${desk}`));
    await deskB.next('desk');
    expect((await adminB('PUT', '/api/desk/state', { state: 'available' }, { token: desk })).body.agent.state).toBe(
      'available',
    );
    await deskB.next('offer', { contactId });
    expect((await adminB('POST', `/api/desk/offers/${contactId}/accept`, undefined, { token: desk })).status).toBe(200);
    await customer.next('agentJoined', { contactId });
    // One router decides: the contact rang once, not once per process.
    expect(deskB.received.filter((m) => m.type === 'offer' && m['contactId'] === contactId)).toHaveLength(1);

    customer.send({ type: 'chat', id: 'cust-line-1', text: 'Why the fee?' });
    expect(await customer.next('delivered', { id: 'cust-line-1' })).toMatchObject({ seq: 1 });
    await deskB.nextWhere(
      (m) => m.type === 'message' && JSON.stringify(m).includes('"cust-line-1"'),
      'c1 at the desk on B',
    );
    const a1 = await adminB(
      'POST',
      `/api/desk/contacts/${contactId}/messages`,
      { id: 'agent-line-1', text: 'Checking.' },
      {
        token: desk,
      },
    );
    expect(a1.status).toBe(201);
    expect((await customer.next('message'))['message']).toMatchObject({ id: 'agent-line-1', seq: 2 });

    // A second customer, on B, waits (Ana takes one chat at a time) and hears its place from the router on A.
    const waiting = await SocketProbe.open(ws(b, `/ws/chat?token=${channel}`));
    waiting.send({ type: 'start' });
    await waiting.next('turn');
    waiting.send({ type: 'input', input: { type: 'text', text: 'card' } });
    const waitingId = String((await waiting.next('handoff'))['contactId']);
    expect(await waiting.next('queue', { contactId: waitingId })).toMatchObject({ position: 1 });

    // kill -9 of the follower B: the agent and the waiting customer reconnect to A.
    await b.stop('SIGKILL');
    const deskA = await reconnect(ws(a, `/ws/desk?token=${desk}`), undefined, 'desk');
    expect(snapshotLines(deskA.reply, contactId)).toEqual(['cust-line-1', 'agent-line-1']);
    const waitingA = await reconnect(
      ws(a, `/ws/chat?token=${channel}`),
      { type: 'resumeChat', contactId: waitingId, afterSeq: 0 },
      'chatResumed',
    );
    expect(waitingA.reply).toMatchObject({ status: 'waiting' });
    customer.send({ type: 'chat', id: 'cust-line-2', text: 'Still there?' });
    expect(await customer.next('delivered', { id: 'cust-line-2' })).toMatchObject({ seq: 3 });
    const adminA2 = jsonClient(a.url, ADMIN);
    await adminA2(
      'POST',
      `/api/desk/contacts/${contactId}/messages`,
      { id: 'agent-line-2', text: 'Yes.' },
      { token: desk },
    );
    const a2 = await customer.nextWhere(
      (m) => m.type === 'message' && JSON.stringify(m).includes('"agent-line-2"'),
      'agent-line-2',
    );
    expect(a2['message']).toMatchObject({ id: 'agent-line-2', seq: 4 });
    await deskA.probe.nextWhere((m) => m.type === 'message' && JSON.stringify(m).includes('"agent-line-2"'), 'a2 on A');

    // kill -9 of A, the routing process, where both sides are now: both reconnect to C, which takes over routing.
    const c = await start();
    await a.stop('SIGKILL');
    const killedAt = performance.now();
    const customerC = await reconnect(
      ws(c, `/ws/chat?token=${channel}`),
      { type: 'resumeChat', contactId, afterSeq: 4 },
      'chatResumed',
    );
    const takeoverMs = performance.now() - killedAt;
    expect(customerC.reply).toMatchObject({ status: 'connected', agentName: 'Ana' });
    expect(takeoverMs).toBeLessThan(10_000);
    const deskC = await reconnect(ws(c, `/ws/desk?token=${desk}`), undefined, 'desk');
    expect(snapshotLines(deskC.reply, contactId)).toEqual([
      'cust-line-1',
      'agent-line-1',
      'cust-line-2',
      'agent-line-2',
    ]);
    // The waiting contact was taken up by the new routing process: still waiting, in its place.
    const adminC = jsonClient(c.url, ADMIN);
    const overview = await settled(() => adminC('GET', '/api/desk/supervisor', undefined, { token: ADMIN }));
    expect(overview.body.waiting).toEqual([expect.objectContaining({ contactId: waitingId, queueId: 'support' })]);

    // Both ways again; the customer resends its line (unsure it arrived): stored and shown once.
    customerC.probe.send({ type: 'chat', id: 'cust-line-3', text: 'Hello again' });
    expect(await customerC.probe.next('delivered', { id: 'cust-line-3' })).toMatchObject({ seq: 5 });
    customerC.probe.send({ type: 'chat', id: 'cust-line-3', text: 'Hello again' });
    expect(await customerC.probe.next('delivered', { id: 'cust-line-3' })).toMatchObject({ seq: 5 });
    const a3 = await settled(() =>
      adminC(
        'POST',
        `/api/desk/contacts/${contactId}/messages`,
        { id: 'agent-line-3', text: 'Here.' },
        { token: desk },
      ),
    );
    expect(a3.status).toBe(201);
    await customerC.probe.nextWhere(
      (m) => m.type === 'message' && JSON.stringify(m).includes('"agent-line-3"'),
      'agent-line-3',
    );
    await deskC.probe.nextWhere(
      (m) => m.type === 'message' && JSON.stringify(m).includes('"agent-line-3"'),
      'a3 at the desk',
    );

    // Ana's state survived the routing process: once she wraps up, the taken-up waiting contact rings at her desk.
    expect(
      await settled(() => adminC('POST', `/api/desk/contacts/${contactId}/end`, undefined, { token: desk })),
    ).toMatchObject({ status: 204 });
    const wrapUp = { disposition: 'resolved', notes: 'fee explained' };
    expect((await adminC('POST', `/api/desk/contacts/${contactId}/wrap-up`, wrapUp, { token: desk })).status).toBe(204);
    await deskC.probe.next('offer', { contactId: waitingId });

    // Every line once on each side, in order, across all its connections.
    const all = ['cust-line-1', 'agent-line-1', 'cust-line-2', 'agent-line-2', 'cust-line-3', 'agent-line-3'];
    expect([...liveLines(customer), ...liveLines(customerC.probe)]).toEqual(all);
    expect([...liveLines(deskB)]).toEqual(['cust-line-1', 'agent-line-1']);
    expect([...snapshotLines(deskA.reply, contactId), ...liveLines(deskA.probe)]).toEqual(all.slice(0, 4));
    expect([...snapshotLines(deskC.reply, contactId), ...liveLines(deskC.probe)]).toEqual(all);
    await Promise.all(
      [customer, deskB, waiting, deskA.probe, waitingA.probe, customerC.probe, deskC.probe].map((p) => p.close()),
    );
  }, 180_000);
});
