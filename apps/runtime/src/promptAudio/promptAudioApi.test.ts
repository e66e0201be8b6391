import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postAsTwilio } from '../testing/postAsTwilio.ts';
import { startTestRuntime, TEST_ADMIN_TOKEN, type TestRuntime } from '../testing/startTestRuntime.ts';
import type { ApiReply } from '../testing/jsonClient.ts';
import { pinFlow } from '../testing/testFlows.ts';

const AUTH_TOKEN = 'twilio-test-auth-token';
const work = mkdtempSync(join(tmpdir(), 'omniflow-prompt-audio-'));
let t: TestRuntime;
let wav: Uint8Array;
let mp3: Uint8Array;

beforeAll(async () => {
  // A real spoken prompt, as an analyst would record it: flite speech saved as WAV, and sox's MP3 of it.
  execFileSync('flite', ['-voice', 'slt', '-t', 'Welcome to the bank.', '-o', join(work, 'welcome.wav')]);
  execFileSync('sox', [join(work, 'welcome.wav'), join(work, 'welcome.mp3')]);
  wav = new Uint8Array(readFileSync(join(work, 'welcome.wav')));
  mp3 = new Uint8Array(readFileSync(join(work, 'welcome.mp3')));
  t = await startTestRuntime({ TWILIO_AUTH_TOKEN: AUTH_TOKEN });
});
afterAll(async () => {
  await t.close();
  rmSync(work, { recursive: true, force: true });
});

/** Uploads bytes as the designer does. */
async function upload(bytes: Uint8Array, type: string, name = 'welcome.wav') {
  const response = await fetch(`${t.url}/api/prompt-audio?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': type },
    body: bytes,
  });
  const body: ApiReply['body'] = await response.json();
  return { status: response.status, body };
}

/** The PIN flow whose main menu intro is this recording, with SSML beside it. */
function flowWithRecording(id: string, url: string): Record<string, unknown> {
  const flow = pinFlow(id);
  const nodes = flow['nodes'];
  if (!Array.isArray(nodes)) throw new Error('pinFlow has no nodes');
  for (const node of nodes)
    if (node.id === 'main')
      node.config.prompt = {
        ...node.config.prompt,
        audio: { 'en-US': url },
        ssml: { 'zh-CN': '<speak>主菜单。<break time="300ms"/></speak>' },
      };
  return flow;
}

describe('prompt recordings (issue 20)', () => {
  it('stores a WAV by its content hash and serves the same bytes without a token', async () => {
    const first = await upload(wav, 'audio/wav');
    expect(first.status).toBe(201);
    expect(first.body.audio).toMatchObject({ mediaType: 'audio/wav', name: 'welcome.wav', size: wav.length });
    expect(first.body.audio.durationMs).toBeGreaterThan(800);
    expect(first.body.audio.url).toBe(`/prompt-audio/${first.body.audio.id}`);
    const again = await upload(wav, 'audio/x-wav', 'copy.wav');
    expect(again.body.audio.id).toBe(first.body.audio.id);
    const served = await fetch(`${t.url}${first.body.audio.url}`);
    expect(served.headers.get('content-type')).toContain('audio/wav');
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(wav);
  });

  it('takes an MP3 and refuses other types, oversized files and files that are not what they claim', async () => {
    expect((await upload(mp3, 'audio/mpeg', 'welcome.mp3')).status).toBe(201);
    const text = await upload(new TextEncoder().encode('hello'), 'text/plain');
    expect(text.status).toBe(415);
    expect(text.body.errors[0]).toMatchObject({ code: 'AUDIO_TYPE', message: expect.stringMatching(/WAV or MP3/) });
    const big = new Uint8Array(5 * 1024 * 1024 + 10);
    big.set(wav.subarray(0, 44));
    const tooBig = await upload(big, 'audio/wav');
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.errors[0].message).toMatch(/at most 5\.0 MB/);
    const fake = await upload(mp3, 'audio/wav');
    expect(fake.status).toBe(422);
    expect(fake.body.errors[0]).toMatchObject({ code: 'AUDIO_FORMAT' });
    const broken = wav.slice(0, 60);
    broken.set(new TextEncoder().encode('XXXX'), 12);
    const unreadable = await upload(broken, 'audio/wav');
    expect(unreadable.status).toBe(422);
    expect(unreadable.body.errors[0]).toMatchObject({ code: 'AUDIO_UNREADABLE' });
    const viewer = await fetch(`${t.url}/api/prompt-audio`, { method: 'POST', body: wav });
    expect(viewer.status).toBe(401);
  });

  it('refuses to publish a flow whose recording is not stored, then plays it with <Play> on Twilio', async () => {
    const missing = `/prompt-audio/${'ab'.repeat(32)}`;
    await t.api('POST', '/api/flows', { flow: flowWithRecording('rec', missing) });
    const refused = await t.api('POST', '/api/flows/rec/publish', {});
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0]).toMatchObject({
      code: 'PROMPT_AUDIO_MISSING',
      pointer: '/nodes/1/config/prompt/audio/en-US',
      message: expect.stringMatching(/Upload the file again/),
    });

    const stored = await upload(wav, 'audio/wav');
    const draft = await t.api('GET', '/api/flows/rec');
    const saved = await t.api(
      'PUT',
      '/api/flows/rec',
      { flow: flowWithRecording('rec', stored.body.audio.url) },
      {
        headers: { 'if-match': String(draft.headers.get('etag') ?? '') },
      },
    );
    expect(saved.status).toBe(200);
    expect((await t.api('POST', '/api/flows/rec/publish', {})).status).toBe(201);

    const call = { AccountSid: 'AC1', CallSid: 'CArec', From: '+15551230000', To: '+15559870000' };
    const reply = await postAsTwilio(`${t.url}/twilio/voice/rec`, AUTH_TOKEN, call);
    const played = /<Gather [^>]*><Play>([^<]+)<\/Play><Say [^>]*>You can say Balance or Agent\.<\/Say><\/Gather>/.exec(
      reply.xml,
    );
    expect(reply.xml).toMatch(/<Play>/);
    expect(played).not.toBeNull();
    const bytes = new Uint8Array(await (await fetch(played?.[1] ?? '')).arrayBuffer());
    expect(bytes).toEqual(wav);
    // zh-CN has no recording of its own: its SSML reaches Twilio's <Say>, without the <speak> wrapper.
    const zh = await postAsTwilio(`${t.url}/twilio/voice/rec?locale=zh-CN`, AUTH_TOKEN, { ...call, CallSid: 'CArec2' });
    expect(zh.xml).toContain('<Say language="cmn-CN" voice="Polly.Zhiyu">主菜单。<break time="300ms"/></Say>');
    expect(zh.xml).not.toContain('<Play>');
  });
});
