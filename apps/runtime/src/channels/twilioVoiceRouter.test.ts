import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postAsTwilio } from '../testing/postAsTwilio.ts';
import { pinFlow } from '../testing/testFlows.ts';
import { startTestRuntime, type TestRuntime } from '../testing/startTestRuntime.ts';

const AUTH_TOKEN = 'twilio-test-auth-token';
let t: TestRuntime;

beforeAll(async () => {
  t = await startTestRuntime({ TWILIO_AUTH_TOKEN: AUTH_TOKEN });
  await t.api('POST', '/api/flows', { flow: pinFlow('ivr') });
  await t.api('POST', '/api/flows/ivr/publish', {});
});
afterAll(async () => {
  await t.close();
});

/** Posts to the test runtime as Twilio does (signed). */
function twilio(path: string, fields: Record<string, string>, options: { sign?: boolean; tamper?: boolean } = {}) {
  return postAsTwilio(`${t.url}${path}`, AUTH_TOKEN, fields, options);
}

const call = (sid: string) => ({
  AccountSid: 'AC123',
  CallSid: sid,
  From: '+15551230000',
  To: '+15559870000',
  CallStatus: 'ringing',
  Direction: 'inbound',
});

describe('Twilio voice webhook', () => {
  it('answers an incoming call with a speech-and-keypad Gather and hints from the menu', async () => {
    const reply = await twilio('/twilio/voice/ivr', call('CA1'));
    expect(reply.status).toBe(200);
    expect(reply.type).toContain('text/xml');
    expect(reply.xml).toMatch(/<Gather [^>]*input="dtmf speech"[^>]*action="\/twilio\/voice\/ivr\/gather"/);
    expect(reply.xml).toMatch(/<Gather [^>]*numDigits="1"/);
    expect(reply.xml).toMatch(/<Gather [^>]*speechTimeout="auto"/);
    expect(reply.xml).toMatch(/<Gather [^>]*hints="[^"]*Balance/i);
    expect(reply.xml).toMatch(/<Say language="en-US" voice="Polly.Joanna">[^<]*Main menu/);
  });

  it('speaks and listens in the session locale on a zh-CN call, turn after turn (issue 19)', async () => {
    const first = await twilio('/twilio/voice/ivr?locale=zh-CN', call('CA9'));
    expect(first.xml).toMatch(/<Gather [^>]*input="dtmf speech"[^>]*language="zh-CN"/);
    expect(first.xml).toMatch(/<Say language="cmn-CN" voice="Polly.Zhiyu">[^<]*余额/);
    expect(first.xml).not.toContain('en-US');
    const next = await twilio('/twilio/voice/ivr/gather', { ...call('CA9'), SpeechResult: '余额', Confidence: '0.9' });
    expect(next.xml).toMatch(/<Say language="cmn-CN" voice="Polly.Zhiyu">/);
    expect(next.xml).not.toContain('en-US');
  });

  it('asks for a sensitive PIN on the keypad only, then says goodbye and hangs up', async () => {
    await twilio('/twilio/voice/ivr', call('CA2'));
    const pin = await twilio('/twilio/voice/ivr/gather', { ...call('CA2'), Digits: '1' });
    expect(pin.xml).toMatch(/<Gather [^>]*input="dtmf"[ >]/);
    expect(pin.xml).not.toContain('speechTimeout');
    const end = await twilio('/twilio/voice/ivr/gather', { ...call('CA2'), Digits: '4321' });
    expect(end.xml).toMatch(/Goodbye\.<\/Say><Hangup\/>/);
    expect(end.xml).not.toContain('4321');
  });

  it('understands speech results and transfers with Enqueue', async () => {
    await twilio('/twilio/voice/ivr', call('CA3'));
    const transfer = await twilio('/twilio/voice/ivr/gather', {
      ...call('CA3'),
      SpeechResult: 'agent',
      Confidence: '0.92',
    });
    expect(transfer.xml).toContain('<Enqueue>support</Enqueue>');
  });

  it('renders a keypad-only IVR with ?channel=dtmf and reprompts on an empty result', async () => {
    const first = await twilio('/twilio/voice/ivr?channel=dtmf', call('CA4'));
    expect(first.xml).toMatch(/<Gather [^>]*input="dtmf"[^>]*action="\/twilio\/voice\/ivr\/gather\?channel=dtmf"/);
    const again = await twilio('/twilio/voice/ivr/gather?channel=dtmf', call('CA4'));
    expect(again.xml).toContain('<Gather');
  });

  it('ends the session when Twilio reports the call completed', async () => {
    await twilio('/twilio/voice/ivr', call('CA8'));
    const status = await twilio('/twilio/voice/ivr/status', { ...call('CA8'), CallStatus: 'completed' });
    expect(status.status).toBe(204);
    expect((await t.api('GET', '/api/sessions/twilio-CA8')).body.session.status).toBe('ended');
  });

  it('rejects unsigned and tampered requests with 403', async () => {
    expect((await twilio('/twilio/voice/ivr', call('CA5'), { sign: false })).status).toBe(403);
    await twilio('/twilio/voice/ivr', call('CA6'));
    expect((await twilio('/twilio/voice/ivr/gather', { ...call('CA6'), Digits: '1' }, { tamper: true })).status).toBe(
      403,
    );
  });

  it('tells the caller politely when the flow does not exist', async () => {
    const reply = await twilio('/twilio/voice/missing', call('CA7'));
    expect(reply.xml).toMatch(/not in service.*<Hangup\/>/);
  });
});
