import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pinFlow } from '../testing/testFlows.ts';
import { startTestRuntime, type TestRuntime } from '../testing/startTestRuntime.ts';
import { SocketProbe } from './SocketProbe.ts';

// Issue 16, points 2, 3, 4 and 8: bot → queue → agent → live chat both ways → wrap-up, over the real sockets.
const SECRET = '7319';
const CARD = '4111 1111 1111 1111';

const handoverFlow = {
  id: 'handover',
  name: 'Hand-over',
  schemaVersion: 1,
  locales: ['en-US'],
  defaultLocale: 'en-US',
  variables: [
    { name: 'memorable', type: 'string', sensitive: true },
    { name: 'customerId', type: 'string', default: 'C-42' },
  ],
  start: 'ask',
  nodes: [
    {
      id: 'ask',
      type: 'ask',
      config: { prompt: { text: { 'en-US': 'Memorable digits?' } }, variable: 'memorable', slot: { type: 'digits' } },
    },
    {
      id: 'wait',
      type: 'queue',
      config: { queue: 'support', prompt: { text: { 'en-US': 'Please hold.' } }, reason: 'Needs help' },
    },
  ],
  edges: [
    { source: 'ask', port: 'next', target: 'wait' },
    { source: 'ask', port: 'noMatch', target: 'wait' },
    { source: 'ask', port: 'noInput', target: 'wait' },
  ],
};

let t: TestRuntime;
let channelToken: string;
let deskToken: string;
const ws = (path: string): string => `${t.url.replace('http:', 'ws:')}${path}`;

beforeAll(async () => {
  t = await startTestRuntime();
  for (const flow of [handoverFlow, pinFlow('pin-check')]) {
    await t.api('POST', '/api/flows', { flow });
    await t.api('POST', `/api/flows/${flow.id}/publish`, {});
  }
  channelToken = (await t.api('POST', '/api/flows/handover/channel-tokens', {})).body.token;
  await t.api('PUT', '/api/queues/support', { name: 'Support', dispositions: ['resolved'], afterCallWorkSeconds: 60 });
  await t.api('PUT', '/api/queues/other', { name: 'Other' });
  const agent = { name: 'Ana', login: 'ana', password: 'ana-password', languages: ['en'], queues: ['support'] };
  await t.api('PUT', '/api/agents/ana', agent);
  await t.api('PUT', '/api/agents/olga', { ...agent, name: 'Olga', login: 'olga', queues: ['other'] });
  deskToken = (await t.api('POST', '/api/desk/sign-in', { login: 'ana', password: 'ana-password' }, { token: null }))
    .body.token;
});
afterAll(async () => {
  await t.close();
});

async function customerInQueue(): Promise<{ customer: SocketProbe; contactId: string }> {
  const customer = await SocketProbe.open(ws(`/ws/chat?token=${channelToken}`));
  customer.send({ type: 'start' });
  await customer.next('turn');
  customer.send({ type: 'input', input: { type: 'text', text: SECRET } });
  const handoff = await customer.next('handoff');
  return { customer, contactId: String(handoff['contactId']) };
}

/** The text of the next system line (not a chat message) the desk receives. */
async function systemLine(desk: SocketProbe): Promise<string> {
  for (;;) {
    const message = (await desk.next('message'))['message'] as { sender: string; text: string };
    if (message.sender === 'system') return message.text;
  }
}

describe('live chat with an agent (issue 16)', () => {
  it('queues the customer, offers to the agent, and carries the chat both ways with redaction and resume', async () => {
    const { customer, contactId } = await customerInQueue();
    expect(await customer.next('queue')).toMatchObject({ position: 1 });

    const desk = await SocketProbe.open(ws(`/ws/desk?token=${deskToken}`));
    expect(await desk.next('desk')).toMatchObject({ agent: { state: 'offline' }, offers: [] });
    const freedAt = Date.now();
    await t.api('PUT', '/api/desk/state', { state: 'available' }, { token: deskToken });
    const offer = await desk.next('offer', { contactId });
    expect(offer).toMatchObject({ queueId: 'support', reason: 'Needs help', locale: 'en-US' });
    // The router decides inside the request that freed the agent (no polling): the bench reads this stamp.
    expect(Number(offer['offeredAt'])).toBeGreaterThanOrEqual(freedAt);
    expect(Number(offer['offeredAt'])).toBeLessThanOrEqual(Date.now());

    const accepted = await t.api('POST', `/api/desk/offers/${contactId}/accept`, undefined, { token: deskToken });
    expect(accepted.status).toBe(200);
    const view = accepted.body.contact;
    expect(view.context.variables).toMatchObject({ memorable: '****', customerId: 'C-42' });
    expect(view.context.path).toEqual(['ask', 'wait']);
    expect(view.context.contact).toMatchObject({ id: contactId, channel: 'chat', direction: 'inbound' });
    expect(view.context.transcript[0].text).toMatch(/^Memorable digits\?/);
    expect(await customer.next('agentJoined')).toMatchObject({ agentName: 'Ana' });

    customer.send({ type: 'chat', id: 'customer-msg-1', text: `My card is ${CARD}` });
    expect(await customer.next('delivered', { id: 'customer-msg-1' })).toMatchObject({ seq: 1 });
    const atDesk = await desk.next('message');
    expect(atDesk['message']).toMatchObject({ sender: 'customer', seq: 1 });
    expect(JSON.stringify(atDesk)).not.toContain('1111 1111');

    customer.send({ type: 'typing' });
    expect(await desk.next('typing')).toMatchObject({ from: 'customer', contactId });
    desk.send({ type: 'seen', contactId, seq: 1 });
    expect(await customer.next('seen')).toMatchObject({ from: 'agent', seq: 1 });

    const reply = await t.api(
      'POST',
      `/api/desk/contacts/${contactId}/messages`,
      { id: 'agent-msg-1', text: 'Hello, I can help.' },
      { token: deskToken },
    );
    expect(reply.body.message).toMatchObject({ seq: 2, sender: 'agent' });
    expect((await customer.next('message'))['message']).toMatchObject({ text: 'Hello, I can help.', seq: 2 });
    // A resend of the same id is stored once.
    const again = await t.api(
      'POST',
      `/api/desk/contacts/${contactId}/messages`,
      { id: 'agent-msg-1', text: 'Hello, I can help.' },
      { token: deskToken },
    );
    expect(again.body.message.seq).toBe(2);

    // The customer drops; the agent writes meanwhile; the customer resumes from the last sequence it saw.
    await customer.close();
    await t.api(
      'POST',
      `/api/desk/contacts/${contactId}/messages`,
      { id: 'agent-msg-2', text: 'Still there?' },
      { token: deskToken },
    );
    const back = await SocketProbe.open(ws(`/ws/chat?token=${channelToken}`));
    back.send({ type: 'resumeChat', contactId, afterSeq: 2 });
    expect(await back.next('chatResumed')).toMatchObject({ status: 'connected', agentName: 'Ana' });
    const missed = await back.next('message');
    expect(missed['message']).toMatchObject({ seq: 3, text: 'Still there?' });

    // The live chat is part of the contact's transcript, redacted.
    const transcript = await t.api('GET', `/api/sessions/${contactId}/transcript`);
    const texts = JSON.stringify(transcript.body);
    expect(texts).toContain('Hello, I can help.');
    expect(texts).not.toContain('1111 1111');

    // The agent sends the customer through a PIN check: the customer sees it, the desk only its outcome.
    await t.api('POST', `/api/desk/contacts/${contactId}/flow`, { flowId: 'pin-check' }, { token: deskToken });
    const flowTurn = await back.next('flowTurn');
    expect(JSON.stringify(flowTurn)).toContain('Main menu');
    back.send({ type: 'flowInput', input: { type: 'text', text: '1' } });
    await back.next('flowTurn');
    back.send({ type: 'flowInput', input: { type: 'text', text: '5555' } });
    expect(await back.next('flowTurn', { contactId, status: 'ended' })).toBeTruthy();
    expect(await systemLine(desk)).toBe('→ PIN test');
    expect(await systemLine(desk)).toBe('pin-check: done');

    // Sent to a chosen node (the PIN question itself): the customer's flow starts there, not at the menu.
    const flows = await t.api('GET', '/api/desk/flows', undefined, { token: deskToken });
    const pinCheck = flows.body.flows.find((f: { id: string }) => f.id === 'pin-check');
    expect(pinCheck.nodes).toContainEqual({ id: 'askPin', type: 'ask', label: 'askPin' });
    const sendTo = (nodeId: string) =>
      t.api('POST', `/api/desk/contacts/${contactId}/flow`, { flowId: 'pin-check', nodeId }, { token: deskToken });
    const unknownNode = await sendTo('nope');
    expect(unknownNode.status).toBe(422);
    expect(unknownNode.body.errors[0]).toMatchObject({ code: 'UNKNOWN_NODE', pointer: '/nodeId' });
    const atNode = await sendTo('askPin');
    expect(atNode.status).toBe(204);
    const pinTurn = JSON.stringify(await back.next('flowTurn'));
    expect(pinTurn).toContain('Enter your four digit PIN');
    expect(pinTurn).not.toContain('Main menu');
    back.send({ type: 'flowInput', input: { type: 'text', text: '4321' } });
    expect(await back.next('flowTurn', { contactId, status: 'ended' })).toBeTruthy();
    expect(await systemLine(desk)).toBe('→ PIN test / askPin');
    // The desk hears the outcome only: never the digits the customer typed.
    expect(await systemLine(desk)).toBe('pin-check: done');
    expect(JSON.stringify(desk.received)).not.toContain('4321');

    // Wrap-up: an unknown disposition is refused, then after-call work ends with the wrap-up.
    await t.api('POST', `/api/desk/contacts/${contactId}/end`, undefined, { token: deskToken });
    expect(await back.next('chatEnded')).toMatchObject({ by: 'agent' });
    const state = await desk.next('state');
    expect(state['agent']).toMatchObject({ state: 'afterCallWork' });
    const bad = await t.api(
      'POST',
      `/api/desk/contacts/${contactId}/wrap-up`,
      { disposition: 'nope' },
      { token: deskToken },
    );
    expect(bad.body.errors[0]).toMatchObject({ code: 'UNKNOWN_DISPOSITION', pointer: '/disposition' });
    const wrapped = await t.api(
      'POST',
      `/api/desk/contacts/${contactId}/wrap-up`,
      { disposition: 'resolved', notes: 'Explained fees.' },
      { token: deskToken },
    );
    expect(wrapped.status).toBe(204);
    expect((await desk.next('state'))['agent']).toMatchObject({ state: 'available' });

    // Privacy: nothing sent to the desk held the sensitive value in clear, and every opening is audited.
    expect(JSON.stringify(desk.received)).not.toContain(SECRET);
    expect(JSON.stringify(desk.received)).not.toContain('5555');
    const audit = await t.api('GET', `/api/desk/audit?contactId=${contactId}`);
    expect(audit.body.entries.map((e: { action: string }) => e.action)).toContain('accept');

    // Point 6: wait, handle time, service level and agents by state in /metrics.
    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    expect(metrics).toMatch(/omniflow_queue_wait_seconds_count\{queue="support"\} 1/);
    expect(metrics).toMatch(/omniflow_handle_seconds_count\{queue="support"\} 1/);
    expect(metrics).toMatch(/omniflow_queue_service_level\{queue="support"\} 1/);
    expect(metrics).toMatch(/omniflow_agents\{state="available"\} 1/);
    await Promise.all([back.close(), desk.close()]);
  });

  it('shows an agent only the contacts of their queues', async () => {
    const { customer, contactId } = await customerInQueue();
    const olga = (
      await t.api('POST', '/api/desk/sign-in', { login: 'olga', password: 'ana-password' }, { token: null })
    ).body.token;
    const foreign = await t.api('GET', `/api/desk/contacts/${contactId}`, undefined, { token: olga });
    expect(foreign.status).toBe(404);
    const own = await t.api('GET', `/api/desk/contacts/${contactId}`, undefined, { token: deskToken });
    expect(own.status).toBe(200);
    const depth = await (await fetch(`${t.url}/metrics`)).text();
    expect(depth).toMatch(/omniflow_queue_depth\{queue="support"\} 1/);
    customer.send({ type: 'leave' });
    const support = async (): Promise<unknown> =>
      (await t.api('GET', '/api/desk/supervisor')).body.queues.find((q: { id: string }) => q.id === 'support');
    await expect.poll(support).toMatchObject({ waiting: 0, abandoned: 1 });
    await customer.close();
  });
});
