import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonClient, type ApiReply } from '../../testing/jsonClient.ts';
import { postAsTwilio } from '../../testing/postAsTwilio.ts';
import { postgresRuntimeEnv, spawnRuntime, type SpawnedRuntime } from '../../testing/spawnRuntime.ts';
import { startTestPostgres, type TestPostgres } from '../../testing/startTestPostgres.ts';
import { voiceQueueFlow } from '../../testing/testFlows.ts';
import { createDefaultVoiceEngines } from '../../voice/createDefaultVoiceEngines.ts';
import { concatPcm, powerDbfs } from '../../voice/pcm.ts';
import { resample } from '../../voice/resample.ts';
import { fliteSpeech, silence } from '../../voice/testAudio.ts';
import { FakePhone } from '../../voice/voiceTestHarness.ts';
import { openDeskAudio } from './openDeskAudio.ts';

// Issue 16, voice across processes: two runtime processes on one PostgreSQL, the first routes (advisory lock). A
// caller whose stream or webhooks reach the other process waits in the queue there (hold prompts with its place) and
// is bridged to the agent whose desk talks to the routing process: the desk's audio socket is carried to the process
// holding the caller's stream, and pocketsphinx recognizes what each side received of the other's speech.
const ADMIN = 'voice-across-admin-token';
const TWILIO_AUTH = 'voice-across-twilio-token';
const SNAPSHOT_KEY = randomBytes(32).toString('base64');
const engines = createDefaultVoiceEngines();
const PHRASES = ['please check my account balance', 'your new card is on its way', 'i lost my credit card'];
const GRAMMAR = `#JSGF V1.0; grammar phrases; public <p> = ${PHRASES.join(' | ')};`;

let server: TestPostgres;
const dirs: string[] = [];
const running: SpawnedRuntime[] = [];
let leader: SpawnedRuntime;
let follower: SpawnedRuntime;
let channel: string;
let desk: string;

async function start(): Promise<SpawnedRuntime> {
  const dir = mkdtempSync(join(tmpdir(), 'omniflow-voice-across-'));
  dirs.push(dir);
  const env = postgresRuntimeEnv({
    databaseUrl: server.url,
    dataDir: dir,
    adminToken: ADMIN,
    snapshotKey: SNAPSHOT_KEY,
  });
  const runtime = await spawnRuntime({ ...env, TWILIO_AUTH_TOKEN: TWILIO_AUTH });
  running.push(runtime);
  return runtime;
}

beforeAll(async () => {
  server = await startTestPostgres();
  // The first process takes the routing lock before it serves; the second follows and relays.
  leader = await start();
  follower = await start();
  const admin = jsonClient(leader.url, ADMIN);
  const created = async (reply: Promise<ApiReply>): Promise<ApiReply> => {
    const done = await reply;
    if (done.status !== 201) throw new Error(`set-up refused: ${JSON.stringify(done.body)}`);
    return done;
  };
  await created(admin('POST', '/api/flows', { flow: voiceQueueFlow('hold', 'support', 10) }));
  await created(admin('POST', '/api/flows/hold/publish', {}));
  channel = (await created(admin('POST', '/api/flows/hold/channel-tokens', {}))).body.token;
  await created(
    admin('PUT', '/api/queues/support', { name: 'Support', dispositions: ['resolved'], afterCallWorkSeconds: 0 }),
  );
  const ana = {
    name: 'Ana',
    login: 'ana',
    password: 'ana-password',
    languages: ['en'],
    queues: ['support'],
    phone: '+15550001111',
  };
  await created(admin('PUT', '/api/agents/ana', ana));
  desk = (await admin('POST', '/api/desk/sign-in', { login: 'ana', password: 'ana-password' }, { token: null })).body
    .token;
}, 90_000);
afterAll(async () => {
  for (const runtime of running) await runtime.stop('SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  await server?.stop();
});

const wsUrl = (runtime: SpawnedRuntime, path: string): string => `${runtime.url.replace('http:', 'ws:')}${path}`;
const recognize = async (pcm16k: Int16Array) =>
  (await engines.recognizer.recognize(pcm16k, GRAMMAR, 'en-US', new AbortController().signal))?.transcript ?? null;

/** Keeps the phone on the line (line noise) until `check` holds, for at most `realMs`. */
async function onLineUntil(phone: FakePhone, check: () => Promise<boolean>, realMs = 20_000): Promise<boolean> {
  const deadline = Date.now() + realMs;
  while (Date.now() < deadline && phone.closedWith === null) {
    if (await check()) return true;
    await phone.waitFor(() => false, { audioMs: 200, realMs: 1000 });
  }
  return check();
}

async function acceptOnLeader(contactId: string): Promise<void> {
  const api = jsonClient(leader.url, desk);
  const state = await api('GET', '/api/desk');
  if (state.body.agent.state !== 'available') await api('PUT', '/api/desk/state', { state: 'available' });
  const accepted = await api('POST', `/api/desk/offers/${contactId}/accept`);
  expect(accepted.body.errors ?? accepted.status).toBe(200);
}

async function waitingOnLeader(): Promise<{ contactId: string; position: number | null }[]> {
  return (await jsonClient(leader.url, ADMIN)('GET', '/api/desk/supervisor')).body.waiting ?? [];
}

/** The desk's audio socket on `runtime`, as the browser opens it. */
const deskAudio = (runtime: SpawnedRuntime, contactId: string) =>
  openDeskAudio(wsUrl(runtime, `/ws/desk-audio?token=${desk}&contact=${contactId}`));

describe('voice calls across runtime processes on PostgreSQL', { timeout: 180_000 }, () => {
  it('a media-stream caller on the follower waits, then talks both ways with the desk on the routing process', async () => {
    const phone = await FakePhone.dial(
      wsUrl(follower, '/ws/voice'),
      'twilio',
      { token: channel, flowId: 'hold', locale: 'en-US', from: '+15551230000' },
      { callSid: 'CAacross1' },
    );
    const contactId = 'voice-CAacross1';
    // It waits in the queue the routing process keeps, at its place, and hears the hold prompt and audio meanwhile.
    expect(await onLineUntil(phone, async () => (await waitingOnLeader()).some((w) => w.contactId === contactId))).toBe(
      true,
    );
    expect((await waitingOnLeader()).find((w) => w.contactId === contactId)?.position).toBe(1);
    phone.takeHeard();
    await phone.waitFor(() => false, { audioMs: 3000, realMs: 10_000 });
    expect(phone.closedWith).toBeNull();
    expect(powerDbfs(phone.takeHeard())).toBeGreaterThan(-35);

    await acceptOnLeader(contactId);
    const agent = await deskAudio(leader, contactId);
    expect(await onLineUntil(phone, async () => agent.legs.some((leg) => leg['ended'] === false))).toBe(true);
    await phone.waitFor(() => false, { audioMs: 500 });
    phone.takeHeard();
    agent.take();

    // Caller → agent: spoken on the follower, recognized from what the desk received on the leader.
    await phone.say(concatPcm([fliteSpeech(PHRASES[0] ?? '', 8000), silence(600, 8000)]));
    await onLineUntil(phone, async () => false, 1500);
    expect(await recognize(agent.take())).toBe(PHRASES[0]);

    // Agent → caller: spoken at the leader's socket, recognized from what the phone heard on the follower.
    phone.takeHeard();
    await agent.say(concatPcm([fliteSpeech(PHRASES[1] ?? '', 16000), silence(400, 16000)]));
    await phone.waitFor(() => false, { audioMs: 1500, realMs: 10_000 });
    expect(await recognize(resample(phone.takeHeard(), 8000, 16000))).toBe(PHRASES[1]);

    // The desk's controls cross too: hold (the caller hears hold audio), then hang up.
    agent.control({ type: 'hold', on: true });
    expect(await onLineUntil(phone, async () => agent.legs.some((leg) => leg['held'] === true))).toBe(true);
    agent.control({ type: 'hangup' });
    expect(await phone.waitFor(() => phone.closedWith !== null, { audioMs: 5000, realMs: 15_000 })).toBe(true);
    expect(await agent.closed).toBe(1000);
    const snapshot = await jsonClient(leader.url, desk)('GET', '/api/desk');
    expect(snapshot.body.wrapUps.map((c: { id: string }) => c.id)).toContain(contactId);
    await jsonClient(leader.url, desk)('POST', `/api/desk/contacts/${contactId}/wrap-up`, {
      disposition: 'resolved',
      notes: '',
    });
  });

  it("a Twilio caller whose webhooks reach the follower waits with its place and is bridged to the leader's agent", async () => {
    const call = { AccountSid: 'AC1', CallSid: 'CAacross2', From: '+15551230000', To: '+15559870000' };
    const post = (runtime: SpawnedRuntime, path: string, extra: Record<string, string> = {}) =>
      postAsTwilio(`${runtime.url}${path}`, TWILIO_AUTH, { ...call, ...extra });
    const answered = await post(follower, '/twilio/voice/hold');
    expect(answered.xml).toContain('<Enqueue waitUrl="/twilio/queue/twilio-CAacross2/wait"');
    const wait = await post(follower, '/twilio/queue/twilio-CAacross2/wait');
    expect(wait.xml).toMatch(/You are number 1 in the queue\..*press 1\./);
    // The next webhook reaches the other process: the prompt is not due again yet.
    expect((await post(leader, '/twilio/queue/twilio-CAacross2/wait')).xml).not.toContain('<Say');

    await acceptOnLeader('twilio-CAacross2');
    expect((await post(follower, '/twilio/queue/twilio-CAacross2/wait')).xml).toContain('<Leave/>');
    const after = await post(follower, '/twilio/queue/twilio-CAacross2/after', { QueueResult: 'leave' });
    expect(after.xml).toContain('+15550001111');
    expect((await post(leader, '/twilio/queue/twilio-CAacross2/dialed', { DialCallStatus: 'completed' })).status).toBe(
      200,
    );
    const snapshot = await jsonClient(leader.url, desk)('GET', '/api/desk');
    expect(snapshot.body.wrapUps.map((c: { id: string }) => c.id)).toContain('twilio-CAacross2');

    // Another caller presses the callback key on a webhook that reaches the other process: the place is kept.
    const third = { ...call, CallSid: 'CAacross3' };
    expect((await postAsTwilio(`${follower.url}/twilio/voice/hold`, TWILIO_AUTH, third)).xml).toContain('<Enqueue');
    const key = await postAsTwilio(`${leader.url}/twilio/queue/twilio-CAacross3/key`, TWILIO_AUTH, {
      ...third,
      Digits: '1',
    });
    expect(key.xml).toContain('call you back');
    expect((await waitingOnLeader()).map((w) => w.contactId)).toContain('twilio-CAacross3');
  });

  it('keeps a caller waiting on the follower through kill -9 of the routing process, then bridges it there', async () => {
    const admin = jsonClient(leader.url, ADMIN);
    await admin('POST', '/api/flows', { flow: voiceQueueFlow('vip-line', 'vip', 10) });
    await admin('POST', '/api/flows/vip-line/publish', {});
    const vipChannel: string = (await admin('POST', '/api/flows/vip-line/channel-tokens', {})).body.token;
    await admin('PUT', '/api/queues/vip', { name: 'VIP', dispositions: ['resolved'], afterCallWorkSeconds: 0 });
    const bo = { name: 'Bo', login: 'bo', password: 'bo-password', languages: ['en'], queues: ['vip'] };
    expect((await admin('PUT', '/api/agents/bo', bo)).status).toBe(201);
    const signIn = { login: 'bo', password: 'bo-password' };
    const boDesk: string = (await admin('POST', '/api/desk/sign-in', signIn, { token: null })).body.token;

    const phone = await FakePhone.dial(
      wsUrl(follower, '/ws/voice'),
      'twilio',
      { token: vipChannel, flowId: 'vip-line', locale: 'en-US', from: '+15551239999' },
      { callSid: 'CAacross4' },
    );
    const contactId = 'voice-CAacross4';
    expect(await onLineUntil(phone, async () => (await waitingOnLeader()).some((w) => w.contactId === contactId))).toBe(
      true,
    );
    await leader.stop('SIGKILL');
    // The follower takes the routing lock and takes up the waiting contact; the caller stayed on the line meanwhile.
    const boApi = jsonClient(follower.url, boDesk);
    expect(
      await onLineUntil(
        phone,
        async () => (await boApi('PUT', '/api/desk/state', { state: 'available' })).status === 200,
        30_000,
      ),
    ).toBe(true);
    expect(
      await onLineUntil(
        phone,
        async () => (await boApi('POST', `/api/desk/offers/${contactId}/accept`)).status === 200,
      ),
    ).toBe(true);
    const agent = await openDeskAudio(wsUrl(follower, `/ws/desk-audio?token=${boDesk}&contact=${contactId}`));
    expect(await onLineUntil(phone, async () => agent.legs.some((leg) => leg['ended'] === false))).toBe(true);
    await phone.waitFor(() => false, { audioMs: 500 });
    agent.take();
    await phone.say(concatPcm([fliteSpeech(PHRASES[2] ?? '', 8000), silence(600, 8000)]));
    await onLineUntil(phone, async () => false, 1500);
    expect(await recognize(agent.take())).toBe(PHRASES[2]);
    agent.control({ type: 'hangup' });
    expect(await phone.waitFor(() => phone.closedWith !== null, { audioMs: 5000, realMs: 15_000 })).toBe(true);
  });
});
