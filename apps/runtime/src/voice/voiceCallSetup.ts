import type { InputEvent, InputExpectation } from '@omniflow/flow-engine';
import { assign, enqueueActions, fromPromise, raise, setup, stateIn } from 'xstate';
import type { AudioClock } from './AudioClock.ts';
import type { DigitCollector, DigitEntry } from './DigitCollector.ts';
import type { DtmfDetector } from './DtmfDetector.ts';
import type { EarlyRecognition, RecognitionRequest } from './EarlyRecognition.ts';
import { readTurn } from './readTurn.ts';
import type { RecognitionResult } from './Recognizer.ts';
import { runTurn, type TurnEvent } from './runTurn.ts';
import { type SpeechEvent, speechEvent } from './speechEvent.ts';
import type { VoiceActivityDetector } from './VoiceActivityDetector.ts';
import type { VoiceCallEnd, VoiceCallEvent, VoiceCallOptions } from './VoiceCall.ts';

/** What a call is made of besides its state: its options, its clock, and the stateful signal processing. */
export interface VoiceCallIo {
  options: VoiceCallOptions;
  clock: AudioClock;
  vad: VoiceActivityDetector;
  tones: DtmfDetector;
  digits: DigitCollector;
  early: EarlyRecognition;
  /** Aborted when the call ends: synthesis and recognition stop with it. */
  abort: AbortController;
}

/** The call's state beyond its state node. */
export interface VoiceCallContext {
  io: VoiceCallIo;
  /** The locale of the last prompt: the caller is heard in it. */
  locale: string;
  expectation: InputExpectation | null;
  speechEnabled: boolean;
  /** When the no-input clock of the current listening period started. */
  listenStartMs: number;
  /** Marks of prompt audio the far end has not yet echoed. */
  marks: readonly string[];
  markCount: number;
  /** When the prompt audio sent so far ends at the latest, for transports that echo no marks. */
  playbackEndsAtMs: number;
  /** Keys are heard as tones in the audio until the transport reports one out of band. */
  inbandDtmf: boolean;
  end: VoiceCallEnd;
  /** What the next engine turn sends the session; null for its start. */
  input: InputEvent | null;
  utterance: { audio: Int16Array; lastVoiceAtMs: number };
}

/** Everything that happens to a call: from its adapter, from its own detectors (raised), and from its engine turn. */
export type VoiceCallMachineEvent =
  | { type: 'start' }
  | { type: 'hangup' }
  | { type: 'audio'; pcm: Int16Array }
  | { type: 'audio.heard' }
  | { type: 'key'; digit: string }
  | { type: 'outOfBandKey'; digit: string }
  | { type: 'markPlayed'; name: string }
  | { type: 'keys.entry'; entry: DigitEntry }
  | { type: 'keys.changed' }
  | SpeechEvent
  | TurnEvent;

/** The call machine's types and named implementations: actors, delays (on the call's clock), guards and actions. */
export const voiceCallSetup = setup({
  types: {
    context: {} as VoiceCallContext,
    events: {} as VoiceCallMachineEvent,
    input: {} as VoiceCallIo,
  },
  actors: {
    runTurn,
    recognizeUtterance: fromPromise<
      RecognitionResult | null,
      { early: EarlyRecognition; utterance: Int16Array; lastVoiceAtMs: number; request: RecognitionRequest }
    >(({ input }) => input.early.finish(input.utterance, input.lastVoiceAtMs, input.request)),
  },
  delays: {
    promptEnd: ({ context }) => Math.max(0, context.playbackEndsAtMs - now(context)),
    noInput: ({ context }) =>
      Math.max(0, context.listenStartMs + (context.expectation?.noInputTimeoutMs ?? 0) - now(context)),
    interDigit: ({ context }) => context.io.digits.msUntilTimeout() ?? 0,
  },
  guards: {
    nothingPlaying: ({ context }) => context.marks.length === 0,
    /** The session has ended and only its last prompt is playing. */
    sessionOver: stateIn({ live: { call: 'closing' } }),
    mayInterrupt: ({ context }) => context.expectation?.bargeIn === true,
    singleKey: ({ context }) => context.expectation?.dtmf === undefined && context.expectation?.sensitive !== true,
    noInputDue: ({ context }) => !context.speechEnabled && !context.io.digits.pending,
    digitsTiming: ({ context }) => context.io.digits.msUntilTimeout() !== null,
    turnEnds: ({ context, event }) =>
      event.type === 'turn.done' && readTurn(event.turn, context.end).expectation === null,
  },
  actions: {
    report: ({ context }, event: VoiceCallEvent) => context.io.options.onEvent?.(event),
    submit: assign((_, input: InputEvent) => ({ input })),
    /** Caller audio: in-band keys, then what the detector heard, then the streamed recognizer's share of it. */
    hearAudio: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'audio') return;
      if (context.inbandDtmf)
        for (const tone of context.io.tones.push(event.pcm)) enqueue.raise({ type: 'key', digit: tone.digit });
      const heard = context.io.vad.push(event.pcm);
      for (const vadEvent of heard) enqueue.raise(speechEvent(vadEvent));
      // Most frames change nothing: one event per frame, not two, unless there is speech to stream.
      if (heard.length > 0 || context.io.early.streaming) enqueue.raise({ type: 'audio.heard' });
    }),
    useOutOfBandKeys: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'outOfBandKey') return;
      // From the first key reported out of band, tones in the audio are that key's echo: heard twice otherwise.
      if (context.inbandDtmf) {
        context.io.tones.reset();
        enqueue.assign({ inbandDtmf: false });
      }
      enqueue.raise({ type: 'key', digit: event.digit });
    }),
    typeAhead: ({ context, event }) => {
      if (event.type === 'key') context.io.digits.press(event.digit);
    },
    repeatEvent: raise(({ event }) => event),
    sendAudio: ({ context, event }) => {
      if (event.type === 'turn.audio') context.io.options.transport.play(event.audio, nextMark(context));
    },
    notePlaying: assign(({ context, event }) => {
      if (event.type !== 'turn.audio') return {};
      return {
        marks: [...context.marks, nextMark(context)],
        markCount: context.markCount + 1,
        playbackEndsAtMs: Math.max(context.playbackEndsAtMs, now(context)) + event.audio.durationMs,
      };
    }),
    notePlayed: assign(({ context, event }) => {
      if (event.type !== 'markPlayed') return {};
      const marks = context.marks.filter((mark) => mark !== event.name);
      return {
        marks,
        playbackEndsAtMs:
          marks.length === 0 ? Math.min(context.playbackEndsAtMs, now(context)) : context.playbackEndsAtMs,
      };
    }),
    forgetMarks: assign({ marks: [] }),
    bargeIn: ({ context }, by: 'speech' | 'dtmf') => {
      context.io.options.transport.clear();
      context.io.options.onEvent?.({ type: 'bargeIn', atMs: now(context), by });
    },
    silencePlayback: assign(({ context }) => ({ marks: [], playbackEndsAtMs: now(context) })),
    takeTurn: assign(({ context, event }) => {
      if (event.type !== 'turn.done') return {};
      const { expectation, end, locale } = readTurn(event.turn, context.end);
      return {
        expectation,
        end,
        locale: locale ?? context.locale,
        speechEnabled: expectation?.speech !== undefined && expectation.sensitive !== true,
      };
    }),
    warnIfStillActive: ({ context, event }) => {
      if (event.type === 'turn.done' && event.turn.status !== 'ended')
        context.io.options.logger?.warn(
          { callId: context.io.options.callId },
          'session is active but asks for nothing; closing the call',
        );
    },
    /** The prompt starts: grammars get ready while it plays, and a prompt that may be interrupted listens already. */
    listenFor: enqueueActions(({ context, enqueue }) => {
      const { expectation, speechEnabled, io } = context;
      if (expectation === null) return;
      if (speechEnabled) io.options.recognizer.prepare?.(expectation.speech?.grammar ?? null, context.locale);
      if (expectation.bargeIn) {
        const entry = typedDigits(io.digits, expectation);
        if (entry !== null) enqueue.raise({ type: 'keys.entry', entry });
        else if (speechEnabled) io.vad.listen({ ...speechTiming(expectation), noInputMs: Number.POSITIVE_INFINITY });
      } else {
        io.vad.stop();
        io.digits.pause();
      }
    }),
    /** The prompt has finished (or was interrupted): the no-input clock starts. */
    startListening: enqueueActions(({ context, enqueue }) => {
      const { expectation, speechEnabled, io } = context;
      if (expectation === null) return;
      enqueue.assign({ listenStartMs: now(context) });
      if (!expectation.bargeIn) {
        const entry = typedDigits(io.digits, expectation);
        enqueue.raise(entry === null ? { type: 'keys.changed' } : { type: 'keys.entry', entry });
        if (entry !== null) return;
      }
      if (speechEnabled && !io.vad.inSpeech)
        io.vad.listen({ ...speechTiming(expectation), noInputMs: expectation.noInputTimeoutMs });
      io.options.onEvent?.({
        type: 'listening',
        atMs: now(context),
        speech: speechEnabled,
        dtmf: expectation.dtmf !== undefined || expectation.sensitive,
      });
    }),
    /** The caller chose the keypad: a tone or a key click must not also be taken for speech. */
    stopSpeech: enqueueActions(({ context, enqueue }) => {
      enqueue.assign({ speechEnabled: false });
      context.io.vad.stop();
      context.io.early.dropStream();
    }),
    pressKey: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'key') return;
      const entry = context.io.digits.press(event.digit);
      enqueue.raise(entry === null ? { type: 'keys.changed' } : { type: 'keys.entry', entry });
    }),
    takeTimedOutEntry: enqueueActions(({ context, enqueue }) => {
      const entry = context.io.digits.tick();
      // Not due after all (rounding of the clock): timing starts again for what is left.
      enqueue.raise(entry === null ? { type: 'keys.changed' } : { type: 'keys.entry', entry });
    }),
    openStream: ({ context }) => {
      context.io.early.dropStream();
      if (context.speechEnabled) context.io.early.open(request(context));
    },
    speculate: ({ context, event }) => {
      if (event.type !== 'speechPause') return;
      // Streaming: a pause after words that already make an answer ends the utterance sooner (grammar-aware end).
      if (context.io.early.streaming)
        context.io.early.checkAnswer(() => context.io.vad.endsAnswer(event.lastVoiceAtMs));
      else context.io.early.speculate(event.audio, event.lastVoiceAtMs, request(context));
    },
    writeStream: ({ context }) => {
      if (context.io.early.streaming) context.io.early.write(context.io.vad.takeSpeech());
    },
    takeUtterance: assign(({ event }) =>
      event.type === 'speechEnd' ? { utterance: { audio: event.audio, lastVoiceAtMs: event.lastVoiceAtMs } } : {},
    ),
    pauseInputs: ({ context }) => {
      context.io.vad.stop();
      context.io.digits.pause();
    },
    stopInputs: enqueueActions(({ context, enqueue }) => {
      context.io.early.drop();
      context.io.vad.stop();
      context.io.digits.pause();
      enqueue.assign({ expectation: null });
    }),
    logInput: ({ context }) => {
      if (context.input !== null)
        context.io.options.logger?.info(
          { callId: context.io.options.callId, input: context.input.type },
          'voice input',
        );
    },
    logFailure: ({ context }, failure: { error: unknown; message: string }) =>
      context.io.options.logger?.error(
        { callId: context.io.options.callId, error: String(failure.error) },
        failure.message,
      ),
    failed: assign({ end: { reason: 'error' } }),
    tellSessionHangup: ({ context }) => {
      const { options } = context.io;
      options.session
        .send({ type: 'hangup' })
        .catch((error: unknown) =>
          options.logger?.warn({ callId: options.callId, error: String(error) }, 'session hangup failed'),
        );
    },
    finish: ({ context }) => {
      context.io.abort.abort();
      context.io.options.transport.close(context.end);
      context.io.options.onEvent?.({ type: 'closed', atMs: now(context), end: context.end });
    },
    hungUp: ({ context }) => {
      context.io.abort.abort();
      context.io.options.onEvent?.({ type: 'closed', atMs: now(context), end: { reason: 'hangup' } });
    },
  },
});

/** The call's clock reading. */
export function now(context: VoiceCallContext): number {
  return context.io.clock.now();
}

/** The name of the mark that follows the next piece of prompt audio. */
function nextMark(context: VoiceCallContext): string {
  return `prompt-${context.markCount + 1}`;
}

/** What the caller's speech is recognized against now. */
export function request(context: VoiceCallContext): RecognitionRequest {
  return { grammar: context.expectation?.speech?.grammar ?? null, locale: context.locale };
}

function speechTiming(expectation: InputExpectation): { endOfSpeechMs?: number; maxUtteranceMs?: number } {
  return { endOfSpeechMs: expectation.speech?.endOfSpeechMs, maxUtteranceMs: expectation.speech?.maxUtteranceMs };
}

const SENSITIVE_MAX_DIGITS = 20;

/** Sets the keypad up for a prompt; returns an entry the keys typed ahead already complete. */
function typedDigits(digits: DigitCollector, expectation: InputExpectation): DigitEntry | null {
  const dtmf = expectation.dtmf;
  if (dtmf === undefined && !expectation.sensitive) {
    digits.pause();
    return null;
  }
  return digits.expect({
    maxDigits: dtmf?.maxDigits ?? SENSITIVE_MAX_DIGITS,
    terminator: dtmf?.terminator ?? '#',
    interDigitTimeoutMs: dtmf?.interDigitTimeoutMs,
    sensitive: expectation.sensitive,
  });
}
