import type { RecognitionResult, RecognitionStream, Recognizer } from './Recognizer.ts';
import { resample, StreamingResampler } from './resample.ts';

/** What one utterance is recognized against. */
export interface RecognitionRequest {
  grammar: string | null;
  locale: string;
}

/**
 * Recognition of one utterance that starts before the caller has finished: a streaming recognizer fed from the
 * first word, or (when the recognizer cannot stream) a speculative decode at a pause. At the end-of-speech decision
 * only the tail is left to decode, which is most of the voice-to-voice latency saved.
 */
export class EarlyRecognition {
  private readonly recognizer: Recognizer;
  private readonly inputRate: number;
  /** The call's signal: its end aborts every decode still running. */
  private readonly callSignal: AbortSignal;
  private speculation: {
    lastVoiceAtMs: number;
    controller: AbortController;
    result: Promise<RecognitionResult | null>;
  } | null = null;
  private stream: {
    controller: AbortController;
    recognition: RecognitionStream;
    resampler: StreamingResampler;
    written: number;
  } | null = null;

  constructor(recognizer: Recognizer, inputRate: number, callSignal: AbortSignal) {
    this.recognizer = recognizer;
    this.inputRate = inputRate;
    this.callSignal = callSignal;
  }

  /** True while a streaming recognizer is fed the utterance. */
  get streaming(): boolean {
    return this.stream !== null;
  }

  /** The caller started speaking: a recognizer that can stream starts decoding now. */
  open(request: RecognitionRequest): void {
    this.dropStream();
    const startStream = this.recognizer.startStream?.bind(this.recognizer);
    if (startStream === undefined) return;
    const controller = this.utteranceController();
    const recognition = startStream(request.grammar, request.locale, controller.signal, this.inputRate);
    if (recognition === null) {
      controller.abort();
      return;
    }
    this.stream = { controller, recognition, resampler: new StreamingResampler(this.inputRate, 16000), written: 0 };
  }

  /** Feeds the stream the part of the utterance that is certain (see `VoiceActivityDetector.takeSpeech`). */
  write(audio: Int16Array): void {
    const stream = this.stream;
    if (stream === null || audio.length === 0) return;
    stream.written += audio.length;
    stream.recognition.write(stream.resampler.push(audio));
  }

  /**
   * The caller paused while a streaming recognizer listens: asks it whether the words so far already make a whole
   * answer of the grammar, and if so (and this stream is still the one listening) calls `onAnswer`. Asked after the
   * writes of the current audio frame, so the recognizer has all the speech certain so far.
   */
  checkAnswer(onAnswer: () => void): void {
    const stream = this.stream;
    const partial = stream?.recognition.partial?.bind(stream.recognition);
    if (stream === null || partial === undefined) return;
    const checked = Promise.resolve()
      .then(() => (this.stream === stream ? partial() : null))
      .then((heard) => {
        if (heard?.complete === true && this.stream === stream) onAnswer();
      })
      .catch(() => undefined);
    this.answerChecked = checked;
    checked.finally(() => {
      if (this.answerChecked === checked) this.answerChecked = Promise.resolve();
    });
  }

  /** Settles when the last `checkAnswer` has its answer (see `VoiceCall.answered`). */
  answerChecked: Promise<void> = Promise.resolve();

  /**
   * The caller paused: decode what was said so far, so that if nothing more comes the result is ready (or nearly)
   * when the end-of-speech decision is made.
   */
  speculate(utterance: Int16Array, lastVoiceAtMs: number, request: RecognitionRequest): void {
    this.speculation?.controller.abort();
    const controller = this.utteranceController();
    const result = this.recognizeAudio(utterance, request, controller.signal);
    result.finally(() => controller.abort()).catch(() => undefined);
    this.speculation = { lastVoiceAtMs, controller, result };
  }

  /**
   * The utterance is complete: the stream decodes its tail, or a speculation on the same last word is reused, or
   * the whole utterance is decoded now. Whatever is not used is stopped.
   */
  finish(utterance: Int16Array, lastVoiceAtMs: number, request: RecognitionRequest): Promise<RecognitionResult | null> {
    const streamed = this.finishStream(utterance);
    const speculation = this.speculation;
    this.speculation = null;
    const reuse = streamed === null && speculation !== null && speculation.lastVoiceAtMs === lastVoiceAtMs;
    if (!reuse) speculation?.controller.abort();
    if (streamed !== null) return streamed;
    if (reuse) return speculation.result;
    return this.recognizeAudio(utterance, request, this.callSignal);
  }

  /** Stops all decoding: the caller pressed a key, hung up, or the listening period ended otherwise. */
  drop(): void {
    this.speculation?.controller.abort();
    this.speculation = null;
    this.dropStream();
  }

  /** Stops the streaming recognizer only; a speculation at a pause may still be used. */
  dropStream(): void {
    this.stream?.controller.abort();
    this.stream = null;
  }

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

  private recognizeAudio(
    utterance: Int16Array,
    request: RecognitionRequest,
    signal: AbortSignal,
  ): Promise<RecognitionResult | null> {
    const pcm16k = this.inputRate === 16000 ? utterance : resample(utterance, this.inputRate, 16000);
    return this.recognizer.recognize(pcm16k, request.grammar, request.locale, signal, this.inputRate);
  }

  /** Aborted by the call's end too; its listener goes once the utterance is settled (aborted or used). */
  private utteranceController(): AbortController {
    const controller = new AbortController();
    const onCallAbort = () => controller.abort();
    this.callSignal.addEventListener('abort', onCallAbort, { once: true });
    controller.signal.addEventListener('abort', () => this.callSignal.removeEventListener('abort', onCallAbort), {
      once: true,
    });
    return controller;
  }
}
