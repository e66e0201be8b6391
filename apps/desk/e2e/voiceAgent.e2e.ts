import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../designer/e2e/support/launchChromium.ts';
import { startTestRuntime, type TestRuntime } from '../../runtime/src/testing/startTestRuntime.ts';
import { voiceQueueFlow } from '../../runtime/src/testing/testFlows.ts';
import { createDefaultVoiceEngines } from '../../runtime/src/voice/createDefaultVoiceEngines.ts';
import { concatPcm, pcm16FromBytes, powerDbfs } from '../../runtime/src/voice/pcm.ts';
import { resample } from '../../runtime/src/voice/resample.ts';
import { fliteSpeech, silence } from '../../runtime/src/voice/testAudio.ts';
import { FakePhone } from '../../runtime/src/voice/voiceTestHarness.ts';

// Issue 16, point 5 on media streams: the agent talks from the desk in Chromium (its fake microphone plays a WAV
// synthesized by flite) with a caller on the Twilio media-stream protocol who says another phrase; each side's audio
// is recognized by pocketsphinx from what the other side received. Then mute, hold and hang-up from the desk.
const deskDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = resolve(deskDir, '../..');
const AGENT_PHRASE = 'your new card is on its way';
const CALLER_PHRASE = 'please check my account balance';
const GRAMMAR = `#JSGF V1.0; grammar phrases; public <p> = ${[AGENT_PHRASE, CALLER_PHRASE, 'i lost my credit card'].join(' | ')};`;
const engines = createDefaultVoiceEngines();

let t: TestRuntime;
let browser: Browser;
let agent: Page;
let token = '';
const deskReceived: Int16Array[] = [];
const pageErrors: string[] = [];

/** The longest stretch of speech in `pcm` (20 ms frames above −45 dBFS, gaps under 400 ms bridged), with margins. */
function longestSpeech(pcm: Int16Array, rate: number): Int16Array {
  const frame = rate / 50;
  let best: [number, number] = [0, 0];
  let start = -1;
  let lastVoiced = -1;
  for (let at = 0; at + frame <= pcm.length; at += frame) {
    const voiced = powerDbfs(pcm, at, at + frame) > -45;
    if (voiced) {
      if (start < 0 || at - lastVoiced > rate * 0.4) start = at;
      lastVoiced = at + frame;
      if (lastVoiced - start > best[1] - best[0]) best = [start, lastVoiced];
    }
  }
  return pcm.subarray(Math.max(0, best[0] - rate * 0.2), Math.min(pcm.length, best[1] + rate * 0.2));
}

async function recognize(pcm: Int16Array, rate: number): Promise<string | null> {
  const speech = resample(longestSpeech(pcm, rate), rate, 16000);
  return (
    (await engines.recognizer.recognize(speech, GRAMMAR, 'en-US', new AbortController().signal))?.transcript ?? null
  );
}

describe('an agent talks to a media-stream caller from the desk (issue 16)', () => {
  beforeAll(async () => {
    await build({ root: deskDir, configFile: join(deskDir, 'vite.config.ts'), logLevel: 'warn' });
    t = await startTestRuntime();
    await t.api('POST', '/api/flows', { flow: voiceQueueFlow('hold', 'support', 10) });
    await t.api('POST', '/api/flows/hold/publish', {});
    token = (await t.api('POST', '/api/flows/hold/channel-tokens', {})).body.token;
    await t.api('PUT', '/api/queues/support', { name: 'Support', dispositions: ['resolved'], afterCallWorkSeconds: 0 });
    await t.api('PUT', '/api/agents/ana', {
      name: 'Ana Agent',
      login: 'ana',
      password: 'ana-password',
      languages: ['en'],
      queues: ['support'],
    });
    // The agent's microphone: flite speaking, with a pause before it loops.
    const wav = join(mkdtempSync(join(tmpdir(), 'desk-voice-')), 'agent.wav');
    execFileSync('sh', [
      '-c',
      'flite -voice slt -t "$1" -o /dev/stdout | sox -t wav - -r 16000 -b 16 -c 1 "$2" pad 0.3 1.5',
      'sh',
      AGENT_PHRASE,
      wav,
    ]);
    browser = await launchChromium([
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-audio-capture=${wav}`,
      '--autoplay-policy=no-user-gesture-required',
    ]);
    const context = await browser.newContext({ viewport: { width: 1360, height: 860 } });
    await context.grantPermissions(['microphone']);
    agent = await context.newPage();
    agent.on('pageerror', (error) => pageErrors.push(String(error)));
    agent.on('websocket', (socket) => {
      if (!socket.url().includes('/ws/desk-audio')) return;
      socket.on('framereceived', ({ payload }) => {
        if (typeof payload !== 'string') deskReceived.push(pcm16FromBytes(new Uint8Array(payload)));
      });
    });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('carries each side’s speech to the other, then mutes, holds and hangs up from the desk', async () => {
    await agent.goto(`${t.url}/desk/`);
    await agent.getByLabel('Login').fill('ana');
    await agent.getByLabel('Password').fill('ana-password');
    await agent.getByRole('button', { name: 'Sign in' }).click();
    await agent.locator('.online.on').waitFor();
    await agent.getByLabel('State').selectOption('available');

    const phone = await FakePhone.dial(
      `${t.url.replace(/^http/, 'ws')}/ws/voice`,
      'twilio',
      { token, flowId: 'hold', locale: 'en-US', from: '+15551230000' },
      { callSid: 'CAdesk1' },
    );
    phone.pace = 'realtime';
    // The caller stays on the line (its audio is the call's clock) until the desk rings, then the agent accepts.
    const ringing = agent.locator('.offer').getByRole('button', { name: 'Accept' });
    let rang = false;
    void ringing.waitFor({ timeout: 60_000 }).then(() => (rang = true));
    expect(await phone.waitFor(() => rang, { audioMs: 60_000, realMs: 60_000 })).toBe(true);
    await ringing.click();
    await agent.locator('.browser-leg[data-leg="live"]').waitFor({ timeout: 15_000 });

    // Agent → caller: the desk's microphone (the WAV) reaches the phone; recognized from what the phone heard.
    phone.takeHeard();
    await phone.waitFor(() => false, { audioMs: 6000, realMs: 12_000 });
    const callerHeard = phone.takeHeard();
    expect(await recognize(callerHeard, 8000)).toBe(AGENT_PHRASE);

    // Caller → agent: the phone's phrase reaches the desk's audio socket; recognized from what the desk received.
    deskReceived.length = 0;
    const spoken = concatPcm([fliteSpeech(CALLER_PHRASE, 8000), silence(800, 8000)]);
    await phone.say(spoken);
    // The desk's socket may lag the phone on a loaded machine: wait until all of it (at 16 kHz) has arrived.
    const arrived = (): boolean => concatPcm(deskReceived).length >= spoken.length * 2 - 1600;
    expect(await phone.waitFor(arrived, { audioMs: 10_000, realMs: 15_000 })).toBe(true);
    expect(await recognize(concatPcm(deskReceived), 16000)).toBe(CALLER_PHRASE);
    await agent.screenshot({ path: join(repoRoot, 'docs/desk-voice.png') });

    // Mute: the caller hears nothing of the agent's microphone.
    await agent.getByRole('button', { name: 'Mute' }).click();
    await agent.locator('.browser-leg[data-leg="muted"]').waitFor();
    await phone.waitFor(() => false, { audioMs: 500 });
    phone.takeHeard();
    await phone.waitFor(() => false, { audioMs: 3000, realMs: 6000 });
    expect(powerDbfs(phone.takeHeard())).toBeLessThan(-50);
    await agent.getByRole('button', { name: 'Unmute' }).click();
    await agent.locator('.browser-leg[data-leg="live"]').waitFor();

    // Hold: the caller hears hold audio (not the agent), the desk receives nothing of the caller.
    await agent.getByRole('button', { name: 'Hold' }).click();
    await agent.locator('.browser-leg[data-leg="held"]').waitFor();
    await phone.waitFor(() => false, { audioMs: 300 });
    phone.takeHeard();
    deskReceived.length = 0;
    await phone.say(fliteSpeech(CALLER_PHRASE, 8000));
    const onHold = phone.takeHeard();
    expect(powerDbfs(onHold)).toBeGreaterThan(-35);
    expect(await recognize(onHold, 8000)).toBeNull();
    expect(concatPcm(deskReceived).length).toBe(0);
    await agent.getByRole('button', { name: 'Resume' }).click();
    await agent.locator('.browser-leg[data-leg="live"]').waitFor();

    // Hang up: the caller's stream ends and the desk turns to the wrap-up.
    await agent.getByRole('button', { name: 'Hang up' }).click();
    expect(await phone.waitFor(() => phone.closedWith !== null, { audioMs: 3000, realMs: 6000 })).toBe(true);
    await agent.locator('form.wrap-up').waitFor();
    expect(pageErrors).toEqual([]);
  });
});
