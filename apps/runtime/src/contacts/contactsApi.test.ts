import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../testing/startTestRuntime.ts';
import { cardFlow } from '../testing/testFlows.ts';
import { lastTurn, testSession } from '../testing/testSession.ts';

let t: TestRuntime;
let sessionId = '';
beforeAll(async () => {
  t = await startTestRuntime({ OMNIFLOW_CONTACT_MASK: 'callerNumber:last4,dialedNumber:last4,customerId' });
  await t.api('POST', '/api/flows', { flow: cardFlow });
  await t.api('POST', '/api/flows/card-help/publish', { note: 'v1' });
  sessionId = (await t.api('POST', '/api/sessions', { flowId: 'card-help', channel: 'chat' })).body.session.sessionId;
  await t.api('POST', `/api/sessions/${sessionId}/input`, {
    input: { type: 'text', text: '我想查询信用卡余额，卡号 4111 1111 1111 1111' },
  });
  await t.api('POST', `/api/sessions/${sessionId}/input`, { input: { type: 'text', text: '4111111111111111' } });
}, 30_000);
afterAll(async () => {
  await t.close();
});

describe('GET /api/contacts (issue 15)', () => {
  it('finds a chat by Chinese transcript text and opens it with its path, outcome and transcript', async () => {
    const found = await t.api('GET', `/api/contacts?text=${encodeURIComponent('信用卡余额')}&flowId=card-help`);
    expect(found.status).toBe(200);
    expect(found.body.contacts.map((c: { id: string }) => c.id)).toEqual([sessionId]);
    const opened = await t.api('GET', `/api/contacts/${sessionId}`);
    expect(opened.body.contact).toMatchObject({
      flowId: 'card-help',
      version: 1,
      channel: 'chat',
      direction: 'inbound',
      outcome: 'transferred',
      endNode: 'agent',
      transferQueue: 'cards',
      turns: 2,
      path: ['start', 'askReason', 'askCard', 'agent'],
    });
    expect(opened.body.transcript.some((e: { text: string }) => e.text.includes('信用卡余额'))).toBe(true);
    expect((await t.api('GET', '/api/contacts/no-such-contact')).status).toBe(404);
  });

  it('never finds a redacted card number, neither in full nor in part', async () => {
    for (const text of ['4111 1111 1111 1111', '4111111111111111', '4111', '11'])
      expect({
        text,
        found: (await t.api('GET', `/api/contacts?text=${encodeURIComponent(text)}`)).body.contacts,
      }).toEqual({
        text,
        found: [],
      });
  });

  it('answers unknown filters, bad values, dates and cursors with a 400 that says what to send', async () => {
    const unknown = await t.api('GET', '/api/contacts?flow=card-help');
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0]).toMatchObject({ code: 'UNKNOWN_FILTER', pointer: '/query/flow' });
    expect(unknown.body.errors[0].message).toContain('flowId, channel, outcome, direction, from, to, caller, text');
    for (const [query, code] of [
      ['from=yesterday', 'BAD_DATE'],
      ['to=2026-13-45', 'BAD_DATE'],
      ['cursor=not-a-cursor', 'BAD_CURSOR'],
      [`cursor=${Buffer.from('["x"]').toString('base64url')}`, 'BAD_CURSOR'],
      ['outcome=won', 'BAD_FILTER'],
      ['channel=fax', 'BAD_FILTER'],
      ['limit=0', 'BAD_FILTER'],
      ['text=a&text=b', 'BAD_FILTER'],
      [`text=${'长'.repeat(201)}`, 'BAD_FILTER'],
    ] as const) {
      const reply = await t.api('GET', `/api/contacts?${query}`);
      expect([query, reply.status, reply.body.errors?.[0]?.code]).toEqual([query, 400, code]);
    }
    expect((await t.api('GET', '/api/contacts?limit=100000')).status).toBe(200);
  });

  it('pages with an opaque cursor and caps the page size', async () => {
    for (let i = 0; i < 3; i++) await t.api('POST', '/api/sessions', { flowId: 'card-help', channel: 'chat' });
    const first = await t.api('GET', '/api/contacts?flowId=card-help&limit=2');
    expect(first.body.contacts).toHaveLength(2);
    const second = await t.api('GET', `/api/contacts?flowId=card-help&limit=2&cursor=${first.body.next}`);
    const ids = [...first.body.contacts, ...second.body.contacts].map((c: { id: string }) => c.id);
    expect(new Set(ids).size).toBe(4);
    expect(second.body.next).toBeUndefined();
  });

  it('lets viewers read contacts and refuses channel tokens', async () => {
    const viewer = (await t.api('POST', '/api/tokens', { role: 'viewer' })).body.token;
    const channel = (await t.api('POST', '/api/flows/card-help/channel-tokens', {})).body.token;
    expect((await t.api('GET', '/api/contacts', undefined, { token: viewer })).status).toBe(200);
    expect((await t.api('GET', `/api/contacts/${sessionId}`, undefined, { token: channel })).status).toBe(403);
  });
});

describe('GET /api/contacts/export (issue 15)', () => {
  it('streams masked numbers, and CSV cells that a spreadsheet never runs as formulas', async () => {
    const store = t.runtime.store;
    const id = 'export-hostile';
    await store.createSession(testSession(id, 'card-help', { channel: 'voice' }), [], {
      callerNumber: '+8613800001234',
      dialedNumber: '+862100000000',
      turn: { path: ['askReason'] },
    });
    await store.saveTurn(
      lastTurn(id, {
        path: ['agent'],
        end: { outcome: 'transferred', endNode: '@SUM(1,2)', transferQueue: '=HYPERLINK("http://x")' },
      }),
    );
    const csv = await fetch(`${t.url}/api/contacts/export?format=csv&channel=voice`, {
      headers: { authorization: 'Bearer test-admin-token-0123456789' },
    });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = await csv.text();
    const lines = text.trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(text).not.toContain('13800001234');
    expect(lines[1]).toContain("'+•••••••••1234");
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(lines[1]).toContain("'@SUM(1,2)");
    expect(lines[1]).toContain('askReason > agent');
    expect(lines[1]).toContain("'+••••••••0000");

    const jsonl = await fetch(`${t.url}/api/contacts/export?format=jsonl&flowId=card-help`, {
      headers: { authorization: 'Bearer test-admin-token-0123456789' },
    });
    const rows = (await jsonl.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(rows.map((r) => r.id)).toContain(sessionId);
    expect(rows.find((r) => r.id === id)?.callerNumber).toBe('+•••••••••1234');
    expect(rows.find((r) => r.id === sessionId)?.transcript.length).toBeGreaterThan(2);
    expect((await t.api('GET', '/api/contacts/export?format=xml')).status).toBe(400);
    expect((await t.api('GET', '/api/contacts/export?format=csv&bogus=1')).status).toBe(400);
  });
});

describe('repeat callers (issue 15)', () => {
  it("counts the caller's earlier contacts into contact.previousContacts and stores the numbers, masked when read", async () => {
    const start = () =>
      t.api('POST', '/api/sessions', {
        flowId: 'card-help',
        channel: 'chat',
        contact: { direction: 'inbound', callerNumber: '+8613912345678', dialedNumber: '+862155556666' },
      });
    const first = await start();
    const second = await start();
    expect(first.body.session.contact.previousContacts).toBe(0);
    expect(second.body.session.contact.previousContacts).toBe(1);
    const stored = await t.api('GET', `/api/contacts/${second.body.session.sessionId}`);
    expect(stored.body.contact).toMatchObject({ callerNumber: '+•••••••••5678', dialedNumber: '+••••••••6666' });
    const byCaller = await t.api('GET', `/api/contacts?caller=${encodeURIComponent('+8613912345678')}`);
    expect(byCaller.body.contacts).toHaveLength(2);
  });
});

describe('abandoned contacts (issue 15)', () => {
  it('calls a session that idles out without an end abandoned, at the node it waited on', async () => {
    const id = (await t.api('POST', '/api/sessions', { flowId: 'card-help', channel: 'chat' })).body.session.sessionId;
    await t.runtime.sweepIdleSessions(new Date(Date.now() + 1000));
    expect((await t.api('GET', `/api/contacts/${id}`)).body.contact).toMatchObject({
      outcome: 'abandoned',
      endNode: 'askReason',
    });
    const abandoned = await t.api('GET', '/api/contacts?outcome=abandoned&flowId=card-help');
    expect(abandoned.body.contacts.map((c: { id: string }) => c.id)).toContain(id);
  });
});
