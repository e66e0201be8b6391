import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { pinFlow, voiceQueueFlow } from '../../testing/testFlows.ts';
import { startTestRuntime, TEST_ADMIN_TOKEN, type TestRuntime } from '../../testing/startTestRuntime.ts';
import { createDefaultVoiceEngines } from '../../voice/createDefaultVoiceEngines.ts';
import { concatPcm, powerDbfs } from '../../voice/pcm.ts';
import { resample } from '../../voice/resample.ts';
import type { Synthesizer } from '../../voice/Synthesizer.ts';
import { dtmfTone, fliteSpeech, silence } from '../../voice/testAudio.ts';
import { FakePhone } from '../../voice/voiceTestHarness.ts';
import { openDeskAudio } from './openDeskAudio.ts';

// Issue 16, points 3 and 5 on media streams: hold prompts and a callback key through the voice gateway's real audio
// path, then the caller bridged with the desk's audio socket (mute, hold, hang-up, keys kept from the agent).
const engines = createDefaultVoiceEngines();
const said: { text: string; locale: string }[] = [];
const spokenBy: Synthesizer = {
  name: 'recording',
  voiceFor: (locale) => engines.synthesizer.voiceFor(locale),
  synthesize(text, locale, signal) {
    said.push({ text, locale });
    return engines.synthesizer.synthesize(text, locale, signal);
  },
};
const PHRASES = ['please check my account balance', 'your new card is on its way', 'i lost my credit card'];
const GRAMMAR = `#JSGF V1.0; grammar phrases; public <p> = ${PHRASES.join(' | ')};`;

let t: TestRuntime;
let token: string;
let deskToken: string;

beforeAll(async () => {
  t = await startTestRuntime({}, {}, { voiceEngines: { recognizer: engines.recognizer, synthesizer: spokenBy } });
  await t.api('POST', '/api/flows', { flow: voiceQueueFlow('hold', 'support', 10) });
  await t.api('POST', '/api/flows/hold/publish', {});
  await t.api('POST', '/api/flows', { flow: pinFlow('pin-check') });
  await t.api('POST', '/api/flows/pin-check/publish', {});
  token = (await t.api('POST', '/api/flows/hold/channel-tokens', {})).body.token;
  await t.api('PUT', '/api/queues/support', { name: 'Support', dispositions: ['resolved'], afterCallWorkSeconds: 0 });
  const ana = { name: 'Ana', login: 'ana', password: 'ana-password', languages: ['en', 'zh-CN'], queues: ['support'] };
  await t.api('PUT', '/api/agents/ana', ana);
  deskToken = (await t.api('POST', '/api/desk/sign-in', { login: 'ana', password: 'ana-password' }, { token: null }))
    .body.token;
}, 30_000);
afterAll(async () => {
  await t.close();
});

const voiceUrl = () => `${t.url.replace(/^http/, 'ws')}/ws/voice`;
const dial = (callSid: string, locale: string) =>
  FakePhone.dial(voiceUrl(), 'twilio', { token, flowId: 'hold', locale, from: '+15551230000' }, { callSid });

async function acceptWhenOffered(contactId: string): Promise<Record<string, unknown>> {
  const desk = await t.api('GET', '/api/desk', undefined, { token: deskToken });
  if (desk.body.agent.state !== 'available')
    await t.api('PUT', '/api/desk/state', { state: 'available' }, { token: deskToken });
  const accepted = await t.api('POST', `/api/desk/offers/${contactId}/accept`, undefined, { token: deskToken });
  expect(accepted.body.errors ?? accepted.status).toBe(200);
  return accepted.body.contact;
}

/** The desk's audio socket as a browser would use it, collecting the caller's audio (16 kHz). */
const deskAudio = (contactId: string) =>
  openDeskAudio(`${t.url.replace(/^http/, 'ws')}/ws/desk-audio?token=${deskToken}&contact=${contactId}`);

const recognize = async (pcm16k: Int16Array) =>
  (await engines.recognizer.recognize(pcm16k, GRAMMAR, 'en-US', new AbortController().signal))?.transcript ?? null;

describe('a media-stream caller waiting for an agent', { timeout: 90_000 }, () => {
  it('hears the place every N seconds of the call in its language over hold audio, and keeps it with the callback key', async () => {
    said.length = 0;
    const phone = await dial('CAwait1', 'zh-CN');
    const prompts = () => said.filter((s) => s.text.startsWith('您目前排在第'));
    expect(await phone.waitFor(() => prompts().length === 1, { audioMs: 5000 })).toBe(true);
    expect(prompts()[0]).toEqual({
      text: expect.stringMatching(/^您目前排在第1位，预计等待约\d+分钟。如需保留排队位置并等候回电，请按1。$/),
      locale: 'zh-CN',
    });
    // 25 s more of the call: prompts at 10 s and 20 s, hold audio between them.
    await phone.waitFor(() => false, { audioMs: 25_000, realMs: 60_000 });
    expect(prompts()).toHaveLength(3);
    phone.takeHeard();
    await phone.waitFor(() => false, { audioMs: 2000 });
    expect(powerDbfs(phone.takeHeard())).toBeGreaterThan(-35);

    phone.press('1');
    expect(await phone.waitFor(() => phone.closedWith !== null, { audioMs: 15_000, realMs: 30_000 })).toBe(true);
    expect(said.at(-1)?.text).toContain('您的排队位置保持不变');
    // The contact keeps its place; the agent who takes it sees a callback.
    const overview = await t.api('GET', '/api/desk/supervisor');
    expect(overview.body.waiting.map((w: { contactId: string }) => w.contactId)).toContain('voice-CAwait1');
    const contact = await acceptWhenOffered('voice-CAwait1');
    expect(contact['context']).toMatchObject({
      voice: { bridge: 'browser' },
      callback: { number: expect.any(String) },
    });
    await t.api('POST', '/api/desk/contacts/voice-CAwait1/end', undefined, { token: deskToken });
    await t.api(
      'POST',
      '/api/desk/contacts/voice-CAwait1/wrap-up',
      { disposition: 'resolved', notes: '' },
      { token: deskToken },
    );
  });

  it('bridges the caller with the desk audio both ways; mute, hold and hang-up; keys never reach the agent', async () => {
    said.length = 0;
    const phone = await dial('CAbridge1', 'en-US');
    expect(await phone.waitFor(() => said.some((s) => s.text.startsWith('You are number')), { audioMs: 5000 })).toBe(
      true,
    );
    await acceptWhenOffered('voice-CAbridge1');
    const desk = await deskAudio('voice-CAbridge1');
    await phone.waitFor(() => false, { audioMs: 500 });
    phone.takeHeard();
    desk.take();

    // Caller → agent, recognized by pocketsphinx from what the desk received.
    await phone.say(concatPcm([fliteSpeech(PHRASES[0] ?? '', 8000), silence(600, 8000)]));
    await phone.waitFor(() => false, { audioMs: 300 });
    expect(await recognize(desk.take())).toBe(PHRASES[0]);

    // Agent → caller, recognized from what the phone heard (8 kHz μ-law, back at 16 kHz).
    phone.takeHeard();
    await desk.say(concatPcm([fliteSpeech(PHRASES[1] ?? '', 16000), silence(400, 16000)]));
    await phone.waitFor(() => false, { audioMs: 500 });
    const callerHeard = phone.takeHeard();
    expect(await recognize(resample(callerHeard, 8000, 16000))).toBe(PHRASES[1]);

    // A key the caller presses is cut out of the agent's audio (in-band tone and out-of-band event alike).
    desk.take();
    await phone.say(concatPcm([silence(200, 8000), dtmfTone('5', 120, 8000), silence(400, 8000)]));
    phone.press('7');
    await phone.waitFor(() => false, { audioMs: 300 });
    expect(powerDbfs(desk.take())).toBeLessThan(-50);

    // Mute: the caller hears nothing of the agent.
    desk.control({ type: 'mute', on: true });
    await waitUntil(() => desk.legs.some((l) => l['muted'] === true));
    phone.takeHeard();
    await desk.say(fliteSpeech(PHRASES[2] ?? '', 16000));
    await phone.waitFor(() => false, { audioMs: 500 });
    expect(powerDbfs(phone.takeHeard())).toBeLessThan(-50);
    desk.control({ type: 'mute', on: false });

    // Hold: the caller hears hold audio, the agent hears nothing of the caller.
    desk.control({ type: 'hold', on: true });
    await waitUntil(() => desk.legs.some((l) => l['held'] === true));
    desk.take();
    phone.takeHeard();
    await phone.say(fliteSpeech(PHRASES[2] ?? '', 8000));
    expect(powerDbfs(phone.takeHeard())).toBeGreaterThan(-35);
    expect(desk.take().length).toBe(0);
    desk.control({ type: 'hold', on: false });

    // Hang-up from the desk: the call ends and the agent wraps it up.
    desk.control({ type: 'hangup' });
    expect(await phone.waitFor(() => phone.closedWith !== null, { audioMs: 3000 })).toBe(true);
    expect(await desk.closed).toBe(1000);
    await waitUntil(async () => {
      const snapshot = await t.api('GET', '/api/desk', undefined, { token: deskToken });
      return snapshot.body.wrapUps.some((c: { id: string }) => c.id === 'voice-CAbridge1');
    });
  });

  it('sends the caller through a secure flow: keys reach only the flow, the agent hears nothing, the desk sees how it ended', async () => {
    said.length = 0;
    const phone = await dial('CAflow1', 'en-US');
    expect(await phone.waitFor(() => said.some((s) => s.text.startsWith('You are number')), { audioMs: 5000 })).toBe(
      true,
    );
    await acceptWhenOffered('voice-CAflow1');
    const desk = await deskAudio('voice-CAflow1');
    const sent = await t.api(
      'POST',
      '/api/desk/contacts/voice-CAflow1/flow',
      { flowId: 'pin-check', nodeId: 'askPin' },
      { token: deskToken },
    );
    expect(sent.status).toBeLessThan(300);
    expect(await phone.waitFor(() => said.some((s) => s.text.includes('four digit PIN')), { audioMs: 8000 })).toBe(
      true,
    );
    await waitUntil(() => desk.legs.some((l) => l['secureFlow'] === true));
    desk.take();
    // The caller keys the PIN as tones in the audio: the flow hears them, the agent hears nothing at all.
    for (const digit of '2468') await phone.say(concatPcm([dtmfTone(digit, 100, 8000), silence(120, 8000)]));
    expect(await phone.waitFor(() => said.some((s) => s.text.startsWith('Thanks')), { audioMs: 10_000 })).toBe(true);
    expect(desk.take().length).toBe(0);
    expect(await phone.waitFor(() => desk.legs.at(-1)?.['secureFlow'] === false, { audioMs: 20_000 })).toBe(true);
    const contact = await t.api('GET', '/api/desk/contacts/voice-CAflow1', undefined, { token: deskToken });
    const lines: string[] = contact.body.contact.messages.map((m: { text: string }) => m.text);
    expect(lines).toContain('pin-check: done');
    expect(lines.join(' ')).not.toContain('2468');
    // Back with the agent: the caller's voice reaches the desk again.
    await phone.say(concatPcm([fliteSpeech(PHRASES[2] ?? '', 8000), silence(600, 8000)]));
    await phone.waitFor(() => false, { audioMs: 300 });
    expect(await recognize(desk.take())).toBe(PHRASES[2]);
    desk.control({ type: 'hangup' });
    expect(await desk.closed).toBe(1000);
  });

  it('ends the contact for the agent when the caller hangs up mid-call, and answers a bad control with what to send', async () => {
    said.length = 0;
    const phone = await dial('CAgone1', 'en-US');
    expect(await phone.waitFor(() => said.some((s) => s.text.startsWith('You are number')), { audioMs: 5000 })).toBe(
      true,
    );
    await acceptWhenOffered('voice-CAgone1');
    const desk = await deskAudio('voice-CAgone1');
    desk.ws.send('{"type":"volume","on":11}');
    await waitUntil(() => desk.legs.some((l) => l['type'] === 'error'));
    expect(desk.legs.find((l) => l['type'] === 'error')).toMatchObject({ errors: [{ code: 'BAD_CONTROL' }] });
    phone.hangUp();
    expect(await desk.closed).toBe(1000);
    expect(desk.legs.at(-1)).toMatchObject({ type: 'leg', ended: true });
    await waitUntil(async () => {
      const snapshot = await t.api('GET', '/api/desk', undefined, { token: deskToken });
      return snapshot.body.wrapUps.some((c: { id: string }) => c.id === 'voice-CAgone1');
    });
  });

  it('follows the desk: a transfer back to a queue puts the caller on hold prompts again, "End chat" ends the call', async () => {
    said.length = 0;
    const phone = await dial('CAxfer1', 'en-US');
    const prompts = () => said.filter((s) => s.text.startsWith('You are number')).length;
    expect(await phone.waitFor(() => prompts() === 1, { audioMs: 5000 })).toBe(true);
    await acceptWhenOffered('voice-CAxfer1');
    const first = await deskAudio('voice-CAxfer1');
    await phone.waitFor(() => false, { audioMs: 300 });
    const moved = await t.api(
      'POST',
      '/api/desk/contacts/voice-CAxfer1/transfer',
      { queueId: 'support', note: 'back to the queue' },
      { token: deskToken },
    );
    expect(moved.status).toBeLessThan(300);
    await phone.waitFor(() => false, { audioMs: 300 });
    expect(await first.closed).toBe(1000);
    expect(await phone.waitFor(() => prompts() === 2, { audioMs: 5000 })).toBe(true);
    phone.takeHeard();
    await phone.waitFor(() => false, { audioMs: 1000 });
    expect(powerDbfs(phone.takeHeard())).toBeGreaterThan(-35);
    // Taken again, the new desk audio works; "End chat" in the desk hangs the call up.
    const again = await acceptWhenOffered('voice-CAxfer1');
    expect(again['context']).toMatchObject({ note: 'back to the queue' });
    const second = await deskAudio('voice-CAxfer1');
    await phone.say(concatPcm([fliteSpeech(PHRASES[0] ?? '', 8000), silence(600, 8000)]));
    await phone.waitFor(() => false, { audioMs: 300 });
    expect(await recognize(second.take())).toBe(PHRASES[0]);
    await t.api('POST', '/api/desk/contacts/voice-CAxfer1/end', undefined, { token: deskToken });
    expect(await phone.waitFor(() => phone.closedWith !== null, { audioMs: 3000 })).toBe(true);
    await t.api(
      'POST',
      '/api/desk/contacts/voice-CAxfer1/wrap-up',
      { disposition: 'resolved', notes: '' },
      { token: deskToken },
    );
  });

  it('lets a draft run (the designer simulator) end at the transfer instead of queueing a test call', async () => {
    const phone = await FakePhone.dial(
      voiceUrl(),
      'twilio',
      { token: TEST_ADMIN_TOKEN, flowId: 'hold', locale: 'en-US', draft: 'true' },
      { callSid: 'CAdraft1' },
    );
    expect(await phone.waitFor(() => phone.closedWith !== null, { audioMs: 10_000 })).toBe(true);
    const overview = await t.api('GET', '/api/desk/supervisor');
    expect(overview.body.waiting.map((w: { contactId: string }) => w.contactId)).not.toContain('voice-CAdraft1');
  });

  it('refuses the desk audio of a contact the agent does not hold', async () => {
    const ws = new WebSocket(`${t.url.replace(/^http/, 'ws')}/ws/desk-audio?token=${deskToken}&contact=nobody`);
    const code = await new Promise<number>((resolve) => ws.on('close', (c) => resolve(c)));
    expect(code).toBe(4404);
  });
});

async function waitUntil(done: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
