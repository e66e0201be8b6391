import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonClient } from '../testing/jsonClient.ts';
import { queueFlow } from '../testing/testFlows.ts';
import { spawnRuntime, type SpawnedRuntime } from '../testing/spawnRuntime.ts';
import { SocketProbe } from './SocketProbe.ts';

// Issue 16, point 7 (one process): `kill -9` of the runtime during a live chat; a new process on the same data takes
// the chat up, both sides reconnect, resume from the last message they saw, and nothing is lost or shown twice.
const ADMIN = 'restart-mid-chat-admin-token';
const SNAPSHOT_KEY = randomBytes(32).toString('base64');
const dir = mkdtempSync(join(tmpdir(), 'omniflow-restart-chat-'));
const running: SpawnedRuntime[] = [];
afterAll(async () => {
  for (const runtime of running) await runtime.stop('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

const flow = queueFlow('help', 'support');

async function start(): Promise<{ url: string; ws: (path: string) => string; runtime: SpawnedRuntime }> {
  const runtime = await spawnRuntime({
    DATA_DIR: dir,
    OMNIFLOW_ADMIN_TOKEN: ADMIN,
    OMNIFLOW_SNAPSHOT_KEY: SNAPSHOT_KEY,
    OMNIFLOW_PLUGINS: '',
  });
  running.push(runtime);
  return { url: runtime.url, ws: (path) => `${runtime.url.replace('http:', 'ws:')}${path}`, runtime };
}

/** The ids of the chat lines a socket received for a contact, in arrival order. */
function lineIds(probe: SocketProbe, contactId: string): string[] {
  return probe.received.flatMap((m) => {
    const message = m['message'] as { id: string; contactId: string; sender: string } | undefined;
    return m.type === 'message' && message?.contactId === contactId && message.sender !== 'system' ? [message.id] : [];
  });
}

describe('kill -9 during a live chat (SQLite, one process at a time)', () => {
  it('takes the chat up in the next process; both sides resume without loss or doubles', async () => {
    const a = await start();
    const api = jsonClient(a.url, ADMIN);
    expect((await api('POST', '/api/flows', { flow })).status).toBe(201);
    expect((await api('POST', '/api/flows/help/publish', {})).status).toBe(201);
    const channel: string = (await api('POST', '/api/flows/help/channel-tokens', {})).body.token;
    await api('PUT', '/api/queues/support', { name: 'Support', dispositions: ['resolved'] });
    await api('PUT', '/api/agents/ana', {
      name: 'Ana',
      login: 'ana',
      password: 'ana-password',
      languages: ['en'],
      queues: ['support'],
    });
    const desk: string = (await api('POST', '/api/desk/sign-in', { login: 'ana', password: 'ana-password' })).body
      .token;

    const customer = await SocketProbe.open(a.ws(`/ws/chat?token=${channel}`));
    customer.send({ type: 'start' });
    await customer.next('turn');
    customer.send({ type: 'input', input: { type: 'text', text: 'fees' } });
    const contactId = String((await customer.next('handoff'))['contactId']);
    const agentSocket = await SocketProbe.open(a.ws(`/ws/desk?token=${desk}`));
    await agentSocket.next('desk');
    await api('PUT', '/api/desk/state', { state: 'available' }, { token: desk });
    await agentSocket.next('offer', { contactId });
    expect((await api('POST', `/api/desk/offers/${contactId}/accept`, undefined, { token: desk })).status).toBe(200);
    customer.send({ type: 'chat', id: 'cust-line-1', text: 'Why the fee?' });
    expect(await customer.next('delivered', { id: 'cust-line-1' })).toMatchObject({ seq: 1 });
    await api(
      'POST',
      `/api/desk/contacts/${contactId}/messages`,
      { id: 'agent-line-1', text: 'Checking.' },
      { token: desk },
    );
    expect((await customer.next('message'))['message']).toMatchObject({ id: 'agent-line-1', seq: 2 });

    // The process dies mid-chat; a new one starts on the same data.
    await a.runtime.stop('SIGKILL');
    const b = await start();
    const bApi = jsonClient(b.url, ADMIN);

    const customerAgain = await SocketProbe.open(b.ws(`/ws/chat?token=${channel}`));
    customerAgain.send({ type: 'resumeChat', contactId, afterSeq: 2 });
    expect(await customerAgain.next('chatResumed')).toMatchObject({ status: 'connected', agentName: 'Ana' });
    const deskAgain = await SocketProbe.open(b.ws(`/ws/desk?token=${desk}`));
    const snapshot = await deskAgain.next('desk');
    const held = (snapshot['contacts'] as { id: string; messages: { id: string }[] }[]).find((c) => c.id === contactId);
    expect(held?.messages.map((m) => m.id)).toEqual(['cust-line-1', 'agent-line-1']);

    // Both ways again; the customer resends its line (unsure it arrived): stored and shown once.
    customerAgain.send({ type: 'chat', id: 'cust-line-2', text: 'Still there?' });
    expect(await customerAgain.next('delivered', { id: 'cust-line-2' })).toMatchObject({ seq: 3 });
    customerAgain.send({ type: 'chat', id: 'cust-line-2', text: 'Still there?' });
    expect(await customerAgain.next('delivered', { id: 'cust-line-2' })).toMatchObject({ seq: 3 });
    await bApi(
      'POST',
      `/api/desk/contacts/${contactId}/messages`,
      { id: 'agent-line-2', text: 'Yes.' },
      { token: desk },
    );
    expect((await customerAgain.next('message'))['message']).toMatchObject({ id: 'agent-line-2', seq: 4 });
    await deskAgain.nextWhere(
      (m) => m.type === 'message' && JSON.stringify(m).includes('"agent-line-2"'),
      'the agent line at the desk',
    );

    expect(lineIds(deskAgain, contactId)).toEqual(['cust-line-2', 'agent-line-2']);
    // The customer's page shows every line of the chat (its own included) once, across both connections.
    expect([...lineIds(customer, contactId), ...lineIds(customerAgain, contactId)]).toEqual([
      'cust-line-1',
      'agent-line-1',
      'cust-line-2',
      'agent-line-2',
    ]);
    await Promise.all([customer, agentSocket, customerAgain, deskAgain].map((probe) => probe.close()));
  }, 90_000);
});
