import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pinFlow } from '../testing/testFlows.ts';
import { startTestRuntime, type TestRuntime } from '../testing/startTestRuntime.ts';
import { TOO_MANY_SESSIONS_CLOSE_CODE } from './attachVoiceGateway.ts';
import { FakePhone } from './voiceTestHarness.ts';

// Issue 14 point 5: a call over /ws/voice counts against the same live-session caps as a REST or chat session.
describe('live-session caps on the voice gateway (issue 14)', { timeout: 60_000 }, () => {
  let t: TestRuntime;
  let url: string;
  const channels: string[] = [];
  beforeAll(async () => {
    t = await startTestRuntime({ OMNIFLOW_MAX_SESSIONS_PER_TOKEN: '1', OMNIFLOW_MAX_SESSIONS_PER_CLIENT: '2' });
    await t.api('POST', '/api/flows', { flow: pinFlow('capped-voice') });
    await t.api('POST', '/api/flows/capped-voice/publish', {});
    for (let i = 0; i < 3; i += 1)
      channels.push((await t.api('POST', '/api/flows/capped-voice/channel-tokens', {})).body.token);
    url = `${t.url.replace(/^http/, 'ws')}/ws/voice`;
  });
  afterAll(async () => {
    await t.close();
  });

  const tokenA = () => channels[0] ?? '';
  const tokenB = () => channels[1] ?? '';
  const tokenC = () => channels[2] ?? '';
  /** Dials and waits until the call is answered with prompt audio or refused. */
  const call = async (token: string, callSid: string): Promise<FakePhone> => {
    const phone = await FakePhone.dial(url, 'twilio', { token }, { callSid });
    await phone.waitFor(() => phone.messages.some((m) => m.event === 'media'), { realMs: 10_000 });
    return phone;
  };
  const status = async (callSid: string) => (await t.api('GET', `/api/sessions/voice-${callSid}`)).body.session?.status;
  const until = async (done: () => Promise<boolean>) => {
    for (let i = 0; i < 200 && !(await done()); i += 1) await new Promise((resolve) => setTimeout(resolve, 25));
  };

  it('refuses a second call on a channel token at its cap with 4429 and the reason, leaving the first call alone', async () => {
    const first = await call(tokenA(), 'CA1');
    expect(first.closedWith).toBeNull();
    const second = await call(tokenA(), 'CA2');
    expect(second.closedWith).toBe(TOO_MANY_SESSIONS_CLOSE_CODE);
    expect(second.closedReason).toMatch(/channel token already holds 1 live sessions; end one or retry in \d+ s/);
    expect(second.messages.some((m) => m.event === 'media')).toBe(false);
    expect((await t.api('GET', '/api/sessions/voice-CA2')).status).toBe(404);
    // The first call still plays its prompt and takes keys.
    const heard = first.messages.length;
    first.press('1');
    expect(await first.waitFor(() => first.messages.length > heard, { realMs: 10_000 })).toBe(true);
    expect(first.closedWith).toBeNull();

    first.hangUp();
    await until(async () => (await status('CA1')) === 'ended');
    expect(await status('CA1')).toBe('ended');
    const again = await call(tokenA(), 'CA3');
    expect(again.closedWith).toBeNull();
    again.hangUp();
    await until(async () => (await status('CA3')) === 'ended');
  });

  it('refuses a call past the per-client cap, and frees the slot when a caller drops the socket', async () => {
    const first = await call(tokenB(), 'CB1');
    const second = await call(tokenC(), 'CC1');
    expect([first.closedWith, second.closedWith]).toEqual([null, null]);
    const third = await call(tokenA(), 'CA4');
    expect(third.closedWith).toBe(TOO_MANY_SESSIONS_CLOSE_CODE);
    expect(third.closedReason).toMatch(/client address already holds 2 live sessions/);
    // A dropped connection (no `stop`) ends the session all the same.
    first.ws.terminate();
    await until(async () => (await status('CB1')) === 'ended');
    expect(await status('CB1')).toBe('ended');
    const fourth = await call(tokenA(), 'CA5');
    expect(fourth.closedWith).toBeNull();
    second.hangUp();
    fourth.hangUp();
    await until(async () => (await status('CC1')) === 'ended' && (await status('CA5')) === 'ended');
  });

  it('refuses a call repeating a live CallSid without freeing the live call’s slot', async () => {
    const first = await call(tokenB(), 'CB2');
    expect(first.closedWith).toBeNull();
    const repeat = await call(tokenC(), 'CB2');
    expect(repeat.closedWith).toBe(1008);
    expect(await status('CB2')).toBe('active');
    // CB2 still holds one of this address's two slots: one more call fits, the next does not.
    const second = await call(tokenC(), 'CC2');
    expect(second.closedWith).toBeNull();
    const third = await call(tokenA(), 'CA6');
    expect(third.closedWith).toBe(TOO_MANY_SESSIONS_CLOSE_CODE);
    expect(third.closedReason).toMatch(/client address/);
    first.hangUp();
    second.hangUp();
  });
});
