import type { TurnResult } from '@omniflow/flow-engine';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { concatPcm } from './pcm.ts';
import { firstSentence } from './firstSentence.ts';
import { FliteSynthesizer } from './FliteSynthesizer.ts';
import { mulawDecode } from './mulaw.ts';
import { fliteSpeech, silence, soxDtmf, whiteNoise } from './testAudio.ts';
import { bankFlow, type EngineCall, FakePhone, startEngineGateway } from './voiceTestHarness.ts';

const flite = new FliteSynthesizer();

/** The audio the gateway sends for these prompts: each prompt's first sentence, then the rest, as flite says them. */
function promptAudio(says: readonly string[]) {
  return Promise.all(
    says.flatMap(firstSentence).map((text) => flite.synthesize(text, 'en-US', new AbortController().signal)),
  );
}

/** True when `heard` (at `rate`) is exactly the audio of the prompts the turn said, in order, start to end. */
async function playedTurn(heard: Int16Array, rate: number, turn: TurnResult | undefined): Promise<boolean> {
  const says = (turn?.outputs ?? []).flatMap((o) => (o.type === 'say' ? [o.text] : []));
  const audios = await promptAudio(says);
  const expected = concatPcm(audios.map((a) => (rate === 8000 ? mulawDecode(a.mulaw8k) : a.pcm16k)));
  return says.length > 0 && heard.length === expected.length && heard.every((s, i) => s === expected[i]);
}

const saysOf = (turn: TurnResult | undefined) =>
  (turn?.outputs ?? []).flatMap((o) => (o.type === 'say' ? [o.text] : [])).join(' ');

const count = (call: EngineCall | undefined, type: string) => call?.events.filter((e) => e.type === type).length ?? 0;
/** True once the session has been at `nodeId`: waiting there, or passing through and saying something. */
const reached = (call: EngineCall | undefined, nodeId: string) =>
  call?.turns.some((t) => t.nodeId === nodeId || t.outputs.some((o) => o.type === 'say' && o.nodeId === nodeId)) ??
  false;
const PARAMS = { flowId: 'bank', token: 'good-token', locale: 'en-US' };

describe('voice gateway, end to end', { timeout: 90_000 }, () => {
  let gw: Awaited<ReturnType<typeof startEngineGateway>>;
  beforeEach(async () => {
    gw = await startEngineGateway(bankFlow);
  });
  afterEach(async () => {
    await gw.close();
  });
  const call = () => gw.calls[0];

  it('takes a caller who says "activate my card" to card activation and answers with its next prompt as audio', async () => {
    const phone = await FakePhone.dial(gw.url, 'twilio', PARAMS);
    expect(await phone.waitFor(() => count(call(), 'listening') === 1)).toBe(true);
    const menu = phone.takeHeard();
    // Welcome + "Main menu. You can say balance or card activation." at 8 kHz.
    expect(menu.length / 8000).toBeGreaterThan(5);
    await phone.say(concatPcm([fliteSpeech('activate my card', 8000), phone.lineNoise(200)]));
    expect(await phone.waitFor(() => count(call(), 'listening') === 2)).toBe(true);
    expect(call()?.inputs[0]).toMatchObject({ type: 'speech', transcript: 'activate my card' });
    expect(reached(call(), 'lastFour')).toBe(true);
    expect(saysOf(call()?.turns[1])).toMatch(/^Please enter the last four digits of your card\./);
    expect(await playedTurn(phone.takeHeard(), 8000, call()?.turns[1])).toBe(true);
    phone.hangUp();
  });

  it('hears keys pressed as sox-made tones, and keeps the sensitive digits out of logs and events', async () => {
    const phone = await FakePhone.dial(gw.url, 'twilio', PARAMS);
    await phone.waitFor(() => count(call(), 'listening') === 1);
    await phone.say(concatPcm([soxDtmf('2', 0.08, 8000), silence(100, 8000)]));
    expect(await phone.waitFor(() => count(call(), 'listening') === 2)).toBe(true);
    expect(reached(call(), 'lastFour')).toBe(true);
    for (const key of '4321') await phone.say(concatPcm([soxDtmf(key, 0.07, 8000), phone.lineNoise(80)]));
    expect(await phone.waitFor(() => phone.closedWith !== null)).toBe(true);
    expect(call()?.inputs).toEqual([
      { type: 'dtmf', digits: '2' },
      { type: 'dtmf', digits: '4321' },
    ]);
    expect(reached(call(), 'activated')).toBe(true);
    expect(
      call()
        ?.events.filter((e) => e.type === 'dtmf')
        .map((e) => (e.type === 'dtmf' ? e.digits : '')),
    ).toEqual(['2', '••••']);
    expect(gw.logs.join('\n')).not.toContain('4321');
    expect(JSON.stringify(call()?.turns.map((t) => t.transcript))).not.toContain('4321');
    expect(phone.closedWith).toBe(1000);
  });

  it('stops the prompt when the caller speaks over it (clear), then follows what was said', async () => {
    const phone = await FakePhone.dial(gw.url, 'twilio', PARAMS);
    await phone.waitFor(() => count(call(), 'audioSent') >= 1);
    await phone.waitFor(() => false, { audioMs: 1200 });
    expect(count(call(), 'listening')).toBe(0);
    await phone.say(concatPcm([fliteSpeech('check my balance', 8000), phone.lineNoise(100)]));
    expect(phone.clears).toBe(1);
    expect(call()?.events.find((e) => e.type === 'bargeIn')).toMatchObject({ by: 'speech' });
    expect(await phone.waitFor(() => reached(call(), 'balance'))).toBe(true);
    expect(call()?.inputs[0]).toMatchObject({ type: 'speech', transcript: 'check my balance' });
    phone.hangUp();
  });

  it('stops the prompt on a key pressed out of band', async () => {
    const phone = await FakePhone.dial(gw.url, 'twilio', PARAMS);
    await phone.waitFor(() => count(call(), 'audioSent') >= 1);
    await phone.waitFor(() => false, { audioMs: 600 });
    phone.press('1');
    // The session reaches the node in this process before the phone's socket has delivered the clear: wait for both.
    expect(await phone.waitFor(() => reached(call(), 'balance') && phone.clears >= 1)).toBe(true);
    expect(call()?.events.find((e) => e.type === 'bargeIn')).toMatchObject({ by: 'dtmf' });
    phone.hangUp();
  });

  it('takes the no-input path after 5 s of silence: a reprompt, then goodbye', async () => {
    const phone = await FakePhone.dial(gw.url, 'twilio', PARAMS);
    await phone.waitFor(() => count(call(), 'listening') === 1);
    phone.takeHeard();
    expect(await phone.waitFor(() => count(call(), 'listening') === 2)).toBe(true);
    const events = call()?.events ?? [];
    const listening = events.find((e) => e.type === 'listening');
    const noInput = events.find((e) => e.type === 'noInput');
    expect((noInput?.atMs ?? 0) - (listening?.atMs ?? 0)).toBeGreaterThanOrEqual(5000);
    expect((noInput?.atMs ?? 0) - (listening?.atMs ?? 0)).toBeLessThan(5100);
    expect(saysOf(call()?.turns[1])).toMatch(/^Are you still there\?/);
    expect(await playedTurn(phone.takeHeard(), 8000, call()?.turns[1])).toBe(true);
    expect(await phone.waitFor(() => phone.closedWith !== null)).toBe(true);
    expect(call()?.inputs).toEqual([{ type: 'noInput' }, { type: 'noInput' }]);
    expect(reached(call(), 'bye')).toBe(true);
  });

  it('takes noise as speech without a result (no match), and the call goes on', async () => {
    const phone = await FakePhone.dial(gw.url, 'twilio', PARAMS);
    await phone.waitFor(() => count(call(), 'listening') === 1);
    phone.takeHeard();
    await phone.say(concatPcm([whiteNoise(1200, 8000, -22, 9), phone.lineNoise(100)]));
    expect(await phone.waitFor(() => count(call(), 'listening') === 2)).toBe(true);
    expect(call()?.inputs[0]).toEqual({ type: 'speech', transcript: '', confidence: 0 });
    expect(call()?.events.find((e) => e.type === 'recognized')).toMatchObject({ transcript: null });
    expect(saysOf(call()?.turns[1])).toMatch(/^Sorry, I did not get that\./);
    expect(await playedTurn(phone.takeHeard(), 8000, call()?.turns[1])).toBe(true);
    expect(phone.closedWith).toBeNull();
    await phone.say(concatPcm([fliteSpeech('activate my card', 8000), phone.lineNoise(100)]));
    expect(await phone.waitFor(() => reached(call(), 'lastFour'))).toBe(true);
    phone.hangUp();
  });

  it('serves the browser microphone in raw 16 kHz PCM mode', async () => {
    const phone = await FakePhone.dial(gw.url, 'raw', PARAMS);
    expect(await phone.waitFor(() => count(call(), 'listening') === 1)).toBe(true);
    phone.takeHeard();
    await phone.say(concatPcm([fliteSpeech('check my balance', 16000), phone.lineNoise(100)]));
    expect(await phone.waitFor(() => reached(call(), 'balance') && count(call(), 'audioSent') >= 4)).toBe(true);
    await phone.waitFor(() => phone.closedWith !== null);
    expect(saysOf(call()?.turns[1])).toMatch(/^Your balance is one hundred dollars\. Goodbye\.$/);
    expect(await playedTurn(phone.takeHeard(), 16000, call()?.turns[1])).toBe(true);
  });

  it('tells the browser (raw mode) the node and the masked variables after each turn, and never a Twilio stream', async () => {
    const phone = await FakePhone.dial(gw.url, 'raw', PARAMS);
    const turnsSent = () => phone.messages.filter((m) => m.event === 'turn').map((m) => m.turn);
    expect(await phone.waitFor(() => count(call(), 'listening') === 1)).toBe(true);
    expect(turnsSent()).toEqual([{ nodeId: 'main', status: 'active', variables: {} }]);
    phone.press('2');
    expect(await phone.waitFor(() => count(call(), 'listening') === 2)).toBe(true);
    expect(turnsSent()[1]).toEqual({ nodeId: 'lastFour', status: 'active', variables: {} });
    for (const key of '4321') phone.press(key);
    expect(await phone.waitFor(() => phone.closedWith !== null)).toBe(true);
    const last = turnsSent()[2];
    expect(last).toMatchObject({ status: 'ended', variables: { cardLastFour: '****' } });
    expect(JSON.stringify(phone.messages)).not.toContain('4321');
    // The turn frame comes before the prompts of its turn, so the simulator highlights the node as it speaks.
    const firstTurn = phone.messages.findIndex((m) => m.event === 'turn');
    const firstMark = phone.messages.findIndex((m) => m.event === 'mark');
    expect(firstTurn).toBeGreaterThanOrEqual(0);
    expect(firstTurn).toBeLessThan(firstMark);

    const twilio = await FakePhone.dial(gw.url, 'twilio', PARAMS);
    expect(await twilio.waitFor(() => gw.calls[1] !== undefined && count(gw.calls[1], 'listening') === 1)).toBe(true);
    expect(twilio.messages.map((m) => m.event).filter((e) => e !== 'media' && e !== 'mark')).toEqual([]);
    twilio.hangUp();
  });

  it('serves a jambonz listen stream: 8 kHz PCM both ways, killAudio on barge-in, keys as events', async () => {
    const phone = await FakePhone.dial(gw.url, 'jambonz', PARAMS);
    await phone.waitFor(() => count(call(), 'audioSent') >= 1);
    await phone.waitFor(() => false, { audioMs: 800 });
    phone.takeHeard();
    await phone.say(concatPcm([fliteSpeech('activate my card', 8000), phone.lineNoise(100)]));
    expect(phone.clears).toBe(1);
    expect(await phone.waitFor(() => count(call(), 'listening') === 2)).toBe(true);
    expect(call()?.parameters).toMatchObject({ mode: 'jambonz', sampleRate: 8000, flowId: 'bank' });
    expect(call()?.inputs[0]).toMatchObject({ type: 'speech', transcript: 'activate my card' });
    const heard = phone.takeHeard();
    const says = (call()?.turns[1]?.outputs ?? []).flatMap((o) => (o.type === 'say' ? [o.text] : []));
    const audios = await promptAudio(says);
    expect(heard.length).toBe(audios.reduce((n, a) => n + a.mulaw8k.length, 0));
    for (const key of '9876') phone.press(key);
    expect(await phone.waitFor(() => call()?.inputs.length === 2)).toBe(true);
    expect(call()?.inputs[1]).toEqual({ type: 'dtmf', digits: '9876' });
    phone.ws.close();
  });

  it('refuses a call with a bad token and survives junk on the socket', async () => {
    const refused = await FakePhone.dial(gw.url, 'twilio', { ...PARAMS, token: 'wrong' });
    await refused.waitFor(() => false, { realMs: 2000, audioMs: 400 });
    expect(refused.closedWith).toBe(1008);
    const phone = await FakePhone.dial(gw.url, 'twilio', PARAMS);
    phone.ws.send('not json');
    phone.ws.send(Buffer.from([1, 2, 3]));
    phone.json({ event: 'media', media: { payload: '%%%' } });
    phone.json({ event: 'whatever' });
    expect(await phone.waitFor(() => count(gw.calls[0], 'listening') === 1)).toBe(true);
    expect(gw.calls).toHaveLength(1);
    expect(gw.gateway.activeCalls).toBe(1);
    phone.hangUp();
    await phone.waitFor(() => gw.gateway.activeCalls === 0, { realMs: 2000 });
    expect(gw.gateway.activeCalls).toBe(0);
  });
});
