import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, TEST_ADMIN_TOKEN, type TestRuntime } from '../testing/startTestRuntime.ts';
import { startWebhookSink } from '../testing/startWebhookSink.ts';

const say = (en: string, empathetic?: string) => ({
  text: { 'en-US': en },
  ...(empathetic === undefined ? {} : { empathetic: { 'en-US': empathetic } }),
});

/** Greets, offers balance (ends) or an agent (transfers); an angry caller twice in a row goes to the care queue. */
const bankFlow = {
  id: 'bank',
  name: 'Bank',
  schemaVersion: 1,
  locales: ['en-US'],
  defaultLocale: 'en-US',
  variables: [],
  start: 'start',
  nodes: [
    { id: 'start', type: 'start', config: {} },
    { id: 'welcome', type: 'message', label: 'Welcome', config: { prompt: say('Welcome to Example Bank.') } },
    {
      id: 'menu',
      type: 'menu',
      label: 'Main menu',
      config: {
        prompt: say('Say balance or agent.', 'I am sorry for the trouble. Say balance or agent.'),
        options: [
          { key: '1', label: { 'en-US': 'balance' } },
          { key: '2', label: { 'en-US': 'agent' } },
        ],
        noMatch: { maxRetries: 3 },
      },
    },
    { id: 'bye', type: 'end', label: 'Goodbye', config: { prompt: say('Your balance is 10 dollars. Goodbye.') } },
    { id: 'agent', type: 'transfer', label: 'To an agent', config: { queue: 'general' } },
  ],
  edges: [
    { source: 'start', port: 'next', target: 'welcome' },
    { source: 'welcome', port: 'next', target: 'menu' },
    { source: 'menu', port: '1', target: 'bye' },
    { source: 'menu', port: '2', target: 'agent' },
    { source: 'menu', port: 'noMatch', target: 'agent' },
    { source: 'menu', port: 'noInput', target: 'agent' },
  ],
  escalation: {
    version: 1,
    rules: [
      {
        id: 'angry',
        when: { kind: 'sentiment', atMost: -0.4, turns: 2 },
        action: { kind: 'transfer', queue: 'care', priority: 1 },
      },
    ],
  },
};

let t: TestRuntime;
let hooks: Awaited<ReturnType<typeof startWebhookSink>>;
let received: Awaited<ReturnType<typeof startWebhookSink>>['received'];

interface Turn {
  at: number;
  body: { session: { outputs: { type: string; text?: string }[] } };
}

async function talk(inputs: string[]): Promise<{ id: string; replies: Turn[] }> {
  const started = await t.api('POST', '/api/sessions', { flowId: 'bank', channel: 'chat' });
  const id: string = started.body.session.sessionId;
  const replies = [];
  for (const text of inputs) {
    const reply = await t.api('POST', `/api/sessions/${id}/input`, { input: { type: 'text', text } });
    replies.push({ at: Date.now(), body: reply.body });
  }
  return { id, replies };
}

beforeAll(async () => {
  hooks = await startWebhookSink();
  received = hooks.received;
  const hookOrigin = hooks.origin;
  t = await startTestRuntime({ OMNIFLOW_EGRESS_ALLOW: hookOrigin });
  await t.api('POST', '/api/flows', { flow: bankFlow });
  await t.api('POST', '/api/flows/bank/publish', { note: 'v1' });
  const rules = await t.api('PUT', '/api/insights/rules/bank', {
    rules: [
      {
        id: 'complaint',
        category: 'complaint',
        alert: true,
        conditions: [{ kind: 'phrase', phrases: ['complaint', '投诉'] }],
      },
      { id: 'balance', category: 'balance', conditions: [{ kind: 'phrase', phrases: ['balance'], role: 'caller' }] },
    ],
    scorecard: { compliancePhrases: ['Example Bank'] },
    webhooks: [`${hookOrigin}/alerts`],
  });
  if (rules.status !== 200) throw new Error(`rules refused: ${rules.text}`);
}, 30_000);

afterAll(async () => {
  await t?.close();
  await hooks?.close();
});

describe('insights API (issue 17)', () => {
  it('sends an angry caller to the escalation queue with its priority, speaking the empathetic prompt first', async () => {
    const { replies } = await talk(['this is useless and terrible', 'awful, useless bank']);
    const first = replies[0]?.body.session;
    expect(first?.outputs.find((o) => o.type === 'say')?.text).toMatch(/^I am sorry for the trouble/);
    const second = replies[1]?.body.session;
    expect(second?.outputs.find((o) => o.type === 'transfer')).toMatchObject({
      queue: 'care',
      routing: { priority: 1 },
    });
  });

  it('posts a real-time alert to the webhook within a second of the turn, once per contact', async () => {
    const before = received.length;
    const { id, replies } = await talk(['I want to make a complaint', 'balance']);
    const deadline = Date.now() + 3000;
    while (received.length === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const alert = received.at(-1);
    expect(alert?.body.alert).toMatchObject({ category: 'complaint', sessionId: id });
    expect((alert?.at ?? Infinity) - (replies[0]?.at ?? 0)).toBeLessThan(1000);
    await new Promise((r) => setTimeout(r, 200));
    expect(received.filter((r) => r.body.alert.sessionId === id)).toHaveLength(1);
  });

  it('streams alerts as server-sent events and replays those after Last-Event-ID', async () => {
    const known = await t.api('GET', '/api/insights/alerts');
    const last = known.body.alerts.at(-1)?.id ?? 0;
    const controller = new AbortController();
    const stream = await fetch(`${t.url}/api/insights/alerts/stream`, {
      headers: {
        accept: 'text/event-stream',
        authorization: `Bearer ${TEST_ADMIN_TOKEN}`,
        'last-event-id': String(last),
      },
      signal: controller.signal,
    });
    expect(stream.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = stream.body!.getReader();
    const { id } = await talk(['投诉！']);
    let text = '';
    const deadline = Date.now() + 3000;
    while (!text.includes(id) && Date.now() < deadline) {
      const chunk = await reader.read();
      text += new TextDecoder().decode(chunk.value);
    }
    controller.abort();
    expect(text).toMatch(new RegExp(`id: ${last + 1}\\nevent: alert\\ndata: .*"sessionId":"${id}"`));
    const plain = await t.api('GET', '/api/insights/alerts/stream');
    expect(plain.status).toBe(406);
  });

  it('stores a summary, a QA score and categories per finished contact, and counts it on the dashboard', async () => {
    const { id } = await talk(['balance please']);
    await t.runtime.settleInsights();
    const contact = await t.api('GET', `/api/insights/contacts/${id}`);
    expect(contact.body.contact).toMatchObject({
      outcome: 'completed',
      contained: true,
      endNode: 'bye',
      categories: ['balance'],
      summary: { reason: 'Main menu: 1' },
      qa: { criteria: { greeting: true, compliancePhrase: true, noCardSpoken: true, resolved: true }, score: 100 },
    });
    const dashboard = await t.api('GET', '/api/insights/dashboard?flowId=bank');
    const figures = dashboard.body.dashboard;
    expect(figures.containment.contacts).toBe(3);
    expect(figures.containment.contained).toBe(2);
    expect(figures.transferReasons).toContainEqual({ reason: 'escalation:angry', contacts: 1 });
    expect(figures.topCategories).toContainEqual(expect.objectContaining({ category: 'complaint' }));
    expect(figures.volume).toContainEqual(expect.objectContaining({ channel: 'chat', outcome: 'completed' }));
  });

  it('answers per node visits, drop-offs, no-matches and time spent for the live version', async () => {
    const hangup = await talk(['banana']);
    await t.api('POST', `/api/sessions/${hangup.id}/end`);
    await t.runtime.settleInsights();
    const reply = await t.api('GET', '/api/insights/flows/bank/nodes');
    expect(reply.body.version).toBe(1);
    const menu = reply.body.nodes.find((node: { nodeId: string }) => node.nodeId === 'menu');
    expect(menu.visits).toBeGreaterThanOrEqual(5);
    expect(menu.dropOffs).toBe(1);
    expect(menu.noMatch).toBeGreaterThanOrEqual(1);
    expect(reply.body.nodes.find((node: { nodeId: string }) => node.nodeId === 'bye')).toMatchObject({ dropOffs: 0 });
  });

  it('refuses bad rules with 422 and pointers, a bad range with 400, an unknown flow with 404', async () => {
    const bad = await t.api('PUT', '/api/insights/rules/bank', {
      rules: [{ id: 'x', category: 'c', conditions: [{ kind: 'sentiment', atMost: 7 }] }],
      webhooks: ['ftp://example.com'],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\/rules\/0/), '/webhooks/0']),
    );
    expect((await t.api('GET', '/api/insights/rules/bank')).body.rules).toHaveLength(2);
    expect((await t.api('GET', '/api/insights/dashboard?from=2026-13-01')).status).toBe(400);
    expect((await t.api('GET', '/api/insights/dashboard?from=2026-12-05&to=2026-12-01')).body.errors[0].code).toBe(
      'BAD_RANGE',
    );
    expect((await t.api('GET', '/api/insights/rules/nope')).status).toBe(404);
  });

  it('analyzes a contact the idle sweeper ended, which no turn ended', async () => {
    const { id } = await talk(['hmm']);
    await t.runtime.settleInsights();
    expect((await t.api('GET', `/api/insights/contacts/${id}`)).status).toBe(404);
    expect(await t.runtime.sweepIdleSessions(new Date(Date.now() + 60_000))).toBeGreaterThanOrEqual(1);
    await t.runtime.settleInsights();
    const contact = await t.api('GET', `/api/insights/contacts/${id}`);
    expect(contact.body.contact).toMatchObject({ outcome: 'abandoned', contained: true, endNode: 'menu', turns: 1 });
  });
});
