import type { InputEvent, InputExpectation, OutputEvent } from '@omniflow/flow-engine';
import { exhaustive } from '@omniflow/flow-schema';
import { DigitCollector, type DigitEntry } from './DigitCollector.ts';
import { DtmfDetector } from './DtmfDetector.ts';
import type { RecognitionResult, RecognitionStream, Recognizer } from './Recognizer.ts';
import { firstSentence } from './firstSentence.ts';
import { resample, StreamingResampler } from './resample.ts';
import type { SynthesizedAudio, Synthesizer } from './Synthesizer.ts';
import { type VadEvent, VoiceActivityDetector } from './VoiceActivityDetector.ts';
import type { VoiceLogger } from './voiceLogger.ts';

/** One answer of the conversation engine; `FlowSession`'s TurnResult fits it. */
export interface VoiceTurn {
  outputs: readonly OutputEvent[];
  status: 'active' | 'ended';
  /** The node the session is at after the turn, when the session reports it. */
  nodeId?: string | null;
  /** The flow's variables after the turn, sensitive ones already masked by the engine. */
  variables?: Readonly<Record<string, unknown>>;
}

/** The conversation a call drives: a `FlowSession` in the runtime, anything with these two methods in a test. */
export interface VoiceSession {
  start(): Promise<VoiceTurn>;
  send(input: InputEvent): Promise<VoiceTurn>;
}

/** How a call ended, for the transport (a transfer is for the bridge to carry out). */
export interface VoiceCallEnd {
  reason: 'completed' | 'transferred' | 'hangup' | 'error';
  queue?: string;
  agent?: string;
}

/** What a call needs from its transport (a Twilio media stream, a browser socket). */
export interface VoiceCallTransport {
  /** Queues prompt audio, then a mark the far end echoes once that audio has been played. */
  play(audio: SynthesizedAudio, mark: string): void;
  /** Drops queued audio (barge-in). */
  clear(): void;
  close(end: VoiceCallEnd): void;
}

/** What happened on a call, for tests, metrics and the benchmark; digits of sensitive slots are masked. */
export type VoiceCallEvent =
  | { type: 'audioSent'; atMs: number; text: string; durationMs: number }
  | { type: 'listening'; atMs: number; speech: boolean; dtmf: boolean }
  | { type: 'bargeIn'; atMs: number; by: 'speech' | 'dtmf' }
  | { type: 'speechStart'; atMs: number }
  | { type: 'speechEnd'; atMs: number; lastVoiceAtMs: number }
  | { type: 'recognized'; atMs: number; transcript: string | null; confidence: number }
  | { type: 'dtmf'; atMs: number; digits: string; reason: string }
  | { type: 'noInput'; atMs: number }
  | { type: 'closed'; atMs: number; end: VoiceCallEnd };

/** Everything one call is made of. */
export interface VoiceCallOptions {
  callId: string;
  session: VoiceSession;
  transport: VoiceCallTransport;
  recognizer: Recognizer;
  synthesizer: Synthesizer;
  locale: string;
  /** Rate of the caller audio: 8000 (telephony μ-law) or 16000 (browser PCM). */
  inputRate: number;
  logger?: VoiceLogger;
  onEvent?: (event: VoiceCallEvent) => void;
  /** Told each turn's result before its prompts play (the browser simulator shows the node and variables). */
  onTurn?: (turn: VoiceTurn) => void;
}

type Phase = 'idle' | 'busy' | 'listening' | 'closing' | 'closed';

const SENSITIVE_MAX_DIGITS = 20;

/**
 * One voice call, transport-agnostic: caller audio frames and out-of-band keys in, prompt audio out. It plays the
 * session's prompts, listens as each prompt asks (speech through VAD + recognizer, keys from in-band tones or
 * events), handles barge-in, and feeds `speech`, `dtmf` and `noInput` to the session. Its clock is the caller
 * audio itself (ms of samples received), so it needs no timers.
 */
export class VoiceCall {
  private readonly options: VoiceCallOptions;
  private readonly vad: VoiceActivityDetector;
  private readonly dtmf: DtmfDetector;
  private readonly digits: DigitCollector;
  private readonly abort = new AbortController();
  private samples = 0;
  private phase: Phase = 'idle';
  private expectation: InputExpectation | null = null;
  private speechEnabled = false;
  /** When the no-input clock of the current listening period started; null until its prompt has finished. */
  private listenStartMs: number | null = null;
  private playbackEndsAtMs = 0;
  private readonly pendingMarks = new Set<string>();
  private markCount = 0;
  private inbandDtmf = true;
  private locale: string;
  private end: VoiceCallEnd = { reason: 'completed' };
  private speculation: { lastVoiceAtMs: number; controller: AbortController; result: Promise<RecognitionResult | null> } | null = null;
  /** The utterance being recognized while it is spoken, when the recognizer streams. */
  private stream: { controller: AbortController; recognition: RecognitionStream; resampler: StreamingResampler; written: number } | null = null;

  constructor(options: VoiceCallOptions) {
    this.options = options;
    this.locale = options.locale;
    this.vad = new VoiceActivityDetector({ sampleRate: options.inputRate });
    this.dtmf = new DtmfDetector({ sampleRate: options.inputRate });
    this.digits = new DigitCollector({ now: () => this.nowMs });
  }

  /** Milliseconds of caller audio received: the call's clock. */
  get nowMs(): number {
    return (this.samples * 1000) / this.options.inputRate;
  }

  /** True once the call has closed. */
  get closed(): boolean {
    return this.phase === 'closed';
  }

  /** Starts the session and plays its first prompts. */
  async start(): Promise<void> {
    this.phase = 'busy';
    await this.run(() => this.options.session.start());
  }

  /** Feeds caller audio (16-bit PCM at `inputRate`), normally in 20 ms frames. */
  pushAudio(pcm: Int16Array): void {
    if (this.phase === 'closed') return;
    this.samples += pcm.length;
    if (this.inbandDtmf) for (const tone of this.dtmf.push(pcm)) this.key(tone.digit);
    if (this.phase === 'closing') {
      if (!this.playing) this.finish();
      return;
    }
    const events = this.vad.push(pcm);
    if (this.phase !== 'listening') return;
    if (this.listenStartMs === null && !this.playing) this.startListening();
    for (const event of events) this.onVad(event);
    if (this.stream !== null) this.writeStream(this.vad.takeSpeech());
    if (this.phase !== 'listening') return;
    const entry = this.digits.tick();
    if (entry !== null) {
      this.submitDigits(entry);
      return;
    }
    const expectation = this.expectation;
    if (expectation !== null && this.listenStartMs !== null && !this.speechEnabled && !this.digits.pending && this.nowMs - this.listenStartMs >= expectation.noInputTimeoutMs) {
      this.noInput();
    }
  }

  /** A key reported out of band (Twilio `dtmf` event, RFC 2833); from then on in-band detection is off to avoid doubles. */
  pushDtmf(digit: string): void {
    if (this.inbandDtmf) {
      this.inbandDtmf = false;
      this.dtmf.reset();
    }
    this.key(digit);
  }

  /** The far end played up to this mark. */
  markPlayed(name: string): void {
    this.pendingMarks.delete(name);
    if (this.pendingMarks.size === 0) this.playbackEndsAtMs = Math.min(this.playbackEndsAtMs, this.nowMs);
    if (this.phase === 'closing' && !this.playing) this.finish();
  }

  /** The caller hung up or the stream stopped: tell the session and stop all work. */
  hangup(): void {
    if (this.phase === 'closed') return;
    const wasOpen = this.phase !== 'closing';
    this.phase = 'closed';
    this.abort.abort();
    this.emit({ type: 'closed', atMs: this.nowMs, end: { reason: 'hangup' } });
    if (wasOpen) {
      this.options.session.send({ type: 'hangup' }).catch((error: unknown) => this.options.logger?.warn({ callId: this.options.callId, error: String(error) }, 'session hangup failed'));
    }
  }

  /** A prompt is playing until the far end echoes its last mark or its duration has passed, whichever comes first. */
  private get playing(): boolean {
    if (this.pendingMarks.size > 0 && this.nowMs >= this.playbackEndsAtMs) this.pendingMarks.clear();
    return this.pendingMarks.size > 0;
  }

  private onVad(event: VadEvent): void {
    switch (event.type) {
      case 'speechStart':
        this.emit({ type: 'speechStart', atMs: event.atMs });
        if (this.playing) this.bargeIn('speech');
        this.openStream();
        return;
      case 'pause':
        if (this.stream === null) this.speculate(event.audio, event.lastVoiceAtMs);
        return;
      case 'speechEnd':
        this.emit({ type: 'speechEnd', atMs: event.atMs, lastVoiceAtMs: event.lastVoiceAtMs });
        void this.recognize(event.audio, event.lastVoiceAtMs);
        return;
      case 'noInput':
        this.noInput();
        return;
      default:
        exhaustive(event);
    }
  }

  private key(digit: string): void {
    if (this.phase === 'closed' || this.phase === 'closing') return;
    const expectation = this.expectation;
    if (this.phase !== 'listening' || expectation === null) {
      this.digits.press(digit);
      return;
    }
    if (this.playing) {
      if (!expectation.bargeIn) {
        // A prompt that may not be interrupted keeps the key for when it has finished (type-ahead).
        this.digits.press(digit);
        return;
      }
      this.bargeIn('dtmf');
    }
    // The caller chose the keypad: a tone or a key click must not also be taken for speech.
    this.speechEnabled = false;
    this.vad.stop();
    this.dropStream();
    if (expectation.dtmf === undefined && !expectation.sensitive) {
      this.submit({ type: 'dtmf', digits: digit }, { type: 'dtmf', atMs: this.nowMs, digits: digit, reason: 'single' });
      return;
    }
    const entry = this.digits.press(digit);
    if (entry !== null) this.submitDigits(entry);
  }

  private bargeIn(by: 'speech' | 'dtmf'): void {
    this.options.transport.clear();
    this.pendingMarks.clear();
    this.playbackEndsAtMs = this.nowMs;
    this.emit({ type: 'bargeIn', atMs: this.nowMs, by });
    if (this.listenStartMs === null) this.startListening();
  }

  private listenFor(expectation: InputExpectation): void {
    this.phase = 'listening';
    this.expectation = expectation;
    this.speechEnabled = expectation.speech !== undefined && !expectation.sensitive;
    this.listenStartMs = null;
    // Grammar files and models get ready while the prompt plays, not when the caller starts speaking.
    if (this.speechEnabled) this.options.recognizer.prepare?.(expectation.speech?.grammar ?? null, this.locale);
    if (expectation.bargeIn) {
      const entry = this.expectDigits(expectation);
      if (entry !== null) {
        this.submitDigits(entry);
        return;
      }
      if (this.speechEnabled) this.vad.listen({ ...this.speechTiming(expectation), noInputMs: Number.POSITIVE_INFINITY });
    } else {
      this.vad.stop();
      this.digits.pause();
    }
    if (!this.playing) this.startListening();
  }

  /** The prompt has finished (or was interrupted): the no-input clock starts. */
  private startListening(): void {
    const expectation = this.expectation;
    if (expectation === null) return;
    this.listenStartMs = this.nowMs;
    if (!expectation.bargeIn) {
      const entry = this.expectDigits(expectation);
      if (entry !== null) {
        this.submitDigits(entry);
        return;
      }
    }
    if (this.speechEnabled && !this.vad.inSpeech) this.vad.listen({ ...this.speechTiming(expectation), noInputMs: expectation.noInputTimeoutMs });
    this.emit({ type: 'listening', atMs: this.nowMs, speech: this.speechEnabled, dtmf: expectation.dtmf !== undefined || expectation.sensitive });
  }

  private speechTiming(expectation: InputExpectation): { endOfSpeechMs?: number; maxUtteranceMs?: number } {
    return { endOfSpeechMs: expectation.speech?.endOfSpeechMs, maxUtteranceMs: expectation.speech?.maxUtteranceMs };
  }

  private expectDigits(expectation: InputExpectation): DigitEntry | null {
    const dtmf = expectation.dtmf;
    if (dtmf === undefined && !expectation.sensitive) {
      this.digits.pause();
      return null;
    }
    return this.digits.expect({
      maxDigits: dtmf?.maxDigits ?? SENSITIVE_MAX_DIGITS,
      terminator: dtmf?.terminator ?? '#',
      interDigitTimeoutMs: dtmf?.interDigitTimeoutMs,
      sensitive: expectation.sensitive,
    });
  }

  private submitDigits(entry: DigitEntry): void {
    const sensitive = this.expectation?.sensitive ?? false;
    if (this.playing) this.bargeIn('dtmf');
    const shown = sensitive ? '•'.repeat(entry.digits.length) : entry.digits;
    this.submit({ type: 'dtmf', digits: entry.digits }, { type: 'dtmf', atMs: this.nowMs, digits: shown, reason: entry.reason });
  }

  private noInput(): void {
    this.submit({ type: 'noInput' }, { type: 'noInput', atMs: this.nowMs });
  }

  /**
   * Starts recognizing at a pause inside the utterance, before the end-of-speech decision: if the caller says
   * nothing more, the result is ready (or nearly) when the decision comes, which saves most of the recognizer's time.
   */
  private speculate(utterance: Int16Array, lastVoiceAtMs: number): void {
    this.speculation?.controller.abort();
    const controller = this.utteranceController();
    const result = this.recognizeAudio(utterance, controller.signal);
    result.finally(() => controller.abort()).catch(() => undefined);
    this.speculation = { lastVoiceAtMs, controller, result };
  }

  /** Aborted by the call's end too; its listener goes once the utterance is settled (aborted or used). */
  private utteranceController(): AbortController {
    const controller = new AbortController();
    const onCallAbort = () => controller.abort();
    this.abort.signal.addEventListener('abort', onCallAbort, { once: true });
    controller.signal.addEventListener('abort', () => this.abort.signal.removeEventListener('abort', onCallAbort), { once: true });
    return controller;
  }

  /**
   * Starts recognizing as the caller starts speaking, when the recognizer can stream: the speech is decoded as
   * it arrives, so at the end-of-speech decision only its last moments are left to decode.
   */
  private openStream(): void {
    this.dropStream();
    const startStream = this.options.recognizer.startStream?.bind(this.options.recognizer);
    if (!this.speechEnabled || startStream === undefined) return;
    const controller = this.utteranceController();
    const recognition = startStream(this.expectation?.speech?.grammar ?? null, this.locale, controller.signal);
    if (recognition === null) {
      controller.abort();
      return;
    }
    this.stream = { controller, recognition, resampler: new StreamingResampler(this.options.inputRate, 16000), written: 0 };
  }

  private writeStream(audio: Int16Array): void {
    const stream = this.stream;
    if (stream === null || audio.length === 0) return;
    stream.written += audio.length;
    stream.recognition.write(stream.resampler.push(audio));
  }

  /** Stops the streaming recognizer: the caller pressed a key, hung up, or the listening period ended otherwise. */
  private dropStream(): void {
    this.stream?.controller.abort();
    this.stream = null;
  }

  /** The utterance is complete: the streamed recognizer gets the rest of its audio and decodes the tail. */
  private finishStream(utterance: Int16Array): Promise<RecognitionResult | null> | null {
    const stream = this.stream;
    this.stream = null;
    if (stream === null) return null;
    stream.recognition.write(stream.resampler.push(utterance.subarray(stream.written)));
    stream.recognition.write(stream.resampler.flush());
    const result = stream.recognition.finish();
    // Settled: nothing left to abort, and the call's abort listener goes.
    result.finally(() => stream.controller.abort()).catch(() => undefined);
    return result;
  }

  private recognizeAudio(utterance: Int16Array, signal: AbortSignal): Promise<RecognitionResult | null> {
    const grammar = this.expectation?.speech?.grammar ?? null;
    const pcm16k = this.options.inputRate === 16000 ? utterance : resample(utterance, this.options.inputRate, 16000);
    return this.options.recognizer.recognize(pcm16k, grammar, this.locale, signal);
  }

  private async recognize(utterance: Int16Array, lastVoiceAtMs: number): Promise<void> {
    const streamed = this.finishStream(utterance);
    const speculation = this.speculation;
    this.speculation = null;
    const reuse = speculation !== null && speculation.lastVoiceAtMs === lastVoiceAtMs;
    if (!reuse) speculation?.controller.abort();
    this.phase = 'busy';
    this.vad.stop();
    this.digits.pause();
    let result = null;
    try {
      result = await (streamed ?? (reuse ? speculation.result : this.recognizeAudio(utterance, this.abort.signal)));
    } catch (error) {
      if (this.abort.signal.aborted) return;
      this.options.logger?.error({ callId: this.options.callId, error: String(error) }, 'speech recognition failed; taking it as no match');
    }
    if (this.closed) return;
    this.emit({ type: 'recognized', atMs: this.nowMs, transcript: result?.transcript ?? null, confidence: result?.confidence ?? 0 });
    // Speech without a usable result goes to the flow as an empty, zero-confidence utterance: its no-match path.
    const input: InputEvent = result
      ? { type: 'speech', transcript: result.transcript, confidence: result.confidence, alternatives: result.alternatives }
      : { type: 'speech', transcript: '', confidence: 0 };
    this.submit(input, null);
  }

  private submit(input: InputEvent, event: VoiceCallEvent | null): void {
    this.speculation?.controller.abort();
    this.speculation = null;
    this.dropStream();
    this.phase = 'busy';
    this.expectation = null;
    this.vad.stop();
    this.digits.pause();
    if (event !== null) this.emit(event);
    this.options.logger?.info({ callId: this.options.callId, input: input.type }, 'voice input');
    void this.run(() => this.options.session.send(input));
  }

  /** Runs one engine turn and plays its outputs; a failure ends the call, never the process. */
  private async run(turn: () => Promise<VoiceTurn>): Promise<void> {
    try {
      const result = await turn();
      if (this.phase === 'closed') return;
      this.options.onTurn?.(result);
      await this.play(result);
    } catch (error) {
      if (this.phase === 'closed') return;
      this.options.logger?.error({ callId: this.options.callId, error: String(error) }, 'voice call failed');
      this.end = { reason: 'error' };
      this.finish();
    }
  }

  private async play(turn: VoiceTurn): Promise<void> {
    // Synthesize every prompt of the turn at once, each prompt's first sentence apart from the rest so it is
    // ready (and sent) sooner; play them in order as each is ready.
    const says = turn.outputs.flatMap((o) => (o.type === 'say' ? [o] : []));
    const audios = says.map((say) => firstSentence(say.text).map((piece) => this.options.synthesizer.synthesize(piece, say.locale, this.abort.signal)));
    for (const audio of audios.flat()) audio.catch(() => undefined);
    for (const [i, say] of says.entries()) {
      this.locale = say.locale;
      let sentAtMs: number | null = null;
      let durationMs = 0;
      for (const pending of audios[i] ?? []) {
        const audio = await pending;
        if (this.phase === 'closed') return;
        const mark = `prompt-${++this.markCount}`;
        this.options.transport.play(audio, mark);
        this.pendingMarks.add(mark);
        this.playbackEndsAtMs = Math.max(this.playbackEndsAtMs, this.nowMs) + audio.durationMs;
        sentAtMs ??= this.nowMs;
        durationMs += audio.durationMs;
      }
      if (sentAtMs !== null) this.emit({ type: 'audioSent', atMs: sentAtMs, text: say.text, durationMs });
    }
    let expectation: InputExpectation | null = null;
    for (const output of turn.outputs) {
      if (output.type === 'prompt') expectation = output.expect;
      else if (output.type === 'transfer') this.end = { reason: 'transferred', queue: output.queue, agent: output.agent };
      else if (output.type === 'end' && this.end.reason !== 'transferred') this.end = { reason: output.reason === 'transferred' ? 'transferred' : 'completed' };
    }
    if (turn.status === 'ended' || expectation === null) {
      if (turn.status !== 'ended') this.options.logger?.warn({ callId: this.options.callId }, 'session is active but asks for nothing; closing the call');
      this.phase = 'closing';
      if (!this.playing) this.finish();
      return;
    }
    this.listenFor(expectation);
  }

  private finish(): void {
    if (this.phase === 'closed') return;
    this.phase = 'closed';
    this.abort.abort();
    this.options.transport.close(this.end);
    this.emit({ type: 'closed', atMs: this.nowMs, end: this.end });
  }

  private emit(event: VoiceCallEvent): void {
    this.options.onEvent?.(event);
  }
}
