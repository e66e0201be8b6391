import { createServer } from 'node:http';
import {
  compileFlow,
  createBuiltInRegistry,
  FlowSession,
  type InputEvent,
  type TurnResult,
} from '@omniflow/flow-engine';
import { buildTestFlow, en } from '@omniflow/flow-engine/testing';
import type { FlowDocument } from '@omniflow/flow-schema';
import { WebSocket } from 'ws';
import { createDefaultVoiceEngines } from './createDefaultVoiceEngines.ts';
import { type VoiceCallParameters, type VoiceGatewayOptions, createVoiceGateway } from './mediaStreamServer.ts';
import { mulawDecode, mulawEncode } from './mulaw.ts';
import { concatPcm, pcm16FromBytes, pcm16ToBytes } from './pcm.ts';
import { whiteNoise } from './testAudio.ts';
import type { VoiceCallEvent, VoiceSession } from './VoiceCall.ts';
import type { VoiceLogger } from './voiceLogger.ts';

/** A small bank menu (balance, card activation → last four digits, sensitive) run by the voice tests and the bench. */
export const bankFlow = buildTestFlow(
  [
    { id: 'start', type: 'start', to: { next: 'welcome' } },
    {
      id: 'welcome',
      type: 'message',
      config: { prompt: en('Welcome to Omni Bank. This call may be recorded for quality and training purposes.') },
      to: { next: 'main' },
    },
    {
      id: 'main',
      type: 'menu',
      config: {
        prompt: en('Main menu.'),
        options: [
          { key: '1', label: { 'en-US': 'balance' }, synonyms: { 'en-US': ['check my balance'] } },
          { key: '2', label: { 'en-US': 'card activation' }, synonyms: { 'en-US': ['activate my card'] } },
        ],
        noMatch: { maxRetries: 2, reprompts: [en('Sorry, I did not get that.')] },
        noInput: { maxRetries: 1, reprompts: [en('Are you still there?')] },
      },
      to: { '1': 'balance', '2': 'lastFour', noMatch: 'agent', noInput: 'bye' },
    },
    {
      id: 'balance',
      type: 'message',
      config: { prompt: en('Your balance is one hundred dollars.') },
      to: { next: 'bye' },
    },
    {
      id: 'lastFour',
      type: 'ask',
      config: {
        prompt: en('Please enter the last four digits of your card.'),
        variable: 'cardLastFour',
        slot: { type: 'digits', minLength: 4, maxLength: 4 },
      },
      to: { next: 'activated', noInput: 'bye', noMatch: 'agent' },
    },
    { id: 'activated', type: 'message', config: { prompt: en('Your card is now active.') }, to: { next: 'bye' } },
    { id: 'agent', type: 'transfer', config: { queue: 'agents', prompt: en('Connecting you to an agent.') } },
    { id: 'bye', type: 'end', config: { prompt: en('Goodbye.'), outcome: 'served' } },
  ],
  { variables: [{ name: 'cardLastFour', type: 'string', sensitive: true }] },
);

/** Test-only wiring: a real engine session per call, a gateway on an ephemeral port, and a scripted phone. */
export interface EngineCall {
  parameters: VoiceCallParameters;
  turns: TurnResult[];
  inputs: InputEvent[];
  events: VoiceCallEvent[];
  /** Wall time (performance.now) of each event, same order. */
  eventWallMs: number[];
}

/** A gateway on 127.0.0.1:0 whose calls run `flow` on the real engine, recording every turn, input and call event. */
export async function startEngineGateway(flow: FlowDocument, overrides: Partial<VoiceGatewayOptions> = {}) {
  const compiled = compileFlow(flow, createBuiltInRegistry());
  if (!compiled.ok) throw new Error(`test flow does not compile: ${JSON.stringify(compiled.issues)}`);
  const calls: EngineCall[] = [];
  const logs: string[] = [];
  const logger: VoiceLogger = {
    debug: (d, m) => logs.push(`${m} ${JSON.stringify(d)}`),
    info: (d, m) => logs.push(`${m} ${JSON.stringify(d)}`),
    warn: (d, m) => logs.push(`${m} ${JSON.stringify(d)}`),
    error: (d, m) => logs.push(`${m} ${JSON.stringify(d)}`),
  };
  const byStream = new Map<string, EngineCall>();
  const gateway = createVoiceGateway({
    ...createDefaultVoiceEngines(logger),
    logger,
    async sessions(parameters) {
      if (parameters.token !== 'good-token') throw new Error('bad channel token');
      const call: EngineCall = { parameters, turns: [], inputs: [], events: [], eventWallMs: [] };
      calls.push(call);
      byStream.set(parameters.streamSid, call);
      return engineSession(compiled.compiled, parameters.locale ?? 'en-US', call);
    },
    onCallEvent: (parameters, event) => {
      const call = byStream.get(parameters.streamSid);
      call?.events.push(event);
      call?.eventWallMs.push(performance.now());
    },
    ...overrides,
  });
  const server = createServer();
  const attached = gateway.attach(server, { path: '/ws/voice' });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const url = `ws://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}/ws/voice`;
  return {
    url,
    gateway,
    calls,
    logs,
    async close() {
      gateway.close();
      attached.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A flow compiled by the engine. */
export type Compiled = Extract<ReturnType<typeof compileFlow>, { ok: true }>['compiled'];

/** A real engine session on a compiled flow, recording its turns and inputs into `record`. */
export function engineSession(compiled: Compiled, locale: string, record: EngineCall): VoiceSession {
  let session: FlowSession | null = null;
  return {
    async start() {
      const started = await FlowSession.start(compiled, {
        sessionId: `voice-${record.parameters.streamSid}`,
        channel: 'voice',
        locale,
      });
      session = started.session;
      record.turns.push(started.turn);
      return started.turn;
    },
    async send(input) {
      if (session === null) throw new Error('send before start');
      record.inputs.push(input);
      const turn = await session.send(input);
      record.turns.push(turn);
      return turn;
    },
  };
}

/**
 * A scripted caller on a real WebSocket: Twilio Media Streams (8 kHz μ-law JSON) or the browser's raw mode
 * (16 kHz PCM binary). It plays what it receives at real-time rate against the audio it sends (20 ms sent =
 * 20 ms played), echoes marks when playback reaches them, and drops its queue on `clear`, as Twilio does.
 */
export class FakePhone {
  readonly ws: WebSocket;
  readonly mode: 'twilio' | 'raw' | 'jambonz';
  readonly rate: number;
  readonly streamSid = `MZ${Math.random().toString(16).slice(2, 12)}`;
  private queue: ({ ms: number } | { mark: string })[] = [];
  private heard: Int16Array[] = [];
  clears = 0;
  /** Every JSON text frame received from the gateway, in order. */
  readonly messages: Record<string, unknown>[] = [];
  closedWith: number | null = null;
  /** The reason the gateway gave when it closed the stream. */
  closedReason = '';
  sentMs = 0;
  /** `realtime` sends 20 ms of audio every 20 ms of wall time (the bench); `fast` as fast as the server keeps up. */
  pace: 'fast' | 'realtime' = 'fast';
  /** Wall time (performance.now) of the first prompt audio received since `heard` was last taken. */
  firstAudioAt: number | null = null;
  private paceStart: number | null = null;
  private hiss = 0;

  private constructor(ws: WebSocket, mode: 'twilio' | 'raw' | 'jambonz') {
    this.ws = ws;
    this.mode = mode;
    this.rate = mode === 'raw' ? 16000 : 8000;
    ws.on('message', (data: Buffer, isBinary: boolean) => this.receive(data, isBinary));
    ws.on('close', (code, reason) => {
      this.closedWith = code;
      this.closedReason = reason.toString();
    });
  }

  /** Dials the gateway and sends `connected` + `start` with the given custom parameters (Twilio's CallSid `CAtest`). */
  static async dial(
    url: string,
    mode: 'twilio' | 'raw' | 'jambonz',
    customParameters: Record<string, string>,
    options: { callSid?: string } = {},
  ): Promise<FakePhone> {
    const ws = mode === 'jambonz' ? new WebSocket(url, 'audio.jambonz.org') : new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    const phone = new FakePhone(ws, mode);
    if (mode === 'twilio') {
      phone.json({ event: 'connected', protocol: 'Call', version: '1.0.0' });
      phone.json({
        event: 'start',
        sequenceNumber: '1',
        streamSid: phone.streamSid,
        start: {
          accountSid: 'ACtest',
          streamSid: phone.streamSid,
          callSid: options.callSid ?? 'CAtest',
          tracks: ['inbound'],
          customParameters,
          mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 },
        },
      });
    } else if (mode === 'raw') {
      phone.json({
        event: 'start',
        start: { customParameters, mediaFormat: { encoding: 'audio/l16', sampleRate: 16000, channels: 1 } },
      });
    } else {
      phone.json({
        callSid: `jambonz-${phone.streamSid}`,
        direction: 'inbound',
        sampleRate: 8000,
        mixType: 'mono',
        metadata: customParameters,
      });
    }
    return phone;
  }

  /** Sends caller audio (at the phone's rate) in 20 ms frames, letting the far end keep up. */
  async say(pcm: Int16Array): Promise<void> {
    const frame = this.rate / 50;
    for (let at = 0; at < pcm.length; at += frame) {
      const chunk = pcm.subarray(at, at + frame);
      if (this.mode === 'twilio')
        this.json({
          event: 'media',
          streamSid: this.streamSid,
          media: { track: 'inbound', payload: Buffer.from(mulawEncode(chunk)).toString('base64') },
        });
      else if (this.ws.readyState === WebSocket.OPEN) this.ws.send(pcm16ToBytes(chunk));
      this.advance((chunk.length * 1000) / this.rate);
      if (this.pace === 'realtime') {
        this.paceStart ??= performance.now() - this.sentMs;
        const due = this.paceStart + this.sentMs - performance.now();
        if (due > 0) await new Promise((resolve) => setTimeout(resolve, due));
      } else await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Presses a key out of band (Twilio `dtmf` event). */
  press(digit: string): void {
    if (this.mode === 'jambonz') this.json({ event: 'dtmf', dtmf: digit, duration: 250 });
    else this.json({ event: 'dtmf', streamSid: this.streamSid, dtmf: { track: 'inbound_track', digit } });
  }

  /** Stays on the line (quiet line noise) until `done()` or the limits; returns whether `done()` became true. */
  async waitFor(done: () => boolean, limits: { audioMs?: number; realMs?: number } = {}): Promise<boolean> {
    const started = performance.now();
    const until = this.sentMs + (limits.audioMs ?? 30_000);
    while (!done()) {
      if (this.sentMs >= until || performance.now() - started > (limits.realMs ?? 20_000) || this.closedWith !== null)
        return done();
      await this.say(this.lineNoise(20));
      if (this.pace === 'fast') await new Promise((resolve) => setTimeout(resolve, 1));
    }
    return true;
  }

  /** Prompt audio received since the last call, at the phone's rate. */
  takeHeard(): Int16Array {
    const all = concatPcm(this.heard);
    this.heard = [];
    this.firstAudioAt = null;
    return all;
  }

  /** Hangs up with a Twilio `stop`. */
  hangUp(): void {
    this.json({ event: 'stop', streamSid: this.streamSid, stop: { accountSid: 'ACtest', callSid: 'CAtest' } });
    this.ws.close();
  }

  /** Quiet line hiss, as a real call carries between words. */
  lineNoise(ms: number): Int16Array {
    return whiteNoise(ms, this.rate, -60, ++this.hiss);
  }

  json(message: Record<string, unknown>): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(message));
  }

  private receive(data: Buffer, isBinary: boolean): void {
    if (isBinary) {
      const pcm = pcm16FromBytes(new Uint8Array(data));
      this.firstAudioAt ??= performance.now();
      this.heard.push(pcm);
      this.queue.push({ ms: (pcm.length * 1000) / this.rate });
      return;
    }
    const message: { event?: string; type?: string; media?: { payload?: string }; mark?: { name?: string } } =
      JSON.parse(data.toString());
    this.messages.push(message);
    if (message.event === 'media' && message.media?.payload) {
      const pcm = mulawDecode(new Uint8Array(Buffer.from(message.media.payload, 'base64')));
      this.firstAudioAt ??= performance.now();
      this.heard.push(pcm);
      this.queue.push({ ms: (pcm.length * 1000) / 8000 });
    } else if (message.event === 'mark' && message.mark?.name) {
      this.queue.push({ mark: message.mark.name });
      this.advance(0);
    } else if (message.event === 'clear' || message.type === 'killAudio') {
      this.clears++;
      for (const item of this.queue) if ('mark' in item) this.echo(item.mark);
      this.queue = [];
    }
  }

  private advance(ms: number): void {
    this.sentMs += ms;
    let left = ms;
    while (this.queue.length > 0) {
      const head = this.queue[0];
      if (head === undefined) break;
      if ('mark' in head) {
        this.echo(head.mark);
        this.queue.shift();
        continue;
      }
      if (left <= 0) break;
      const used = Math.min(left, head.ms);
      head.ms -= used;
      left -= used;
      if (head.ms <= 0) this.queue.shift();
    }
  }

  private echo(name: string): void {
    this.json({ event: 'mark', streamSid: this.streamSid, mark: { name } });
  }
}
