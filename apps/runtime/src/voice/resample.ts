const HALF_TAPS = 16;

/**
 * Converts mono 16-bit PCM between sample rates (8 kHz ↔ 16 kHz for telephony, 22.05 kHz synthesizer output)
 * with a Blackman-windowed sinc interpolator that low-passes below the lower Nyquist frequency.
 */
export function resample(input: Int16Array, fromRate: number, toRate: number): Int16Array {
  if (fromRate === toRate) return input.slice();
  const ratio = toRate / fromRate;
  const outLength = Math.floor(input.length * ratio);
  const out = new Int16Array(outLength);
  // Cut off a little below the lower Nyquist so the transition band does not alias.
  const cutoff = Math.min(1, ratio) * 0.92;
  const halfWidth = Math.ceil(HALF_TAPS / Math.min(1, ratio));
  for (let i = 0; i < outLength; i++) {
    const center = i / ratio;
    const first = Math.max(0, Math.floor(center) - halfWidth + 1);
    const last = Math.min(input.length - 1, Math.floor(center) + halfWidth);
    let acc = 0;
    for (let k = first; k <= last; k++) {
      const x = k - center;
      acc += (input[k] ?? 0) * cutoff * sinc(cutoff * x) * blackman(x / (halfWidth + 1));
    }
    out[i] = Math.max(-32768, Math.min(32767, Math.round(acc)));
  }
  return out;
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
