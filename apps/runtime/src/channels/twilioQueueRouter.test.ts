import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postAsTwilio } from '../testing/postAsTwilio.ts';
import { parseWav } from '../voice/pcm.ts';
import { voiceQueueFlow } from '../testing/testFlows.ts';
import { startTestRuntime, type TestRuntime } from '../testing/startTestRuntime.ts';

// Issue 16, points 3 and 5 on Twilio: <Enqueue waitUrl> with hold prompts and a callback key, then <Dial> to the agent.
const AUTH_TOKEN = 'twilio-queue-auth-token';
let t: TestRuntime;
let anaToken: string;

beforeAll(async () => {
  t = await startTestRuntime({ TWILIO_AUTH_TOKEN: AUTH_TOKEN });
  await t.api('POST', '/api/flows', { flow: voiceQueueFlow('hold', 'support') });
  await t.api('POST', '/api/flows/hold/publish', {});
  await t.api('PUT', '/api/queues/support', { name: 'Support', dispositions: ['resolved'], afterCallWorkSeconds: 0 });
  const ana = {
    name: 'Ana',
    login: 'ana',
    password: 'ana-password',
    languages: ['en', 'zh-CN', 'ko'],
    queues: ['support'],
    phone: '+15550001111',
  };
  const created = await t.api('PUT', '/api/agents/ana', ana);
  if (created.status !== 201) throw new Error(`agent not created: ${JSON.stringify(created.body)}`);
  anaToken = (await t.api('POST', '/api/desk/sign-in', { login: 'ana', password: 'ana-password' }, { token: null }))
    .body.token;
});
afterAll(async () => {
  await t.close();
});

/** Posts to the test runtime as Twilio does (signed). */
function twilio(path: string, fields: Record<string, string>, options: { sign?: boolean; tamper?: boolean } = {}) {
  return postAsTwilio(`${t.url}${path}`, AUTH_TOKEN, fields, options);
}

const call = (sid: string) => ({ AccountSid: 'AC1', CallSid: sid, From: '+15551230000', To: '+15559870000' });
const queueUrl = (sid: string, step: string) => `/twilio/queue/twilio-${sid}/${step}`;

async function accept(contactId: string): Promise<Record<string, unknown>> {
  // Choosing "available" again would turn down the offer already ringing.
  const desk = await t.api('GET', '/api/desk', undefined, { token: anaToken });
  if (desk.body.agent.state !== 'available')
    await t.api('PUT', '/api/desk/state', { state: 'available' }, { token: anaToken });
  const accepted = await t.api('POST', `/api/desk/offers/${contactId}/accept`, undefined, { token: anaToken });
  expect(accepted.body.errors ?? accepted.status).toBe(200);
  return accepted.body.contact;
}

async function waitingIds(): Promise<string[]> {
  const overview = await t.api('GET', '/api/desk/supervisor');
  return overview.body.waiting.map((w: { contactId: string }) => w.contactId);
}

describe('a Twilio caller waiting for an agent', () => {
  it('enqueues with a waitUrl, hears the place with a callback key over hold audio, then is dialled to the agent', async () => {
    const answered = await twilio('/twilio/voice/hold', call('CA1'));
    expect(answered.xml).toContain('<Say language="en-US" voice="Polly.Joanna">Please hold.</Say>');
    expect(answered.xml).toMatch(
      /<Enqueue waitUrl="\/twilio\/queue\/twilio-CA1\/wait" waitUrlMethod="POST" action="\/twilio\/queue\/twilio-CA1\/after" method="POST">support<\/Enqueue>/,
    );
    const first = await twilio(queueUrl('CA1', 'wait'), { ...call('CA1'), QueuePosition: '1' });
    expect(first.xml).toMatch(
      /<Gather input="dtmf" numDigits="1" timeout="1" action="\/twilio\/queue\/twilio-CA1\/key" method="POST" actionOnEmptyResult="false"><Say [^>]*>You are number 1 in the queue\. The estimated wait is about \d+ minutes?\. To be called back without losing your place, press 1\.<\/Say><Play>\/twilio\/hold\.wav<\/Play><\/Gather>/,
    );
    // The prompt comes every N seconds (10 here), not on every hold segment.
    const second = await twilio(queueUrl('CA1', 'wait'), call('CA1'));
    expect(second.xml).not.toContain('<Say');
    expect(second.xml).toContain('<Play>/twilio/hold.wav</Play>');
    // Another key than the callback key changes nothing.
    expect((await twilio(queueUrl('CA1', 'key'), { ...call('CA1'), Digits: '5' })).xml).toContain(
      '<Redirect method="POST">/twilio/queue/twilio-CA1/wait</Redirect>',
    );

    const contact = await accept('twilio-CA1');
    expect(contact['context']).toMatchObject({
      channel: 'voice',
      voice: { bridge: 'dial' },
      reason: 'Asked for an agent',
    });
    expect((await twilio(queueUrl('CA1', 'wait'), call('CA1'))).xml).toContain('<Response><Leave/></Response>');
    const bridged = await twilio(queueUrl('CA1', 'after'), { ...call('CA1'), QueueResult: 'leave' });
    expect(bridged.xml).toContain(
      '<Dial action="/twilio/queue/twilio-CA1/dialed" method="POST"><Number>+15550001111</Number></Dial>',
    );
    // The agent's leg ends: the contact ends for the agent, who wraps it up.
    expect((await twilio(queueUrl('CA1', 'dialed'), { ...call('CA1'), DialCallStatus: 'completed' })).xml).toContain(
      '<Hangup/>',
    );
    const desk = await t.api('GET', '/api/desk', undefined, { token: anaToken });
    expect(desk.body.wrapUps.map((c: { id: string }) => c.id)).toEqual(['twilio-CA1']);
    await t.api(
      'POST',
      '/api/desk/contacts/twilio-CA1/wrap-up',
      { disposition: 'resolved', notes: '' },
      { token: anaToken },
    );
  });

  it('bridges to a SIP address when that is the agent’s phone', async () => {
    await t.api('PUT', '/api/agents/ana', {
      name: 'Ana',
      login: 'ana',
      languages: ['en', 'zh-CN', 'ko'],
      queues: ['support'],
      phone: 'sip:ana@pbx.example.com',
    });
    await twilio('/twilio/voice/hold', call('CA3'));
    await accept('twilio-CA3');
    const bridged = await twilio(queueUrl('CA3', 'after'), { ...call('CA3'), QueueResult: 'leave' });
    expect(bridged.xml).toContain('<Sip>sip:ana@pbx.example.com</Sip>');
    await twilio(queueUrl('CA3', 'dialed'), call('CA3'));
    await t.api(
      'POST',
      '/api/desk/contacts/twilio-CA3/wrap-up',
      { disposition: 'resolved', notes: '' },
      { token: anaToken },
    );
  });

  it('takes the callback key in the caller’s language: the call ends politely and the contact keeps its place', async () => {
    await t.api('PUT', '/api/desk/state', { state: 'offline' }, { token: anaToken });
    await twilio('/twilio/voice/hold?locale=zh-CN', call('CA2'));
    const wait = await twilio(`${queueUrl('CA2', 'wait')}?locale=zh-CN`, call('CA2'));
    expect(wait.xml).toMatch(
      /<Say language="cmn-CN"[^>]*>您目前排在第1位，预计等待约\d+分钟。如需保留排队位置并等候回电，请按1。<\/Say>/,
    );
    const pressed = await twilio(queueUrl('CA2', 'key'), { ...call('CA2'), Digits: '1' });
    expect(pressed.xml).toMatch(
      /<Say [^>]*>谢谢。您的排队位置保持不变，坐席将按您的来电号码给您回电。再见。<\/Say><Hangup\/>/,
    );
    // Twilio reports the hang-up to the Enqueue action: a callback is not an abandoned call.
    expect((await twilio(queueUrl('CA2', 'after'), { ...call('CA2'), QueueResult: 'hangup' })).xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response></Response>',
    );
    expect(await waitingIds()).toEqual(['twilio-CA2']);
    const contact = await accept('twilio-CA2');
    // The number is masked per the contact masking rules (callerNumber is a sensitive contact field by default),
    // exactly as the desk shows contact.callerNumber.
    const context = contact['context'] as { callback: { number: string }; contact: { callerNumber: string } };
    expect(context.callback.number).toBe(context.contact.callerNumber);
    expect(context.callback.number).not.toContain('5551230000');
    await t.api('POST', '/api/desk/contacts/twilio-CA2/end', undefined, { token: anaToken });
    await t.api(
      'POST',
      '/api/desk/contacts/twilio-CA2/wrap-up',
      { disposition: 'resolved', notes: '' },
      { token: anaToken },
    );
  });

  it('abandons the contact of a caller who hangs up while waiting', async () => {
    await t.api('PUT', '/api/desk/state', { state: 'offline' }, { token: anaToken });
    await twilio('/twilio/voice/hold', call('CA4'));
    expect(await waitingIds()).toContain('twilio-CA4');
    await twilio(queueUrl('CA4', 'after'), { ...call('CA4'), QueueResult: 'hangup' });
    expect(await waitingIds()).not.toContain('twilio-CA4');
    // The queue's wait URL of a contact that is gone ends the call with an apology, never silence.
    expect((await twilio(queueUrl('CA4', 'wait'), call('CA4'))).xml).toMatch(
      /<Say [^>]*>Sorry, no agent[^<]*<\/Say><Hangup\/>/,
    );
  });

  it('answers a bad agent phone, callback key or prompt interval with what to fix and where', async () => {
    const agent = { name: 'Ana', login: 'ana', languages: ['en'], queues: ['support'] };
    const phone = await t.api('PUT', '/api/agents/ana', { ...agent, phone: '555-1234' });
    expect(phone.status).toBe(400);
    expect(phone.body.errors[0]).toMatchObject({ pointer: '/phone' });
    const queue = await t.api('PUT', '/api/queues/support', {
      name: 'Support',
      callbackKey: '12',
      holdPromptSeconds: 3,
    });
    expect(queue.status).toBe(400);
    expect(queue.body.errors.map((e: { pointer: string }) => e.pointer).toSorted()).toEqual([
      '/callbackKey',
      '/holdPromptSeconds',
    ]);
  });

  it('offers no callback on a queue whose callback key is "none"', async () => {
    await t.api('PUT', '/api/queues/support', { name: 'Support', dispositions: ['resolved'], callbackKey: 'none' });
    await t.api('PUT', '/api/desk/state', { state: 'offline' }, { token: anaToken });
    await twilio('/twilio/voice/hold', call('CA5'));
    const wait = await twilio(queueUrl('CA5', 'wait'), call('CA5'));
    expect(wait.xml).not.toContain('<Gather');
    expect(wait.xml).not.toContain('called back');
    expect(wait.xml).toMatch(/<Say [^>]*>You are number 1 in the queue\.[^<]*<\/Say><Play>\/twilio\/hold\.wav<\/Play>/);
    expect((await twilio(queueUrl('CA5', 'key'), { ...call('CA5'), Digits: '1' })).xml).toContain('<Redirect');
    await twilio(queueUrl('CA5', 'after'), { ...call('CA5'), QueueResult: 'hangup' });
  });

  it('refuses unsigned requests and a CallSid that is not the contact’s', async () => {
    expect((await twilio(queueUrl('CA1', 'wait'), call('CA1'), { sign: false })).status).toBe(403);
    const other = await twilio(queueUrl('CA1', 'wait'), call('CA9'));
    expect(other.status).toBe(400);
    expect(other.xml).toContain('TWILIO_CALLSID');
  });

  it('serves the hold audio Twilio plays: 5 s of 8 kHz PCM that is not silence', async () => {
    const response = await fetch(`${t.url}/twilio/hold.wav`);
    expect(response.headers.get('content-type')).toContain('audio/wav');
    const wav = parseWav(new Uint8Array(await response.arrayBuffer()));
    expect(wav?.sampleRate).toBe(8000);
    expect(wav?.samples.length).toBe(40_000);
    expect(Math.max(...(wav?.samples ?? [0]))).toBeGreaterThan(1000);
  });
});
