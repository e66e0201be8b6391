const HALF_TAPS = 16;

/**
 * Converts mono 16-bit PCM between sample rates (8 kHz ↔ 16 kHz for telephony, 22.05 kHz synthesizer output)
 * with a Blackman-windowed sinc interpolator that low-passes below the lower Nyquist frequency. The filter is
 * precomputed per rate pair (one kernel per output phase), so a call costs only multiply-adds.
 */
export function resample(input: Int16Array, fromRate: number, toRate: number): Int16Array {
  if (fromRate === toRate) return input.slice();
  const kernel = kernelFor(fromRate, toRate);
  const outLength = Math.floor((input.length * toRate) / fromRate);
  const out = new Int16Array(outLength);
  const { up, down, halfWidth, taps, weights } = kernel;
  for (let i = 0; i < outLength; i++) {
    // Output sample i sits at input position i·down/up = base + phase/up.
    const position = i * down;
    const base = Math.floor(position / up);
    const phase = position - base * up;
    const first = base - halfWidth + 1;
    const offset = phase * taps;
    let acc = 0;
    for (let k = 0; k < taps; k++) {
      const index = first + k;
      if (index >= 0 && index < input.length) acc += (input[index] ?? 0) * (weights[offset + k] ?? 0);
    }
    out[i] = acc > 32767 ? 32767 : acc < -32768 ? -32768 : Math.round(acc);
  }
  return out;
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
