import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SocketProbe } from '../agents/SocketProbe.ts';
import { startTestRuntime, type TestRuntime } from '../testing/startTestRuntime.ts';
import { startWebhookSink } from '../testing/startWebhookSink.ts';

// Issue 17, points 4–7 for contacts that reach an agent: the supervisor's desk hears a real-time alert within 1 s of
// the turn, the webhook fires once, and the wrap-up stores the whole contact (summary, QA, agent figures).
const text = (en: string) => ({ text: { 'en-US': en } });
const helpFlow = {
  id: 'help',
  name: 'Help',
  schemaVersion: 1,
  locales: ['en-US'],
  defaultLocale: 'en-US',
  variables: [{ name: 'customerId', type: 'string', default: 'C-7' }],
  start: 'welcome',
  nodes: [
    { id: 'welcome', type: 'message', config: { prompt: text('Welcome to Example Bank. Calls are recorded.') } },
    {
      id: 'menu',
      type: 'menu',
      label: 'Main menu',
      config: {
        prompt: text('Say agent.'),
        options: [{ key: '1', label: { 'en-US': 'agent' } }],
        noMatch: { maxRetries: 3 },
      },
    },
    { id: 'wait', type: 'queue', config: { queue: 'care', prompt: text('Please hold.'), reason: 'Asked for help' } },
  ],
  edges: [
    { source: 'welcome', port: 'next', target: 'menu' },
    { source: 'menu', port: '1', target: 'wait' },
    { source: 'menu', port: 'noMatch', target: 'wait' },
    { source: 'menu', port: 'noInput', target: 'wait' },
  ],
};

let t: TestRuntime;
let hooks: Awaited<ReturnType<typeof startWebhookSink>>;
let channelToken: string;
let agentToken: string;
let supervisorToken: string;
const ws = (path: string): string => `${t.url.replace('http:', 'ws:')}${path}`;

beforeAll(async () => {
  hooks = await startWebhookSink();
  const hookOrigin = hooks.origin;
  t = await startTestRuntime({ OMNIFLOW_EGRESS_ALLOW: hookOrigin });
  await t.api('POST', '/api/flows', { flow: helpFlow });
  await t.api('POST', '/api/flows/help/publish', {});
  channelToken = (await t.api('POST', '/api/flows/help/channel-tokens', {})).body.token;
  await t.api('PUT', '/api/queues/care', { name: 'Care', dispositions: ['resolved', 'follow-up'] });
  const person = { password: 'long-password', languages: ['en'], queues: ['care'] };
  await t.api('PUT', '/api/agents/ana', { ...person, name: 'Ana', login: 'ana' });
  await t.api('PUT', '/api/agents/sue', { ...person, name: 'Sue', login: 'sue', role: 'supervisor' });
  const signIn = async (login: string) =>
    (await t.api('POST', '/api/desk/sign-in', { login, password: 'long-password' }, { token: null })).body.token;
  agentToken = await signIn('ana');
  supervisorToken = await signIn('sue');
  const rules = await t.api('PUT', '/api/insights/rules/help', {
    rules: [
      { id: 'complaint', category: 'complaint', alert: true, conditions: [{ kind: 'phrase', phrases: ['complaint'] }] },
      { id: 'fees', category: 'fees', conditions: [{ kind: 'phrase', phrases: ['fee'], role: 'caller' }] },
      {
        id: 'legal',
        category: 'legal',
        alert: true,
        conditions: [{ kind: 'phrase', phrases: ['lawyer', '律师', '변호사'], role: 'caller' }],
      },
    ],
    scorecard: { compliancePhrases: ['calls are recorded'] },
    webhooks: [`${hookOrigin}/alerts`],
  });
  if (rules.status !== 200) throw new Error(`rules refused: ${rules.text}`);
}, 30_000);

afterAll(async () => {
  await t?.close();
  await hooks?.close();
});

describe('agent contacts and supervisor alerts (issue 17)', () => {
  it('alerts the supervisor desk within 1 s of the turn, then stores the agent contact at wrap-up', async () => {
    const supervisor = await SocketProbe.open(ws(`/ws/desk?token=${supervisorToken}`));
    const agentDesk = await SocketProbe.open(ws(`/ws/desk?token=${agentToken}`));
    await supervisor.next('desk');
    await agentDesk.next('desk');
    const customer = await SocketProbe.open(ws(`/ws/chat?token=${channelToken}`));
    customer.send({ type: 'start' });
    await customer.next('turn');
    const sentAt = performance.now();
    customer.send({ type: 'input', input: { type: 'text', text: 'I want to make a complaint about a fee' } });
    const alert = await supervisor.next('insightAlert', {}, 1000);
    expect(supervisor.arrivedAt.get(alert)! - sentAt).toBeLessThan(1000);
    const { sessionId } = alert['alert'] as { sessionId: string };
    expect(alert['alert']).toMatchObject({ flowId: 'help', category: 'complaint', ruleIds: ['complaint'] });
    // A plain agent's desk does not hear the supervisors' alerts.
    expect(agentDesk.received.some((m) => m.type === 'insightAlert')).toBe(false);

    // The second complaint of the same contact raises nothing new.
    customer.send({ type: 'input', input: { type: 'text', text: 'agent, this is a complaint' } });
    const handoff = await customer.next('handoff');
    const contactId = String(handoff['contactId']);
    expect(contactId).toBe(sessionId);

    await t.api('PUT', '/api/desk/state', { state: 'available' }, { token: agentToken });
    await agentDesk.next('offer', { contactId });
    await t.api('POST', `/api/desk/offers/${contactId}/accept`, undefined, { token: agentToken });
    const say = (id: string, line: string) =>
      t.api('POST', `/api/desk/contacts/${contactId}/messages`, { id, text: line }, { token: agentToken });
    expect((await say('agent-msg-1', 'Hello, this is Ana from Example Bank.')).status).toBe(201);
    await customer.next('agentJoined');
    customer.send({
      type: 'chat',
      id: 'customer-msg-1',
      text: 'The monthly fee was taken twice from card 4111 1111 1111 1111',
    });
    await customer.next('delivered', { id: 'customer-msg-1' });
    // A line of the agent chat raises its own real-time alert, on the supervisor's desk within a second too.
    const chatSentAt = performance.now();
    customer.send({ type: 'chat', id: 'customer-msg-2', text: 'Fix it or I call my lawyer' });
    const chatAlert = await supervisor.next('insightAlert', {}, 1000);
    expect(chatAlert['alert']).toMatchObject({ sessionId, category: 'legal', ruleIds: ['legal'] });
    expect(supervisor.arrivedAt.get(chatAlert)! - chatSentAt).toBeLessThan(1000);
    await say('agent-msg-2', 'I have refunded the second fee to your account.');
    await t.api('POST', `/api/desk/contacts/${contactId}/end`, undefined, { token: agentToken });
    const wrapped = await t.api(
      'POST',
      `/api/desk/contacts/${contactId}/wrap-up`,
      { disposition: 'resolved', notes: 'Refunded the duplicate fee' },
      { token: agentToken },
    );
    expect(wrapped.status).toBe(204);
    await t.runtime.settleInsights();

    const stored = (await t.api('GET', `/api/insights/contacts/${contactId}`)).body.contact;
    expect(stored).toMatchObject({
      outcome: 'transferred',
      contained: false,
      transferQueue: 'care',
      agentId: 'ana',
      categories: ['complaint', 'fees', 'legal'],
      qa: {
        criteria: { greeting: true, compliancePhrase: true, noCardSpoken: true, resolved: true },
        score: 100,
      },
    });
    expect(stored.handleSeconds).toBeGreaterThanOrEqual(0);
    expect(stored.summary.outcome).toContain('Refunded the duplicate fee');
    expect(stored.summary.conversation).toEqual([
      'Customer: The monthly fee was taken twice from card [CARD]',
      'Agent: I have refunded the second fee to your account.',
    ]);

    const today = new Date().toISOString().slice(0, 10);
    const agents = (await t.api('GET', `/api/insights/agents?from=${today}&to=${today}`)).body.agents;
    expect(agents).toEqual([expect.objectContaining({ agentId: 'ana', handled: 1, averageQaScore: 100 })]);
    const qa = (await t.api('GET', `/api/insights/qa?from=${today}&to=${today}`)).body.qa;
    expect(qa).toContainEqual(expect.objectContaining({ queue: 'care', agentId: 'ana', averageScore: 100 }));
    // One alert per category, one webhook post each, however many complaining turns.
    expect(
      hooks.received.filter((hook) => hook.body.alert.sessionId === contactId).map((hook) => hook.body.alert.category),
    ).toEqual(['complaint', 'legal']);

    // The same customer again: the desk shows the earlier contact with its stored summary.
    const again = await SocketProbe.open(ws(`/ws/chat?token=${channelToken}`));
    again.send({ type: 'start' });
    await again.next('turn');
    again.send({ type: 'input', input: { type: 'text', text: 'agent' } });
    const second = String((await again.next('handoff'))['contactId']);
    await agentDesk.next('offer', { contactId: second });
    const opened = await t.api('POST', `/api/desk/offers/${second}/accept`, undefined, { token: agentToken });
    expect(opened.body.contact.previous).toEqual([
      expect.objectContaining({
        id: contactId,
        disposition: 'resolved',
        summary: { reason: stored.summary.reason, outcome: stored.summary.outcome },
      }),
    ]);
    for (const probe of [supervisor, agentDesk, customer, again]) await probe.close();
  });
});
