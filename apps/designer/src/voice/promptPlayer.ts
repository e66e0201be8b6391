import { GATEWAY_RATE, pcm16ToFloat32 } from './pcm16Downsampler.ts';

/** Where the player's audio goes: a clock in seconds and a way to start 16 kHz samples at a time on it. */
export interface PromptOutput {
  readonly currentTime: number;
  /** Starts `samples` (16 kHz mono) at `at` seconds on the output clock; the handle stops them early. */
  start(samples: Float32Array<ArrayBuffer>, at: number): { stop(): void };
}

/**
 * Plays the prompt audio the voice gateway streams (16 kHz 16-bit PCM frames) back to back, answers each `mark` when
 * playback reaches it, and drops everything queued on barge-in (`clear`).
 */
export class PromptPlayer {
  private readonly output: PromptOutput;
  private readonly playing = new Set<{ stop(): void; endsAt: number }>();
  private readonly marks = new Map<string, ReturnType<typeof setTimeout>>();
  private nextStart = 0;
  private received = 0;

  constructor(output: PromptOutput) {
    this.output = output;
  }

  /** Bytes of prompt audio received so far (shown by the simulator, checked by its end-to-end test). */
  get bytesReceived(): number {
    return this.received;
  }

  /** Milliseconds of queued audio still to play. */
  remainingMs(): number {
    return Math.max(0, this.nextStart - this.output.currentTime) * 1000;
  }

  /** Queues one frame of PCM after what is already queued. */
  play(bytes: ArrayBuffer): void {
    this.received += bytes.byteLength;
    const samples = pcm16ToFloat32(bytes);
    if (samples.length === 0) return;
    const now = this.output.currentTime;
    for (const source of this.playing) if (source.endsAt <= now) this.playing.delete(source);
    const at = Math.max(now, this.nextStart);
    this.nextStart = at + samples.length / GATEWAY_RATE;
    this.playing.add({ ...this.output.start(samples, at), endsAt: this.nextStart });
  }

  /** Calls `played(name)` once the audio queued before this mark has been played. */
  mark(name: string, played: (name: string) => void): void {
    this.marks.set(
      name,
      setTimeout(() => {
        this.marks.delete(name);
        played(name);
      }, this.remainingMs()),
    );
  }

  /** Stops the prompt and drops what is queued; answers the marks dropped with it (the gateway wants them back). */
  clear(): string[] {
    for (const source of this.playing) source.stop();
    this.playing.clear();
    this.nextStart = 0;
    const dropped = [...this.marks.keys()];
    for (const timer of this.marks.values()) clearTimeout(timer);
    this.marks.clear();
    return dropped;
  }
}

/** A {@link PromptOutput} on a Web Audio context: one buffer source per frame, scheduled on the context's clock. */
export function webAudioOutput(context: AudioContext): PromptOutput {
  return {
    get currentTime() {
      return context.currentTime;
    },
    start(samples, at) {
      const buffer = context.createBuffer(1, samples.length, GATEWAY_RATE);
      buffer.copyToChannel(samples, 0);
      const source = context.createBufferSource();
      source.buffer = buffer;
      source.connect(context.destination);
      source.start(at);
      return { stop: () => source.stop() };
    },
  };
}
