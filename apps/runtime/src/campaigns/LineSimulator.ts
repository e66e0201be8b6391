import { appendFileSync, closeSync, existsSync, fsyncSync, openSync, readFileSync } from 'node:fs';
import { WebSocket } from 'ws';
import type { Synthesizer } from '../voice/Synthesizer.ts';
import { mulawEncode } from '../voice/mulaw.ts';
import type { Dialer, DialOutcome, DialRequest, SmsRequest } from './Dialer.ts';

/** What the simulator needs from the runtime it calls into. */
export interface LineSimulatorOptions {
  /** The runtime's voice gateway (`ws://host:port/ws/voice`), known once it listens. */
  gatewayUrl: () => string;
  /** A token the gateway accepts for the campaign's flow (an editor token of the runtime). */
  token: () => Promise<string>;
  /** Speaks the callee's lines (the runtime's flite/espeak-ng synthesizer). */
  synthesizer: Synthesizer;
  /** Append-only log of placed keys and texts: it survives a crash, so a key is never placed twice. */
  logFile?: string;
  /** How long an unanswered or busy line rings before the result, in ms. */
  ringMs?: number;
  /** Longest call, in ms of call audio. */
  maxCallMs?: number;
  /** Call audio per wall-clock time: 1 is real time (the default, as a phone line); tests may run calls faster. */
  speed?: number;
}

/** A step of a scripted callee. */
type Step = { kind: 'press'; digits: string } | { kind: 'say'; text: string } | { kind: 'hangup' };

/**
 * A local telephone line for demos, tests and the bench: it "dials" by opening a Twilio media stream to the runtime's
 * own voice gateway, where the campaign's flow runs as an outbound voice session, and plays a scripted callee who
 * listens to each prompt, presses keys and speaks (synthesized). The script comes from the contact's `sim` field:
 * `busy`, `noAnswer`, `failed`, `machine`, or steps such as `press:1;say:stop calling me;hangup` (default: listen
 * until the flow ends). Alternatives per attempt are separated by `|` (`busy|press:1`: busy first, then answers).
 */
export class LineSimulator implements Dialer {
  readonly kind = 'simulator';
  readonly #options: LineSimulatorOptions;
  readonly #placed = new Set<string>();
  /** Texts sent, newest last (the demo page and tests read them). */
  readonly texts: SmsRequest[] = [];

  constructor(options: LineSimulatorOptions) {
    this.#options = options;
    this.#readLog();
  }

  async wasPlaced(key: string): Promise<boolean> {
    // Other processes on this machine share the log: read what they placed since.
    if (!this.#placed.has(key)) this.#readLog();
    return this.#placed.has(key);
  }

  #readLog(): void {
    const file = this.#options.logFile;
    if (!file || !existsSync(file)) return;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const [kind, key] = line.split(' ');
      if (key && (kind === 'call' || kind === 'sms')) this.#placed.add(key);
    }
  }

  async sendSms(request: SmsRequest): Promise<{ sent: boolean; providerId?: string }> {
    if (!this.#record('sms', request.key, request.to)) return { sent: true, providerId: `SM-${request.key}` };
    this.texts.push(request);
    return { sent: true, providerId: `SM-${request.key}` };
  }

  async dial(request: DialRequest, signal: AbortSignal): Promise<DialOutcome> {
    if (!this.#record('call', request.key, request.to))
      throw new Error(`attempt ${request.key} was placed already; it is not placed twice`);
    const attempt = Number(request.key.split(':').at(-1)) || 1;
    const scripts = (request.variables['sim'] ?? '').split('|');
    const script = (scripts[Math.min(attempt, scripts.length) - 1] ?? '').trim();
    const ring = this.#options.ringMs ?? 200;
    const callSid = `CA${request.key.replace(/[^A-Za-z0-9]/g, '')}`;
    switch (script.toLowerCase()) {
      case 'busy':
        await pause(ring / 4, signal);
        return { result: 'busy', providerId: callSid };
      case 'noanswer':
        await pause(ring, signal);
        return { result: 'noAnswer', providerId: callSid };
      case 'failed':
        return { result: 'failed', providerId: callSid };
      case 'machine':
        await pause(ring, signal);
        return { result: 'machine', providerId: callSid };
      default:
        await pause(ring / 2, signal);
        return this.#answer(request, callSid, parseSteps(script), signal);
    }
  }

  /** Writes the key to the log before the call goes out; false when it was placed already. */
  #record(kind: 'call' | 'sms', key: string, to: string): boolean {
    if (this.#placed.has(key)) return false;
    this.#placed.add(key);
    if (this.#options.logFile) {
      const fd = openSync(this.#options.logFile, 'a');
      try {
        appendFileSync(fd, `${kind} ${key} ${to}\n`);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
    return true;
  }

  async #answer(request: DialRequest, callSid: string, steps: Step[], signal: AbortSignal): Promise<DialOutcome> {
    const token = await this.#options.token();
    const callee = await SimulatedCallee.connect(this.#options.gatewayUrl(), callSid, this.#options.speed ?? 1, {
      token,
      flowId: request.flowId,
      ...(request.locale ? { locale: request.locale } : {}),
      // The row's fields (flow variables where declared, contact attributes all) and the outbound contact
      // (contact.direction, numbers); the callee's script is the simulator's own and stays here.
      ...rowFields(request.variables),
      direction: 'outbound',
      dialedNumber: request.to,
    });
    const locale = request.locale ?? 'en-US';
    const maxMs = this.#options.maxCallMs ?? 120_000;
    try {
      for (const step of steps) {
        if (!(await callee.listenUntilQuiet(maxMs, signal))) break;
        if (step.kind === 'hangup') break;
        if (step.kind === 'press') {
          for (const digit of step.digits) callee.press(digit);
        } else {
          const audio = await this.#options.synthesizer.synthesize(step.text, locale, signal);
          await callee.speak(audio.mulaw8k, signal);
        }
      }
      await callee.listenUntilClosed(maxMs, signal);
    } finally {
      callee.hangUp();
    }
    return { result: 'completed', sessionId: `voice-${callSid}`, providerId: callSid };
  }
}

/** A row's fields without the simulator's own `sim` script. */
function rowFields(variables: Record<string, string>): Record<string, string> {
  const { sim: _script, ...fields } = variables;
  return fields;
}

function parseSteps(script: string): Step[] {
  if (script === '' || script.toLowerCase() === 'answer' || script.toLowerCase() === 'listen') return [];
  return script.split(';').flatMap((part): Step[] => {
    const [verb, ...rest] = part.split(':');
    const arg = rest.join(':').trim();
    switch (verb?.trim().toLowerCase()) {
      case 'press':
        return [{ kind: 'press', digits: arg }];
      case 'say':
        return [{ kind: 'say', text: arg }];
      case 'hangup':
        return [{ kind: 'hangup' }];
      default:
        return [];
    }
  });
}

/** 20 ms of μ-law per frame at 8 kHz. */
const FRAME_BYTES = 160;
/** A callee is done listening once the runtime sent no audio for this long (after its last prompt mark). */
const QUIET_MS = 400;

/**
 * The far end of a simulated call over the Twilio Media Streams protocol: it sends line audio in 20 ms frames (the
 * gateway's clock runs on them), "plays" what it receives as fast as it sends, and echoes each mark once the audio
 * before it is played, as Twilio does.
 */
class SimulatedCallee {
  readonly #ws: WebSocket;
  readonly #streamSid: string;
  /** Received audio not yet played, in ms, with the marks between. */
  #queue: ({ ms: number } | { mark: string })[] = [];
  #sentMs = 0;
  #lastAudioAt = 0;
  #closed = false;
  #noise = 1;
  readonly #speed: number;
  readonly #startedAt = performance.now();

  private constructor(ws: WebSocket, streamSid: string, speed: number) {
    this.#ws = ws;
    this.#streamSid = streamSid;
    this.#speed = speed;
    ws.on('message', (data: Buffer) => this.#receive(data));
    ws.on('close', () => (this.#closed = true));
  }

  static async connect(
    url: string,
    callSid: string,
    speed: number,
    parameters: Record<string, string>,
  ): Promise<SimulatedCallee> {
    const ws = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    const streamSid = `MZ${callSid.slice(2, 34)}`;
    const callee = new SimulatedCallee(ws, streamSid, speed);
    callee.#json({ event: 'connected', protocol: 'Call', version: '1.0.0' });
    callee.#json({
      event: 'start',
      streamSid,
      start: {
        streamSid,
        callSid,
        tracks: ['inbound'],
        customParameters: parameters,
        mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 },
      },
    });
    return callee;
  }

  /** Sends line noise until the runtime has been quiet for a while with its prompts played; false once hung up. */
  async listenUntilQuiet(maxMs: number, signal: AbortSignal): Promise<boolean> {
    const until = this.#sentMs + maxMs;
    while (!this.#closed && !signal.aborted && this.#sentMs < until) {
      if (this.#queue.length === 0 && this.#lastAudioAt > 0 && this.#sentMs - this.#lastAudioAt >= QUIET_MS)
        return true;
      await this.#frame(this.#lineNoise());
    }
    return !this.#closed && !signal.aborted;
  }

  /** Sends line noise until the runtime ends the call (the flow ended) or `maxMs` of audio passed. */
  async listenUntilClosed(maxMs: number, signal: AbortSignal): Promise<void> {
    const until = this.#sentMs + maxMs;
    while (!this.#closed && !signal.aborted && this.#sentMs < until) await this.#frame(this.#lineNoise());
  }

  async speak(mulaw: Uint8Array, signal: AbortSignal): Promise<void> {
    for (let at = 0; at < mulaw.length && !this.#closed && !signal.aborted; at += FRAME_BYTES)
      await this.#frame(mulaw.subarray(at, at + FRAME_BYTES));
    // A short pause after speaking ends the utterance for the gateway's voice activity detector.
    for (let i = 0; i < 25 && !this.#closed; i++) await this.#frame(this.#lineNoise());
  }

  press(digit: string): void {
    this.#json({ event: 'dtmf', streamSid: this.#streamSid, dtmf: { track: 'inbound_track', digit } });
  }

  hangUp(): void {
    if (this.#closed) return;
    this.#json({ event: 'stop', streamSid: this.#streamSid });
    this.#ws.close();
  }

  async #frame(payload: Uint8Array): Promise<void> {
    this.#json({
      event: 'media',
      streamSid: this.#streamSid,
      media: { track: 'inbound', payload: Buffer.from(payload).toString('base64') },
    });
    this.#play(20);
    // Paced against the wall clock from the call's start, so timer lateness does not slow the call down.
    const due = this.#startedAt + this.#sentMs / this.#speed - performance.now();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due)));
  }

  #receive(data: Buffer): void {
    const message: { event?: string; media?: { payload?: string }; mark?: { name?: string } } = JSON.parse(
      data.toString(),
    );
    if (message.event === 'media' && message.media?.payload) {
      this.#queue.push({ ms: (Buffer.from(message.media.payload, 'base64').length * 1000) / 8000 });
      this.#lastAudioAt = this.#sentMs;
    } else if (message.event === 'mark' && message.mark?.name) {
      this.#queue.push({ mark: message.mark.name });
      this.#play(0);
    } else if (message.event === 'clear') {
      for (const item of this.#queue)
        if ('mark' in item) this.#json({ event: 'mark', streamSid: this.#streamSid, mark: { name: item.mark } });
      this.#queue = [];
    }
  }

  /** Plays `ms` of the received audio, echoing the marks reached. */
  #play(ms: number): void {
    this.#sentMs += ms;
    let left = ms;
    while (this.#queue.length > 0) {
      const head = this.#queue[0];
      if (head === undefined) break;
      if ('mark' in head) {
        this.#json({ event: 'mark', streamSid: this.#streamSid, mark: { name: head.mark } });
        this.#queue.shift();
        this.#lastAudioAt = this.#sentMs;
        continue;
      }
      if (left <= 0) break;
      const used = Math.min(left, head.ms);
      head.ms -= used;
      left -= used;
      if (head.ms <= 0) this.#queue.shift();
    }
  }

  #lineNoise(): Uint8Array {
    const samples = new Int16Array(FRAME_BYTES);
    for (let i = 0; i < samples.length; i++) {
      this.#noise = (Math.imul(this.#noise, 1664525) + 1013904223) >>> 0;
      samples[i] = ((this.#noise >>> 16) % 64) - 32;
    }
    return mulawEncode(samples);
  }

  #json(message: Record<string, unknown>): void {
    if (this.#ws.readyState === WebSocket.OPEN) this.#ws.send(JSON.stringify(message));
  }
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new Error('aborted'));
    // The listener goes when the pause ends: one signal serves every call of a runner, so none may pile up on it.
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new Error('aborted'));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
