import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postAsTwilio } from '../../testing/postAsTwilio.ts';
import { startTestRuntime, type TestRuntime } from '../../testing/startTestRuntime.ts';
import { voiceQueueFlow } from '../../testing/testFlows.ts';
import { startFakeTwilioRest } from './fakeTwilioRest.ts';

// Issue 16: the desk holds, mutes and hangs up Twilio calls, and calls back customers who asked for it, through
// Twilio's REST API. A PROTOCOL test: Twilio is unreachable from here, so a local server speaking its REST contract
// (Basic auth, form fields, Twilio-shaped JSON) stands in, and the test asserts the exact requests the runtime sent.
const ACCOUNT = 'ACf00dfeedf00dfeedf00dfeedf00dfeed';
const AUTH = 'leg-control-auth-token';
const FROM = '+15005550006';
const PUBLIC = 'https://omniflow.example.com';
const AGENT_PHONE = '+15550001111';
const CALLER = '+15551230000';

let twilioApi: Awaited<ReturnType<typeof startFakeTwilioRest>>;
let t: TestRuntime;
let bare: TestRuntime;
let anaToken: string;

async function setUp(runtime: TestRuntime): Promise<string> {
  await runtime.api('POST', '/api/flows', { flow: voiceQueueFlow('hold', 'support') });
  await runtime.api('POST', '/api/flows/hold/publish', {});
  const queue = { name: 'Support', dispositions: ['resolved'], afterCallWorkSeconds: 0 };
  await runtime.api('PUT', '/api/queues/support', queue);
  const ana = { name: 'Ana', login: 'ana', password: 'ana-password', languages: ['en'], queues: ['support'] };
  const created = await runtime.api('PUT', '/api/agents/ana', { ...ana, phone: AGENT_PHONE });
  if (created.status !== 201) throw new Error(`agent not created: ${JSON.stringify(created.body)}`);
  const signIn = { login: 'ana', password: 'ana-password' };
  return (await runtime.api('POST', '/api/desk/sign-in', signIn, { token: null })).body.token;
}

beforeAll(async () => {
  twilioApi = await startFakeTwilioRest({ accountSid: ACCOUNT, authToken: AUTH });
  const secrets = {
    OMNIFLOW_SECRET_TWILIO_ACCOUNT_SID: ACCOUNT,
    TWILIO_AUTH_TOKEN: AUTH,
    OMNIFLOW_SECRET_TWILIO_FROM_NUMBER: FROM,
    OMNIFLOW_SECRET_TWILIO_API_BASE: twilioApi.base,
  };
  t = await startTestRuntime(secrets, { publicUrl: PUBLIC });
  anaToken = await setUp(t);
  // Only the webhook signature's token: Twilio's REST API is not configured.
  bare = await startTestRuntime({ TWILIO_AUTH_TOKEN: AUTH });
});
afterAll(async () => {
  await t?.close();
  await bare?.close();
  await twilioApi?.close();
});

const call = (sid: string) => ({ AccountSid: ACCOUNT, CallSid: sid, From: CALLER, To: '+15559870000' });
/** Posts to the runtime as Twilio does: signed over the public URL Twilio knows the runtime by. */
const twilio = (runtime: TestRuntime, path: string, fields: Record<string, string>) =>
  postAsTwilio(`${runtime.url}${path}`, AUTH, fields, runtime === t ? { signAs: `${PUBLIC}${path}` } : {});
const desk = (runtime: TestRuntime, token: string, path: string, body?: unknown) =>
  runtime.api('POST', path, body, { token });

async function accept(runtime: TestRuntime, token: string, contactId: string): Promise<Record<string, unknown>> {
  const state = await runtime.api('GET', '/api/desk', undefined, { token });
  if (state.body.agent.state !== 'available')
    await runtime.api('PUT', '/api/desk/state', { state: 'available' }, { token });
  const accepted = await desk(runtime, token, `/api/desk/offers/${contactId}/accept`);
  expect(accepted.body.errors ?? accepted.status).toBe(200);
  return accepted.body.contact;
}

/** A Twilio caller queued, then taken by Ana in the desk and bridged (`after` with QueueResult=leave). */
async function bridged(runtime: TestRuntime, token: string, sid: string): Promise<string> {
  expect((await twilio(runtime, '/twilio/voice/hold', call(sid))).xml).toContain('<Enqueue');
  await accept(runtime, token, `twilio-${sid}`);
  expect((await twilio(runtime, `/twilio/queue/twilio-${sid}/wait`, call(sid))).xml).toContain('<Leave/>');
  return (await twilio(runtime, `/twilio/queue/twilio-${sid}/after`, { ...call(sid), QueueResult: 'leave' })).xml;
}

describe('the desk controls Twilio calls through the REST API (protocol test)', () => {
  it('bridges through a conference the agent joins by REST, then holds, mutes and hangs up with exact requests', async () => {
    twilioApi.requests.length = 0;
    const twiml = await bridged(t, anaToken, 'CAleg1');
    expect(twiml).toContain(
      '<Dial action="/twilio/queue/twilio-CAleg1/dialed" method="POST"><Conference startConferenceOnEnter="true" endConferenceOnExit="true" beep="false" waitUrl="/twilio/hold.wav" waitMethod="GET">omniflow-twilio-CAleg1</Conference></Dial>',
    );
    const conferencePath = `${twilioApi.prefix}Conferences/omniflow-twilio-CAleg1/Participants.json`;
    expect(twilioApi.requests).toEqual([
      {
        method: 'POST',
        path: conferencePath,
        form: { To: AGENT_PHONE, From: FROM, EndConferenceOnExit: 'true', Beep: 'false' },
      },
    ]);
    const conference = 'CF00000000000000000000000000000001';
    const agentCall = 'CA00000000000000000000000000000001';

    const held = await desk(t, anaToken, '/api/desk/contacts/twilio-CAleg1/voice', { type: 'hold', on: true });
    expect(held.body).toEqual({ leg: { held: true, muted: false, ended: false } });
    const muted = await desk(t, anaToken, '/api/desk/contacts/twilio-CAleg1/voice', { type: 'mute', on: true });
    expect(muted.body).toEqual({ leg: { held: true, muted: true, ended: false } });
    const resumed = await desk(t, anaToken, '/api/desk/contacts/twilio-CAleg1/voice', { type: 'hold', on: false });
    expect(resumed.body).toEqual({ leg: { held: false, muted: true, ended: false } });
    expect(twilioApi.requests.slice(1)).toEqual([
      {
        method: 'POST',
        path: `${twilioApi.prefix}Conferences/${conference}/Participants/CAleg1.json`,
        form: { Hold: 'true', HoldUrl: `${PUBLIC}/twilio/hold.wav`, HoldMethod: 'GET' },
      },
      {
        method: 'POST',
        path: `${twilioApi.prefix}Conferences/${conference}/Participants/${agentCall}.json`,
        form: { Muted: 'true' },
      },
      {
        method: 'POST',
        path: `${twilioApi.prefix}Conferences/${conference}/Participants/CAleg1.json`,
        form: { Hold: 'false' },
      },
    ]);

    // A control the desk cannot send is refused before Twilio is asked; so is an admin token (no agent).
    const bad = await desk(t, anaToken, '/api/desk/contacts/twilio-CAleg1/voice', { type: 'volume', on: true });
    expect(bad.status).toBe(400);
    const notAgent = await t.api('POST', '/api/desk/contacts/twilio-CAleg1/voice', { type: 'hangup' });
    expect(notAgent.body.errors[0].code).toBe('NOT_AN_AGENT');
    expect(twilioApi.requests).toHaveLength(4);

    const hungUp = await desk(t, anaToken, '/api/desk/contacts/twilio-CAleg1/voice', { type: 'hangup' });
    expect(hungUp.body).toEqual({ leg: { held: false, muted: true, ended: true } });
    expect(twilioApi.requests.at(-1)).toEqual({
      method: 'POST',
      path: `${twilioApi.prefix}Calls/CAleg1.json`,
      form: { Status: 'completed' },
    });
    const snapshot = await t.api('GET', '/api/desk', undefined, { token: anaToken });
    expect(snapshot.body.wrapUps.map((c: { id: string }) => c.id)).toContain('twilio-CAleg1');
    // Twilio then ends the <Dial>: the contact is already with the agent's wrap-up, nothing breaks.
    expect((await twilio(t, '/twilio/queue/twilio-CAleg1/dialed', call('CAleg1'))).xml).toContain('<Hangup/>');
    // The contact is over: its leg may not be controlled again.
    const after = await desk(t, anaToken, '/api/desk/contacts/twilio-CAleg1/voice', { type: 'hold', on: true });
    expect(after.body.errors[0].code).toBe('NOT_YOUR_CONTACT');
    await desk(t, anaToken, '/api/desk/contacts/twilio-CAleg1/wrap-up', { disposition: 'resolved', notes: '' });
  });

  it('calls back a customer who asked for it: the agent phone and the number in clear join a conference; the outcome lands on the contact', async () => {
    twilioApi.requests.length = 0;
    expect((await twilio(t, '/twilio/voice/hold', call('CAcb1'))).xml).toContain('<Enqueue');
    const goodbye = await twilio(t, '/twilio/queue/twilio-CAcb1/key', { ...call('CAcb1'), Digits: '1' });
    expect(goodbye.xml).toContain('call you back');
    const contact = await accept(t, anaToken, 'twilio-CAcb1');
    // The agent sees a callback with the number masked; the number in clear never reaches the desk.
    const context = contact['context'] as { callback: { number: string } };
    expect(context.callback.number).toMatch(/\*/);
    expect(JSON.stringify(contact)).not.toContain(CALLER);

    const placed = await desk(t, anaToken, '/api/desk/contacts/twilio-CAcb1/callback');
    expect(placed.status).toBe(200);
    const conferencePath = `${twilioApi.prefix}Conferences/omniflow-twilio-CAcb1/Participants.json`;
    expect(twilioApi.requests).toEqual([
      {
        method: 'POST',
        path: conferencePath,
        form: { To: AGENT_PHONE, From: FROM, EndConferenceOnExit: 'true', Beep: 'false' },
      },
      {
        method: 'POST',
        path: conferencePath,
        form: {
          To: CALLER,
          From: FROM,
          StatusCallback: `${PUBLIC}/twilio/queue/twilio-CAcb1/callback-status`,
          StatusCallbackMethod: 'POST',
          StatusCallbackEvent: 'completed',
          EndConferenceOnExit: 'true',
          Beep: 'false',
        },
      },
    ]);
    const customerCall: string = placed.body.callSid;
    expect(customerCall).toMatch(/^CA\d{32}$/);
    // The customer's leg is the one the desk holds and hangs up now.
    await desk(t, anaToken, '/api/desk/contacts/twilio-CAcb1/voice', { type: 'hold', on: true });
    expect(twilioApi.requests.at(-1)?.path).toBe(
      `${twilioApi.prefix}Conferences/CF00000000000000000000000000000002/Participants/${customerCall}.json`,
    );

    // Twilio reports how the call ended; a status for another call is refused.
    const statusPath = '/twilio/queue/twilio-CAcb1/callback-status';
    const wrong = await twilio(t, statusPath, { AccountSid: ACCOUNT, CallSid: 'CAother', CallStatus: 'completed' });
    expect(wrong.status).toBe(400);
    const final = { AccountSid: ACCOUNT, CallSid: customerCall, CallStatus: 'no-answer' };
    expect((await twilio(t, statusPath, final)).status).toBe(204);
    const opened = await t.api('GET', '/api/desk/contacts/twilio-CAcb1', undefined, { token: anaToken });
    expect(opened.body.contact.context.callback.outcome).toBe('no-answer');
    expect(opened.body.contact.messages.map((m: { text: string }) => m.text)).toContain('callback: no-answer');
    expect(JSON.stringify(opened.body)).not.toContain(CALLER);
    await desk(t, anaToken, '/api/desk/contacts/twilio-CAcb1/end');
    await desk(t, anaToken, '/api/desk/contacts/twilio-CAcb1/wrap-up', { disposition: 'resolved', notes: '' });
  });

  it('answers 409 with what to set when Twilio’s REST credentials are missing; the caller is still dialled', async () => {
    const token = await setUp(bare);
    const twiml = await bridged(bare, token, 'CAbare1');
    expect(twiml).toContain(`<Number>${AGENT_PHONE}</Number>`);
    const refused = await desk(bare, token, '/api/desk/contacts/twilio-CAbare1/voice', { type: 'hold', on: true });
    expect(refused.status).toBe(409);
    expect(refused.body.errors[0]).toMatchObject({
      code: 'TWILIO_NOT_CONFIGURED',
      message: expect.stringContaining('TWILIO_ACCOUNT_SID'),
    });
    const callback = await desk(bare, token, '/api/desk/contacts/twilio-CAbare1/callback');
    expect(callback.body.errors[0].code).toBe('TWILIO_NOT_CONFIGURED');
  });
});
