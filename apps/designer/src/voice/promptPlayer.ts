import { GATEWAY_RATE, pcm16ToFloat32 } from './pcm16Downsampler.ts';

/**
 * Plays the prompt audio the voice gateway streams (16 kHz 16-bit PCM frames) back to back, answers each `mark` when
 * playback reaches it, and drops everything queued on barge-in (`clear`).
 */
export class PromptPlayer {
  private readonly context: AudioContext;
  private readonly sources = new Set<AudioBufferSourceNode>();
  private readonly marks = new Map<string, ReturnType<typeof setTimeout>>();
  private nextStart = 0;
  private received = 0;

  constructor(context: AudioContext) {
    this.context = context;
  }

  /** Bytes of prompt audio received so far (shown by the simulator, checked by its end-to-end test). */
  get bytesReceived(): number {
    return this.received;
  }

  /** Milliseconds of queued audio still to play. */
  remainingMs(): number {
    return Math.max(0, this.nextStart - this.context.currentTime) * 1000;
  }

  /** Queues one frame of PCM after what is already queued. */
  play(bytes: ArrayBuffer): void {
    this.received += bytes.byteLength;
    const samples = pcm16ToFloat32(bytes);
    if (samples.length === 0) return;
    const buffer = this.context.createBuffer(1, samples.length, GATEWAY_RATE);
    buffer.copyToChannel(samples, 0);
    const source = this.context.createBufferSource();
    source.buffer = buffer;
    source.connect(this.context.destination);
    const at = Math.max(this.context.currentTime, this.nextStart);
    source.start(at);
    this.nextStart = at + buffer.duration;
    this.sources.add(source);
    source.onended = () => this.sources.delete(source);
  }

  /** Calls `played(name)` once the audio queued before this mark has been played. */
  mark(name: string, played: (name: string) => void): void {
    const delayMs = this.remainingMs();
    this.marks.set(
      name,
      setTimeout(() => {
        this.marks.delete(name);
        played(name);
      }, delayMs),
    );
  }

  /** Stops the prompt and drops what is queued; answers the marks dropped with it (the gateway wants them back). */
  clear(): string[] {
    for (const source of this.sources) source.stop();
    this.sources.clear();
    this.nextStart = 0;
    const dropped = [...this.marks.keys()];
    for (const timer of this.marks.values()) clearTimeout(timer);
    this.marks.clear();
    return dropped;
  }
}
