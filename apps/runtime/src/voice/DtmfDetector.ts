/** A key press recognized in the audio, with the call time (ms of audio fed) at which it was accepted. */
export interface DtmfDetection {
  digit: string;
  atMs: number;
}

/** Tuning of the detector; the defaults follow the ITU-T Q.24 figures Asterisk and FreeSWITCH implement. */
export interface DtmfDetectorOptions {
  sampleRate: number;
  /** Largest level by which the low (row) tone may exceed the high (column) tone. */
  normalTwistDb?: number;
  /** Largest level by which the high (column) tone may exceed the low (row) tone. */
  reverseTwistDb?: number;
  /** Largest relative frequency error accepted; Q.24 asks ±1.5% accepted and ±3.5% rejected. */
  maxFrequencyDeviation?: number;
  /** Quietest accepted tone, in dB of full scale per tone (about -36 dBm0 on a μ-law line). */
  minToneDbfs?: number;
}

const ROWS = [697, 770, 852, 941] as const;
const COLUMNS = [1209, 1336, 1477, 1633] as const;
const KEYS = ['123A', '456B', '789C', '*0#D'] as const;

/** Analysis window length: 25.6 ms resolves adjacent row tones (73 Hz apart) without a window function. */
const WINDOW_SECONDS = 0.025625;
/** Windows are evaluated every 5 ms so a tone's duration is measured to that precision. */
const HOP_SECONDS = 0.005;
/**
 * Consecutive valid windows needed. A window is valid only when a tone fills ~80% of it (its quietest fifth must
 * hold half the mean energy), so two windows 5 ms apart need a tone of at least ~25.6 ms and always fit in one of
 * ~30.6 ms: 22 ms never passes, 40 ms always does.
 */
const MIN_HITS = 2;
/** Consecutive invalid windows that end a tone, so one long tone yields one digit. */
const RELEASE_MISSES = 2;
/** Spacing of the two spans whose phase difference measures a tone's frequency (±200 Hz unambiguous). */
const PHASE_LAG_SECONDS = 0.0025;
const SUB_BLOCKS = 5;
/** Energy share of the two tones in the window; speech and noise spread their energy wider. */
const MIN_TONE_SHARE = 0.6;
/** The strongest tone of a group must beat the group's runner-up by this much. */
const RELATIVE_PEAK_DB = 6;

/**
 * Goertzel DTMF detector for 8 kHz or 16 kHz mono PCM, fed in frames of any size; reports each key once per
 * tone, only for tones of valid duration, frequency, twist, level and purity.
 */
export class DtmfDetector {
  readonly sampleRate: number;
  private readonly windowSize: number;
  private readonly hop: number;
  private readonly normalTwist: number;
  private readonly reverseTwist: number;
  private readonly maxDeviation: number;
  private readonly minTonePower: number;
  /** Per DTMF frequency, Goertzel coefficients at the nominal frequency and ±2%, so an off-nominal tone still shows its level. */
  private readonly probeCoefficients: number[][];
  private readonly buffer: Float64Array;
  private filled = 0;
  private consumed = 0;
  private candidate: string | null = null;
  private hits = 0;
  private held: string | null = null;
  private misses = 0;

  constructor(options: DtmfDetectorOptions) {
    this.sampleRate = options.sampleRate;
    this.windowSize = Math.round(WINDOW_SECONDS * options.sampleRate);
    this.hop = Math.round(HOP_SECONDS * options.sampleRate);
    this.normalTwist = dbToRatio(options.normalTwistDb ?? 8);
    this.reverseTwist = dbToRatio(options.reverseTwistDb ?? 4);
    this.maxDeviation = options.maxFrequencyDeviation ?? 0.025;
    const amplitude = 32768 * dbToAmplitude(options.minToneDbfs ?? -45);
    this.minTonePower = (amplitude * amplitude) / 2;
    this.probeCoefficients = [...ROWS, ...COLUMNS].map((f) =>
      [0.98, 1, 1.02].map((k) => 2 * Math.cos((2 * Math.PI * f * k) / options.sampleRate)),
    );
    this.buffer = new Float64Array(this.windowSize * 4);
  }

  /** Feeds samples; returns the digits whose tones were accepted within them. */
  push(frame: Int16Array): DtmfDetection[] {
    const found: DtmfDetection[] = [];
    let offset = 0;
    while (offset < frame.length) {
      const take = Math.min(frame.length - offset, this.buffer.length - this.filled);
      for (let i = 0; i < take; i++) this.buffer[this.filled + i] = frame[offset + i] ?? 0;
      this.filled += take;
      offset += take;
      let start = 0;
      while (start + this.windowSize <= this.filled) {
        const digit = this.step(this.analyze(start));
        if (digit !== null)
          found.push({ digit, atMs: ((this.consumed + start + this.windowSize) * 1000) / this.sampleRate });
        start += this.hop;
      }
      this.buffer.copyWithin(0, start, this.filled);
      this.filled -= start;
      this.consumed += start;
    }
    return found;
  }

  /** Forgets any tone in progress (a new call, or audio that was not contiguous). */
  reset(): void {
    this.filled = 0;
    this.candidate = null;
    this.hits = 0;
    this.held = null;
    this.misses = 0;
  }

  /** Advances the duration bookkeeping with one window's verdict; returns a digit when it is first accepted. */
  private step(digit: string | null): string | null {
    if (digit !== null && digit === this.candidate) this.hits++;
    else {
      this.candidate = digit;
      this.hits = digit === null ? 0 : 1;
    }
    if (digit !== this.held) {
      this.misses++;
      if (this.misses >= RELEASE_MISSES) this.held = null;
    } else this.misses = 0;
    if (digit !== null && this.hits >= MIN_HITS && this.held !== digit) {
      this.held = digit;
      this.misses = 0;
      return digit;
    }
    return null;
  }

  /** The digit a single window holds, or null when any check fails. */
  private analyze(start: number): string | null {
    const n = this.windowSize;
    const buf = this.buffer;
    const subSize = Math.floor(n / SUB_BLOCKS);
    let total = 0;
    let weakestSub = Infinity;
    for (let b = 0; b < SUB_BLOCKS; b++) {
      let sub = 0;
      const end = b === SUB_BLOCKS - 1 ? n : (b + 1) * subSize;
      for (let i = b * subSize; i < end; i++) {
        const s = buf[start + i] ?? 0;
        sub += s * s;
      }
      total += sub;
      weakestSub = Math.min(weakestSub, sub / (end - b * subSize));
    }
    const meanPower = total / n;
    if (meanPower < this.minTonePower) return null;
    // A tone fills the whole window: a quiet sub-block means the window straddles its start or end.
    if (weakestSub < meanPower * 0.5) return null;
    const powers = this.probeCoefficients.map((probes) => Math.max(...probes.map((c) => this.goertzel(start, c))));
    const row = strongest(powers, 0);
    const col = strongest(powers, 4);
    if ((powers[row.index] ?? 0) < row.runnerUp * dbToRatio(RELATIVE_PEAK_DB)) return null;
    if ((powers[4 + col.index] ?? 0) < col.runnerUp * dbToRatio(RELATIVE_PEAK_DB)) return null;
    const rowNominal = ROWS[row.index] ?? 0;
    const colNominal = COLUMNS[col.index] ?? 0;
    const rowFrequency = this.measureFrequency(start, rowNominal);
    const colFrequency = this.measureFrequency(start, colNominal);
    if (Math.abs(rowFrequency - rowNominal) > rowNominal * this.maxDeviation) return null;
    if (Math.abs(colFrequency - colNominal) > colNominal * this.maxDeviation) return null;
    // Level, twist and purity are judged at the measured frequencies, so an in-tolerance offset costs no level.
    const rowPower = this.goertzel(start, 2 * Math.cos((2 * Math.PI * rowFrequency) / this.sampleRate));
    const colPower = this.goertzel(start, 2 * Math.cos((2 * Math.PI * colFrequency) / this.sampleRate));
    if (rowPower < this.minTonePower || colPower < this.minTonePower) return null;
    if (rowPower > colPower * this.normalTwist || colPower > rowPower * this.reverseTwist) return null;
    if (rowPower + colPower < meanPower * MIN_TONE_SHARE) return null;
    return KEYS[row.index]?.[col.index] ?? null;
  }

  /** Sinusoid power (A²/2) over the window at the frequency whose Goertzel coefficient (2·cos ω) is given. */
  private goertzel(start: number, coefficient: number): number {
    const n = this.windowSize;
    let s1 = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const s0 = (this.buffer[start + i] ?? 0) + coefficient * s1 - s2;
      s2 = s1;
      s1 = s0;
    }
    return (2 * (s1 * s1 + s2 * s2 - coefficient * s1 * s2)) / (n * n);
  }

  /**
   * Measures the tone's true frequency from the phase advance between two Hann-windowed spans 2.5 ms apart
   * (a Goertzel bin alone is ~40 Hz wide, too coarse for the ±1.5% / ±3.5% rule).
   */
  private measureFrequency(start: number, nominal: number): number {
    const lag = Math.round(PHASE_LAG_SECONDS * this.sampleRate);
    const span = this.windowSize - lag;
    const omega = (2 * Math.PI * nominal) / this.sampleRate;
    let aRe = 0;
    let aIm = 0;
    let bRe = 0;
    let bIm = 0;
    for (let i = 0; i < span; i++) {
      const w = 0.5 - 0.5 * Math.cos((2 * Math.PI * (i + 0.5)) / span);
      const c = w * Math.cos(omega * i);
      const s = w * Math.sin(omega * i);
      const a = this.buffer[start + i] ?? 0;
      const b = this.buffer[start + lag + i] ?? 0;
      aRe += a * c;
      aIm -= a * s;
      bRe += b * c;
      bIm -= b * s;
    }
    // arg(B · conj(A)) is the phase the tone advanced over `lag` samples.
    const advance = Math.atan2(bIm * aRe - bRe * aIm, bRe * aRe + bIm * aIm);
    let error = advance - omega * lag;
    error -= 2 * Math.PI * Math.round(error / (2 * Math.PI));
    return nominal + (error * this.sampleRate) / (2 * Math.PI * lag);
  }
}

function strongest(powers: readonly number[], from: number): { index: number; runnerUp: number } {
  let index = 0;
  for (let i = 1; i < 4; i++) if ((powers[from + i] ?? 0) > (powers[from + index] ?? 0)) index = i;
  let runnerUp = 0;
  for (let i = 0; i < 4; i++) if (i !== index) runnerUp = Math.max(runnerUp, powers[from + i] ?? 0);
  return { index, runnerUp };
}

function dbToRatio(db: number): number {
  return 10 ** (db / 10);
}

function dbToAmplitude(db: number): number {
  return 10 ** (db / 20);
}
