const HALF_TAPS = 16;

/**
 * Converts mono 16-bit PCM between sample rates (8 kHz ↔ 16 kHz for telephony, 22.05 kHz synthesizer output)
 * with a Blackman-windowed sinc interpolator that low-passes below the lower Nyquist frequency. The filter is
 * precomputed per rate pair (one kernel per output phase), so a call costs only multiply-adds.
 */
export function resample(input: Int16Array, fromRate: number, toRate: number): Int16Array {
  if (fromRate === toRate) return input.slice();
  const kernel = kernelFor(fromRate, toRate);
  const out = new Int16Array(Math.floor((input.length * kernel.up) / kernel.down));
  for (let i = 0; i < out.length; i++) out[i] = outputSample(kernel, input, 0, input.length, i);
  return out;
}

/**
 * The same conversion for audio that arrives in pieces (a caller's speech fed to a streaming recognizer): each
 * output sample is emitted once the input it depends on has arrived, and {@link flush} ends the stream as
 * {@link resample} ends a buffer, so the pieces joined equal `resample` of the whole input, sample for sample.
 */
export class StreamingResampler {
  private readonly kernel: Kernel | null;
  private buffer = new Int16Array(0);
  /** Input index of `buffer[0]`. */
  private bufferStart = 0;
  private received = 0;
  private produced = 0;

  constructor(fromRate: number, toRate: number) {
    this.kernel = fromRate === toRate ? null : kernelFor(fromRate, toRate);
  }

  /** Converts the next piece; returns the output samples that are now final. */
  push(input: Int16Array): Int16Array {
    if (this.kernel === null) return input.slice();
    const joined = new Int16Array(this.buffer.length + input.length);
    joined.set(this.buffer);
    joined.set(input, this.buffer.length);
    this.buffer = joined;
    this.received += input.length;
    const { up, down, halfWidth } = this.kernel;
    // Output i reads input up to floor(i·down/up) + halfWidth; it is final once that sample has arrived.
    const ready = Math.max(this.produced, Math.floor(((this.received - halfWidth) * up - 1) / down) + 1);
    return this.emit(Math.min(ready, Math.floor((this.received * up) / down)));
  }

  /** Ends the stream: the remaining output, as if the input stopped here. */
  flush(): Int16Array {
    if (this.kernel === null) return new Int16Array(0);
    return this.emit(Math.floor((this.received * this.kernel.up) / this.kernel.down));
  }

  private emit(until: number): Int16Array {
    const kernel = this.kernel;
    if (kernel === null || until <= this.produced) return new Int16Array(0);
    const out = new Int16Array(until - this.produced);
    for (let i = 0; i < out.length; i++)
      out[i] = outputSample(kernel, this.buffer, this.bufferStart, this.received, this.produced + i);
    this.produced = until;
    // Keep only the input the next output sample can still read.
    const keepFrom = Math.max(
      this.bufferStart,
      Math.floor((this.produced * kernel.down) / kernel.up) - kernel.halfWidth + 1,
    );
    this.buffer = this.buffer.slice(keepFrom - this.bufferStart);
    this.bufferStart = keepFrom;
    return out;
  }
}

/** Output sample `i` of a conversion whose input (length `length`) is held in `input` from index `start` on. */
function outputSample(kernel: Kernel, input: Int16Array, start: number, length: number, i: number): number {
  const { up, down, halfWidth, taps, weights } = kernel;
  // Output sample i sits at input position i·down/up = base + phase/up.
  const position = i * down;
  const base = Math.floor(position / up);
  const phase = position - base * up;
  const first = base - halfWidth + 1;
  const offset = phase * taps;
  let acc = 0;
  for (let k = 0; k < taps; k++) {
    const index = first + k;
    if (index >= 0 && index < length) acc += (input[index - start] ?? 0) * (weights[offset + k] ?? 0);
  }
  return acc > 32767 ? 32767 : acc < -32768 ? -32768 : Math.round(acc);
}

interface Kernel {
  up: number;
  down: number;
  halfWidth: number;
  taps: number;
  weights: Float64Array;
}

const kernels = new Map<string, Kernel>();

function kernelFor(fromRate: number, toRate: number): Kernel {
  const key = `${fromRate}:${toRate}`;
  const cached = kernels.get(key);
  if (cached !== undefined) return cached;
  const divisor = gcd(fromRate, toRate);
  const up = toRate / divisor;
  const down = fromRate / divisor;
  const ratio = toRate / fromRate;
  // Cut off a little below the lower Nyquist so the transition band does not alias.
  const cutoff = Math.min(1, ratio) * 0.92;
  const halfWidth = Math.ceil(HALF_TAPS / Math.min(1, ratio));
  const taps = 2 * halfWidth;
  const weights = new Float64Array(up * taps);
  for (let phase = 0; phase < up; phase++) {
    const fraction = phase / up;
    for (let k = 0; k < taps; k++) {
      const x = k - halfWidth + 1 - fraction;
      weights[phase * taps + k] = cutoff * sinc(cutoff * x) * blackman(x / (halfWidth + 1));
    }
  }
  const kernel = { up, down, halfWidth, taps, weights };
  kernels.set(key, kernel);
  return kernel;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

function sinc(x: number): number {
  if (x === 0) return 1;
  const px = Math.PI * x;
  return Math.sin(px) / px;
}

/** Blackman window over -1..1. */
function blackman(t: number): number {
  if (t <= -1 || t >= 1) return 0;
  const phase = Math.PI * (t + 1);
  return 0.42 - 0.5 * Math.cos(phase) + 0.08 * Math.cos(2 * phase);
}
