import { WebSocket } from 'ws';
import { mulawEncode } from './mulaw.ts';
import { pcm16ToBytes } from './pcm.ts';
import { StreamingResampler } from './resample.ts';
import type { SynthesizedAudio } from './Synthesizer.ts';
import type { VoiceCallTransport } from './VoiceCall.ts';

/** What the caller's side of a stream sends once the bot conversation has handed the call over. */
export interface CallStreamListener {
  /** Caller audio, 16-bit PCM at the stream's rate, normally 20 ms a frame. */
  audio(pcm: Int16Array): void;
  /** A key reported out of band (Twilio `dtmf`). */
  digit(digit: string): void;
  /** The far end played up to this mark. */
  mark(name: string): void;
  /** The stream has ended (hang-up, `stop`, a dropped socket). */
  closed(): void;
}

/**
 * A caller's media stream after the bot conversation ended in a transfer: the contact center keeps it open to play
 * hold audio and prompts, hear keys, and carry the agent's voice. Audio is given at 16 kHz and sent in the stream's
 * own format (8 kHz μ-law for Twilio, 16 kHz PCM in raw mode, the negotiated rate for jambonz).
 */
export class CallStream {
  /** Caller audio rate. */
  readonly rate: number;
  readonly #ws: WebSocket;
  readonly #mode: 'twilio' | 'raw' | 'jambonz';
  readonly #streamSid: string;
  readonly #prompts: VoiceCallTransport;
  readonly #down: StreamingResampler | null;
  #listener: CallStreamListener | null = null;
  #ended = false;

  constructor(options: {
    ws: WebSocket;
    mode: 'twilio' | 'raw' | 'jambonz';
    rate: number;
    streamSid: string;
    /** The transport the bot's prompts used: prompts of a flow run on this stream go the same way. */
    prompts: VoiceCallTransport;
  }) {
    this.#ws = options.ws;
    this.#mode = options.mode;
    this.rate = options.rate;
    this.#streamSid = options.streamSid;
    this.#prompts = options.prompts;
    this.#down = options.rate === 16000 ? null : new StreamingResampler(16000, options.rate);
  }

  /** Whether the stream has ended. */
  get ended(): boolean {
    return this.#ended;
  }

  /** Who hears the caller from now on (one listener; a new one replaces the old). */
  listen(listener: CallStreamListener): void {
    this.#listener = listener;
  }

  /** Sends 16 kHz 16-bit PCM to the caller. */
  send(pcm16k: Int16Array): void {
    if (this.#ended || this.#ws.readyState !== WebSocket.OPEN) return;
    const pcm = this.#down ? this.#down.push(pcm16k) : pcm16k;
    if (pcm.length === 0) return;
    if (this.#mode === 'twilio')
      this.#ws.send(
        JSON.stringify({
          event: 'media',
          streamSid: this.#streamSid,
          media: { payload: Buffer.from(mulawEncode(pcm)).toString('base64') },
        }),
      );
    else this.#ws.send(pcm16ToBytes(pcm));
  }

  /** Plays prompt audio followed by a mark, as the bot's prompts were played. */
  prompt(audio: SynthesizedAudio, mark: string): void {
    if (!this.#ended) this.#prompts.play(audio, mark);
  }

  /** Drops audio the far end has queued but not played (barge-in, an agent who picks up). */
  clear(): void {
    if (!this.#ended) this.#prompts.clear();
  }

  /** Ends the call (Twilio then runs the TwiML after `<Connect><Stream>`, normally nothing: the call ends). */
  hangup(reason: string): void {
    if (this.#ended) return;
    this.#prompts.close({ reason: reason === 'error' ? 'error' : 'completed' });
    this.finish();
  }

  /** @internal The gateway hands over the caller's side. */
  callerAudio(pcm: Int16Array): void {
    this.#listener?.audio(pcm);
  }

  /** @internal */
  callerDigit(digit: string): void {
    this.#listener?.digit(digit);
  }

  /** @internal */
  callerMark(name: string): void {
    this.#listener?.mark(name);
  }

  /** @internal The stream ended (told once). */
  finish(): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#listener?.closed();
  }
}
