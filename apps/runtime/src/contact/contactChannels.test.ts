import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startTestRuntime, type TestRuntime } from '../testing/startTestRuntime.ts';

const AUTH_TOKEN = 'twilio-contact-auth-token';
const text = (value: string) => ({ text: { 'en-US': value } });
const lookups: { caller: string; since: Date }[] = [];
let t: TestRuntime;
let channelToken: string;

/**
 * Says what the flow reads of the contact, routes on contact.channel and transfers, so the reply, the transfer payload,
 * the transcript and the logs can all be checked for what is shown and what is masked.
 */
const contactFlow = {
  id: 'contact-flow',
  name: 'Contact flow',
  schemaVersion: 1,
  locales: ['en-US'],
  defaultLocale: 'en-US',
  variables: [{ name: 'callerNumber', type: 'string' }],
  start: 'start',
  nodes: [
    { id: 'start', type: 'start', config: {} },
    {
      id: 'hello',
      type: 'message',
      config: {
        prompt: text(
          'dir={{contact.direction}} seg={{contact.attributes.segment}} prev={{contact.previousContacts}} num={{contact.callerNumber}} legacy={{callerNumber}} name={{contact.attributes.CallerName}} tok={{contact.attributes.CallToken}}',
        ),
      },
    },
    {
      id: 'route',
      type: 'condition',
      config: {
        cases: [
          { id: 'chat', when: 'contact.channel == "chat"' },
          { id: 'known', when: 'contact.callerNumber == "+14155550100"' },
        ],
      },
    },
    { id: 'toChat', type: 'transfer', config: { queue: 'chat-agents' } },
    { id: 'toPhone', type: 'transfer', config: { queue: 'phone-agents' } },
    { id: 'other', type: 'end', config: { prompt: text('Goodbye.') } },
  ],
  edges: [
    { source: 'start', port: 'next', target: 'hello' },
    { source: 'hello', port: 'next', target: 'route' },
    { source: 'route', port: 'chat', target: 'toChat' },
    { source: 'route', port: 'known', target: 'toPhone' },
    { source: 'route', port: 'default', target: 'other' },
  ],
};

/** Asks how the caller is and hands an upset caller to a person at once (issue 17: empathetic escalation). */
const moodFlow = {
  id: 'mood-flow',
  name: 'Mood flow',
  schemaVersion: 1,
  locales: ['en-US'],
  defaultLocale: 'en-US',
  variables: [{ name: 'answer', type: 'string' }],
  start: 'start',
  nodes: [
    { id: 'start', type: 'start', config: {} },
    { id: 'ask', type: 'ask', config: { prompt: text('How can I help?'), variable: 'answer', slot: { type: 'text' } } },
    {
      id: 'mood',
      type: 'condition',
      config: { cases: [{ id: 'upset', when: 'contact.sentiment != null && contact.sentiment < -0.2' }] },
    },
    { id: 'care', type: 'transfer', config: { queue: 'care', prompt: text('I am sorry. Let me get a person.') } },
    { id: 'fine', type: 'end', config: { prompt: text('Glad to help. Mood {{contact.sentimentTrend}}.') } },
  ],
  edges: [
    { source: 'start', port: 'next', target: 'ask' },
    { source: 'ask', port: 'next', target: 'mood' },
    { source: 'ask', port: 'noInput', target: 'fine' },
    { source: 'ask', port: 'noMatch', target: 'fine' },
    { source: 'mood', port: 'upset', target: 'care' },
    { source: 'mood', port: 'default', target: 'fine' },
  ],
};

beforeAll(async () => {
  t = await startTestRuntime(
    { TWILIO_AUTH_TOKEN: AUTH_TOKEN },
    {},
    {
      previousContacts: async (caller, since) => {
        lookups.push({ caller, since });
        return caller === '+14155550100' ? 4 : 0;
      },
    },
  );
  const saved = await t.api('POST', '/api/flows', { flow: contactFlow });
  const published = await t.api('POST', '/api/flows/contact-flow/publish', {});
  if (saved.status !== 201 || published.status !== 201)
    throw new Error(`the contact flow does not publish: ${published.text}`);
  const moodSaved = await t.api('POST', '/api/flows', { flow: moodFlow });
  const moodPublished = await t.api('POST', '/api/flows/mood-flow/publish', {});
  if (moodSaved.status !== 201 || moodPublished.status !== 201)
    throw new Error(`the mood flow does not publish: ${moodPublished.text}`);
  channelToken = (await t.api('POST', '/api/flows/contact-flow/channel-tokens', { label: 'web' })).body.token;
});
afterAll(async () => {
  await t.close();
});

const sayText = (outputs: { type: string; text?: string }[]) =>
  outputs
    .filter((o) => o.type === 'say')
    .map((o) => o.text)
    .join(' ');

describe('the contact from each channel (issue 15)', () => {
  it('REST: takes the contact of POST /api/sessions, counts previous contacts and masks the numbers it shows', async () => {
    const before = Date.now();
    const started = await t.api('POST', '/api/sessions', {
      flowId: 'contact-flow',
      channel: 'voice',
      contact: {
        direction: 'outbound',
        callerNumber: '+14155550100',
        dialedNumber: '+14155550199',
        attributes: { segment: 'gold' },
      },
    });
    expect(started.status).toBe(201);
    const session = started.body.session;
    expect(sayText(session.outputs)).toBe('dir=outbound seg=gold prev=4 num=**** legacy=+14155550100 name= tok=');
    const transfer = session.outputs.find((o: { type: string }) => o.type === 'transfer');
    expect(transfer.queue).toBe('phone-agents');
    expect(transfer.contact).toMatchObject({
      callerNumber: '****',
      dialedNumber: '****',
      channel: 'voice',
      previousContacts: 4,
    });
    expect(session.contact).toMatchObject({
      direction: 'outbound',
      callerNumber: '****',
      attributes: { segment: 'gold' },
    });
    const since = lookups.at(-1)?.since.getTime() ?? 0;
    expect(before - since).toBeGreaterThanOrEqual(7 * 24 * 3600 * 1000 - 1000);
    expect(before - since).toBeLessThan(7 * 24 * 3600 * 1000 + 60_000);
    const transcript = await t.api('GET', `/api/sessions/${session.sessionId}/transcript`);
    // The legacy variable is the flow's own (not sensitive); the contact's own fields stay masked everywhere.
    expect(JSON.stringify(transcript.body)).not.toContain('+14155550199');
    expect(t.logs.join('\n')).not.toContain('4155550100');
    expect(t.logs.join('\n')).not.toContain('4155550199');
  });

  it('REST: refuses a contact that is not strings within the limits, saying what to fix', async () => {
    const bad: [unknown, string][] = [
      [{ attributes: { segment: 7 } }, '/contact/attributes/segment'],
      [{ attributes: { segment: 'x'.repeat(513) } }, '/contact/attributes/segment'],
      [{ attributes: { 'bad name': 'x' } }, '/contact/attributes'],
      [
        { attributes: Object.fromEntries(Array.from({ length: 33 }, (_v, i) => [`a${i}`, 'x'])) },
        '/contact/attributes',
      ],
      [{ callerNumber: '1'.repeat(33) }, '/contact/callerNumber'],
      [{ direction: 'sideways' }, '/contact/direction'],
      [{ customerId: 'C-1' }, '/contact/customerId'],
      ['+1555', '/contact'],
    ];
    for (const [contact, pointer] of bad) {
      const reply = await t.api('POST', '/api/sessions', { flowId: 'contact-flow', channel: 'chat', contact });
      expect([reply.status, reply.body.errors.map((e: { pointer: string }) => e.pointer)]).toEqual([
        400,
        expect.arrayContaining([pointer]),
      ]);
    }
    const named = await t.api('POST', '/api/sessions', {
      flowId: 'contact-flow',
      channel: 'chat',
      contact: { attributes: { 'bad name': 'x' } },
    });
    expect(named.body.errors.map((e: { message: string }) => e.message).join(' ')).toMatch(
      /"bad name".*use letters, digits/,
    );
  });

  it('REST: a channel token may tell attributes but not numbers, and sees no contact in its replies', async () => {
    const numbers = await t.api(
      'POST',
      '/api/sessions',
      { flowId: 'contact-flow', channel: 'chat', contact: { callerNumber: '+14155550100' } },
      { token: channelToken },
    );
    expect(numbers.status).toBe(403);
    expect(numbers.body.errors[0]).toMatchObject({ code: 'CONTACT_FIELD_FORBIDDEN', pointer: '/contact/callerNumber' });
    const attributes = await t.api(
      'POST',
      '/api/sessions',
      { flowId: 'contact-flow', channel: 'chat', contact: { attributes: { segment: 'silver' } } },
      { token: channelToken },
    );
    expect(attributes.status).toBe(201);
    expect(sayText(attributes.body.session.outputs)).toBe('dir=inbound seg=silver prev=0 num= legacy= name= tok=');
    expect(attributes.body.session.contact).toBeUndefined();
    expect(attributes.body.session.outputs.find((o: { type: string }) => o.type === 'transfer').queue).toBe(
      'chat-agents',
    );
  });

  it('chat socket: passes the page attributes of the start message and refuses bad ones', async () => {
    const ws = new WebSocket(`${t.url.replace('http', 'ws')}/ws/chat?token=${channelToken}`);
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const next = () =>
      new Promise<{ outputs?: { type: string; text?: string }[]; errors?: { pointer: string }[] }>((resolve) =>
        ws.once('message', (data) => resolve(JSON.parse(data.toString()))),
      );
    ws.send(JSON.stringify({ type: 'start', contact: { attributes: { segment: 'gold', firstName: 'Ada' } } }));
    const started = await next();
    expect(sayText(started.outputs ?? [])).toContain('seg=gold');
    ws.send(JSON.stringify({ type: 'start', contact: { attributes: { segment: ['gold'] } } }));
    const refused = await next();
    expect(refused.errors?.map((e) => e.pointer)).toContain('/contact/attributes/segment');
    ws.send(JSON.stringify({ type: 'start', contact: { dialedNumber: '+14155550199' } }));
    expect((await next()).errors?.[0]?.pointer).toBe('/contact/dialedNumber');
    ws.close();
  });

  it('web chat: the embed script turns data-attr-* into the page parameters the chat sends', async () => {
    const embed = await fetch(`${t.url}/chat-assets/embed.js`);
    expect(embed.status).toBe(200);
    const source = await embed.text();
    expect(source).toContain("query.set('attr-' + name");
    const chat = await (await fetch(`${t.url}/chat-assets/chat.js`)).text();
    expect(chat).toContain('message.contact = { attributes: attributes }');
  });

  it('Twilio: fills the contact from From/To in E.164 and the call parameters, and keeps a declared callerNumber', async () => {
    const fields = {
      AccountSid: 'AC123',
      CallSid: 'CA-contact-1',
      From: '+1 (415) 555-0100',
      To: '+14155550199',
      CallerName: 'ADA LOVELACE',
      FromCountry: 'US',
      CallStatus: 'ringing',
      Direction: 'inbound',
      CallToken: 'secret-call-token',
    };
    const url = `${t.url}/twilio/voice/contact-flow?channel=dtmf`;
    const payload = Object.keys(fields)
      .toSorted()
      .map((k) => k + fields[k as keyof typeof fields])
      .join('');
    const signature = createHmac('sha1', AUTH_TOKEN)
      .update(url + payload)
      .digest('base64');
    const reply = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
      body: new URLSearchParams(fields).toString(),
    });
    const xml = await reply.text();
    expect(xml).toContain('dir=inbound seg= prev=4 num=**** legacy=+14155550100 name=ADA LOVELACE tok=');
    expect(lookups.some((lookup) => lookup.caller === '+14155550100')).toBe(true);
    expect(t.logs.join('\n')).not.toContain('secret-call-token');
  });

  it('sentiment: a condition reads the mood of the answer just given, scored by the analytics in the caller’s language', async () => {
    const upset = await t.api('POST', '/api/sessions', { flowId: 'mood-flow', channel: 'chat' });
    const angry = await t.api('POST', `/api/sessions/${upset.body.session.sessionId}/input`, {
      input: { type: 'text', text: 'This is terrible, I am furious and very angry with your awful service' },
    });
    expect(angry.body.session.outputs.find((o: { type: string }) => o.type === 'transfer')?.queue).toBe('care');
    expect(angry.body.session.contact.sentiment).toBeLessThan(-0.2);
    const calm = await t.api('POST', '/api/sessions', { flowId: 'mood-flow', channel: 'chat' });
    const happy = await t.api('POST', `/api/sessions/${calm.body.session.sessionId}/input`, {
      input: { type: 'text', text: 'Thank you, that is great, I am happy' },
    });
    expect(sayText(happy.body.session.outputs)).toBe('Glad to help. Mood stable.');
    expect(happy.body.session.contact.sentiment).toBeGreaterThan(0);
  });
});
