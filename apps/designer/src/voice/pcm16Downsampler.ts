/** Samples per outgoing frame: 20 ms at 16 kHz, the frame size the runtime's voice gateway suggests. */
export const FRAME_SAMPLES = 320;

/** The rate the voice gateway's raw mode takes and sends. */
export const GATEWAY_RATE = 16000;

/**
 * Turns the audio context's float samples (any rate ≥ 16 kHz) into 20 ms frames of 16 kHz 16-bit little-endian
 * mono PCM, averaging each output period's input samples (a box low-pass) so speech keeps its shape.
 */
export class Pcm16Downsampler {
  private readonly step: number;
  private remaining: number;
  private sum = 0;
  private count = 0;
  private frame = new Uint8Array(FRAME_SAMPLES * 2);
  private view = new DataView(this.frame.buffer);
  private filled = 0;

  constructor(inputRate: number) {
    if (!(inputRate >= GATEWAY_RATE))
      throw new Error(
        `The microphone runs at ${inputRate} Hz; the voice gateway needs at least ${GATEWAY_RATE} Hz input.`,
      );
    this.step = inputRate / GATEWAY_RATE;
    this.remaining = this.step;
  }

  /** Feeds samples in [-1, 1]; answers the frames completed by them (640 bytes each). */
  push(samples: Float32Array): Uint8Array<ArrayBuffer>[] {
    const frames: Uint8Array<ArrayBuffer>[] = [];
    for (const sample of samples) {
      this.sum += sample;
      this.count += 1;
      this.remaining -= 1;
      if (this.remaining > 1e-9) continue;
      this.remaining += this.step;
      this.view.setInt16(this.filled * 2, toInt16(this.sum / this.count), true);
      this.sum = 0;
      this.count = 0;
      this.filled += 1;
      if (this.filled === FRAME_SAMPLES) {
        frames.push(this.frame);
        this.frame = new Uint8Array(FRAME_SAMPLES * 2);
        this.view = new DataView(this.frame.buffer);
        this.filled = 0;
      }
    }
    return frames;
  }
}

function toInt16(sample: number): number {
  const clamped = Math.max(-1, Math.min(1, sample));
  return Math.round(clamped < 0 ? clamped * 32768 : clamped * 32767);
}

/** Decodes 16-bit little-endian PCM bytes to floats in [-1, 1) for Web Audio. */
export function pcm16ToFloat32(bytes: ArrayBuffer): Float32Array<ArrayBuffer> {
  const view = new DataView(bytes);
  const samples = new Float32Array(Math.floor(bytes.byteLength / 2));
  for (let i = 0; i < samples.length; i += 1) samples[i] = view.getInt16(i * 2, true) / 32768;
  return samples;
}
