import { concatPcm, powerDbfs } from './pcm.ts';

/** What the detector noticed in the audio fed to it; times are ms of audio since the detector was made. */
export type VadEvent =
  | { type: 'speechStart'; atMs: number }
  | {
      type: 'speechEnd';
      atMs: number;
      /** When the last voiced frame ended: the caller's last word. */
      lastVoiceAtMs: number;
      /** The utterance, with a little audio before its start. */
      audio: Int16Array;
      reason: 'silence' | 'maxLength';
    }
  | { type: 'noInput'; atMs: number }
  /**
   * The caller has paused for `earlyDecodeMs` inside an utterance: the audio so far, so a recognizer can start
   * before the end-of-speech decision (a later `speechEnd` with the same `lastVoiceAtMs` carries the same speech).
   */
  | { type: 'pause'; atMs: number; lastVoiceAtMs: number; audio: Int16Array };

/** Timing of one listening period; a node can set end of speech between 300 and 1000 ms. */
export interface ListenOptions {
  endOfSpeechMs?: number;
  noInputMs?: number;
  maxUtteranceMs?: number;
}

/** Detector tuning. */
export interface VadOptions extends ListenOptions {
  sampleRate: number;
  /** How far above the noise floor a frame must be to count as voice. */
  thresholdDb?: number;
  /** Voice must last this long before it is speech (a click or a cough is not). */
  onsetMs?: number;
  /** Audio kept from before the onset decision, so the first phoneme reaches the recognizer. */
  preRollMs?: number;
  /** Silence after which a `pause` is reported; half the end-of-speech silence, at most 250 ms, by default. */
  earlyDecodeMs?: number;
}

const FRAME_MS = 10;
const MIN_VOICE_DBFS = -50;
/** Voice continues at a lower level than it must start at, so word endings are not cut. */
const HANGOVER_DB = 3;
/**
 * The first audio a detector hears sets its noise floor (its quietest frame), whatever its level, and cannot start
 * speech (voice heard meanwhile counts once it is over): a line whose noise is above the starting floor (-60 dBFS;
 * 20–30 dB under speech is common on phone lines) would otherwise be taken for a caller who never stops talking.
 */
const CALIBRATION_MS = 300;
/** Silence kept after the last word in an utterance's audio; the rest only slows the recognizer down. */
const TAIL_MS = 200;

/** Default end-of-speech silence (Amazon Connect / Lex use 600 ms). */
export const DEFAULT_END_OF_SPEECH_MS = 600;

/**
 * End-of-speech silence once the recognizer says the words so far already make a whole answer of the grammar
 * (`endsAnswer`); the pause that asks it comes as early, so a complete answer is decided after 250 ms instead of 600.
 */
export const ANSWER_END_OF_SPEECH_MS = 250;

/** Clamps a node's end-of-speech silence to the supported 300–1000 ms. */
export function clampEndOfSpeech(ms: number | undefined): number {
  return Math.min(1000, Math.max(300, ms ?? DEFAULT_END_OF_SPEECH_MS));
}

type State = 'idle' | 'waiting' | 'speech';

/**
 * Energy-based voice activity detector with an adaptive noise floor, driven only by the audio fed to it
 * (its clock is the sample count, so tests never sleep): speech start, end after a silence, no-input, maximum length.
 */
export class VoiceActivityDetector {
  private readonly rate: number;
  private readonly frameSize: number;
  private readonly thresholdDb: number;
  private readonly onsetMs: number;
  private readonly preRollFrames: number;
  private endOfSpeechMs: number;
  private noInputMs: number;
  private maxUtteranceMs: number;
  private state: State = 'idle';
  private samples = 0;
  private floorDb = -60;
  private leftover = new Int16Array(0);
  private recent: Int16Array[] = [];
  private utterance: Int16Array[] = [];
  /** Frames of `utterance` certain to be in its final audio, and how many of them `takeSpeech` has handed out. */
  private committedFrames = 0;
  private takenFrames = 0;
  private listenStartMs = 0;
  private voicedRunMs = 0;
  private speechStartMs = 0;
  private lastVoiceMs = 0;
  private pauseReported = false;
  /** The `lastVoiceMs` of the silence the recognizer called a complete answer, if any. */
  private answeredAtMs: number | null = null;
  private readonly earlyDecodeMs: number | undefined;

  constructor(options: VadOptions) {
    this.rate = options.sampleRate;
    this.frameSize = (options.sampleRate * FRAME_MS) / 1000;
    this.thresholdDb = options.thresholdDb ?? 10;
    this.onsetMs = options.onsetMs ?? 120;
    this.preRollFrames = Math.round((options.preRollMs ?? 300) / FRAME_MS);
    this.endOfSpeechMs = clampEndOfSpeech(options.endOfSpeechMs);
    this.noInputMs = options.noInputMs ?? 5000;
    this.maxUtteranceMs = options.maxUtteranceMs ?? 15_000;
    this.earlyDecodeMs = options.earlyDecodeMs;
  }

  /** Milliseconds of audio fed so far. */
  get nowMs(): number {
    return (this.samples * 1000) / this.rate;
  }

  /** True between a speech start and its end. */
  get inSpeech(): boolean {
    return this.state === 'speech';
  }

  /** The current noise floor estimate in dBFS. */
  get noiseFloorDb(): number {
    return this.floorDb;
  }

  /** Starts a listening period: the no-input clock starts now. */
  listen(options: ListenOptions = {}): void {
    this.endOfSpeechMs = clampEndOfSpeech(options.endOfSpeechMs ?? this.endOfSpeechMs);
    this.noInputMs = options.noInputMs ?? this.noInputMs;
    this.maxUtteranceMs = options.maxUtteranceMs ?? this.maxUtteranceMs;
    this.state = 'waiting';
    this.listenStartMs = this.nowMs;
    this.voicedRunMs = 0;
    this.clearUtterance();
  }

  /** Stops listening; audio still feeds the noise floor and the clock. */
  stop(): void {
    this.state = 'idle';
    this.voicedRunMs = 0;
    this.clearUtterance();
  }

  /**
   * The current utterance's audio that is certain to start its final `speechEnd` audio and was not taken
   * before: a streaming recognizer decodes it while the caller speaks. Silence more than 200 ms after the last
   * word is held back until voice resumes, as the end trims it; so the pieces taken are always a prefix of the
   * `speechEnd` audio.
   */
  takeSpeech(): Int16Array {
    if (this.takenFrames >= this.committedFrames) return new Int16Array(0);
    const taken = concatPcm(this.utterance.slice(this.takenFrames, this.committedFrames));
    this.takenFrames = this.committedFrames;
    return taken;
  }

  /**
   * The words spoken up to the silence that followed `lastVoiceAtMs` make a whole answer: unless the caller speaks
   * again, the utterance ends once that silence lasts {@link ANSWER_END_OF_SPEECH_MS} (or the node's own window, if
   * shorter). Ignored when the caller has spoken since or the utterance is over.
   */
  endsAnswer(lastVoiceAtMs: number): void {
    if (this.state === 'speech' && this.lastVoiceMs === lastVoiceAtMs) this.answeredAtMs = lastVoiceAtMs;
  }

  /** Feeds audio of any length; returns what happened in it. */
  push(pcm: Int16Array): VadEvent[] {
    const events: VadEvent[] = [];
    const all = this.leftover.length > 0 ? concatPcm([this.leftover, pcm]) : pcm;
    let at = 0;
    for (; at + this.frameSize <= all.length; at += this.frameSize) {
      const event = this.frame(all.slice(at, at + this.frameSize));
      if (event !== null) events.push(event);
    }
    this.leftover = all.slice(at);
    return events;
  }

  private frame(frame: Int16Array): VadEvent | null {
    this.samples += frame.length;
    const now = this.nowMs;
    const level = powerDbfs(frame);
    const gate = Math.max(MIN_VOICE_DBFS, this.floorDb + this.thresholdDb);
    this.recent.push(frame);
    if (this.recent.length > this.preRollFrames) this.recent.shift();
    const calibrating = now <= CALIBRATION_MS;
    // The quietest frame heard so far: the line's noise, even when the caller speaks from the first moment.
    if (calibrating) this.floorDb = Math.max(-90, now <= FRAME_MS ? level : Math.min(this.floorDb, level));
    if (this.state === 'speech') return this.inUtterance(frame, now, level > gate - HANGOVER_DB);
    const voiced = level > gate;
    // While nobody listens, steady background noise may rise above the gate; let the floor follow it anyway.
    if (calibrating) {
      // Set above: the first moments only lower it.
    } else if (!voiced) this.adaptFloor(level, 0.01);
    else if (this.state === 'idle') this.adaptFloor(level, 0.002);
    if (this.state === 'idle') return null;
    this.voicedRunMs = voiced ? this.voicedRunMs + FRAME_MS : 0;
    if (this.voicedRunMs >= this.onsetMs && !calibrating) {
      this.state = 'speech';
      this.speechStartMs = now - this.voicedRunMs;
      this.lastVoiceMs = now;
      this.pauseReported = false;
      this.answeredAtMs = null;
      this.utterance = [...this.recent];
      this.committedFrames = this.utterance.length;
      this.takenFrames = 0;
      return { type: 'speechStart', atMs: now };
    }
    if (now - this.listenStartMs >= this.noInputMs) {
      this.state = 'idle';
      return { type: 'noInput', atMs: now };
    }
    return null;
  }

  private inUtterance(frame: Int16Array, now: number, voiced: boolean): VadEvent | null {
    this.utterance.push(frame);
    if (voiced) {
      this.lastVoiceMs = now;
      this.pauseReported = false;
      this.answeredAtMs = null;
    }
    if (now - this.lastVoiceMs <= TAIL_MS) this.committedFrames = this.utterance.length;
    const quiet = now - this.lastVoiceMs;
    const answered = this.answeredAtMs === this.lastVoiceMs;
    const silent =
      quiet >= this.endOfSpeechMs || (answered && quiet >= Math.min(ANSWER_END_OF_SPEECH_MS, this.endOfSpeechMs));
    const tooLong = now - this.speechStartMs >= this.maxUtteranceMs;
    if (!silent && !tooLong) {
      const pauseMs = this.earlyDecodeMs ?? Math.min(this.endOfSpeechMs / 2, ANSWER_END_OF_SPEECH_MS);
      if (this.pauseReported || quiet < pauseMs) return null;
      this.pauseReported = true;
      return { type: 'pause', atMs: now, lastVoiceAtMs: this.lastVoiceMs, audio: concatPcm(this.utterance) };
    }
    const tailFrames = Math.max(0, Math.round((now - this.lastVoiceMs - TAIL_MS) / FRAME_MS));
    const audio = concatPcm(this.utterance.slice(0, this.utterance.length - tailFrames));
    this.state = 'idle';
    this.clearUtterance();
    return {
      type: 'speechEnd',
      atMs: now,
      lastVoiceAtMs: this.lastVoiceMs,
      audio,
      reason: silent ? 'silence' : 'maxLength',
    };
  }

  private clearUtterance(): void {
    this.answeredAtMs = null;
    this.utterance = [];
    this.committedFrames = 0;
    this.takenFrames = 0;
  }

  /** Follows a falling floor quickly and a rising one slowly (`rise` per 10 ms frame), so speech does not raise it. */
  private adaptFloor(level: number, rise: number): void {
    const rate = level < this.floorDb ? 0.3 : rise;
    this.floorDb = Math.max(-90, this.floorDb + (level - this.floorDb) * rate);
  }
}
