import type { InputEvent, OutputEvent } from '@omniflow/flow-engine';
import { type Actor, createActor, type EventFromLogic, type SnapshotFrom } from 'xstate';
import { AudioClock } from './AudioClock.ts';
import { DigitCollector } from './DigitCollector.ts';
import { DtmfDetector } from './DtmfDetector.ts';
import { EarlyRecognition } from './EarlyRecognition.ts';
import type { Recognizer } from './Recognizer.ts';
import type { SynthesizedAudio, Synthesizer } from './Synthesizer.ts';
import { VoiceActivityDetector } from './VoiceActivityDetector.ts';
import { voiceCallMachine } from './voiceCallMachine.ts';
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
  /** The call's stream has closed, however it ended: end the session if it is still live (frees its cap slot). */
  close?(): Promise<void>;
  /** The transfer the conversation ended in, once it has (the contact center may take the call over). */
  handedOver?(): VoiceHandover | undefined;
}

/** A voice conversation that ended in a transfer: the contact and what the bot hands to the agents. */
export interface VoiceHandover {
  sessionId: string;
  flowId: string;
  locale: string;
  transfer: Extract<OutputEvent, { type: 'transfer' }>;
  /** The caller's number in clear (E.164), when the stream told it: kept by the runtime for a callback. */
  callerNumber?: string;
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

/**
 * One voice call, transport-agnostic: caller audio frames and out-of-band keys in, prompt audio out. It plays the
 * session's prompts, listens as each prompt asks (speech through VAD + recognizer, keys from in-band tones or
 * events), handles barge-in, and feeds `speech`, `dtmf` and `noInput` to the session. The call is the xstate
 * machine `voiceCallMachine`; this class is its adapter. Its clock is the caller audio itself (ms of samples
 * received), so it needs no timers of its own.
 */
export class VoiceCall {
  private readonly actor: Actor<typeof voiceCallMachine>;
  private readonly clock = new AudioClock();
  private readonly inputRate: number;
  private samples = 0;
  private readonly early: EarlyRecognition;

  constructor(options: VoiceCallOptions) {
    this.inputRate = options.inputRate;
    const abort = new AbortController();
    this.early = new EarlyRecognition(options.recognizer, options.inputRate, abort.signal);
    this.actor = createActor(voiceCallMachine, {
      clock: this.clock,
      input: {
        options,
        clock: this.clock,
        vad: new VoiceActivityDetector({ sampleRate: options.inputRate }),
        tones: new DtmfDetector({ sampleRate: options.inputRate }),
        digits: new DigitCollector(this.clock),
        early: this.early,
        abort,
      },
    });
    // A fault in the call's own code ends the call with an error, never the process.
    this.actor.subscribe({
      error: (error: unknown) => {
        options.logger?.error({ callId: options.callId, error: String(error) }, 'voice call failed');
        abort.abort();
        options.transport.close({ reason: 'error' });
        options.onEvent?.({ type: 'closed', atMs: this.nowMs, end: { reason: 'error' } });
      },
    });
    this.actor.start();
  }

  /** Milliseconds of caller audio received: the call's clock. */
  get nowMs(): number {
    return this.clock.now();
  }

  /** True once the call has closed. */
  get closed(): boolean {
    return this.actor.getSnapshot().status !== 'active';
  }

  /** Starts the session and plays its first prompts; settles once they have been sent. */
  start(): Promise<void> {
    this.actor.send({ type: 'start' });
    const started = (snapshot: SnapshotFrom<typeof voiceCallMachine>) =>
      snapshot.status !== 'active' || !snapshot.matches({ live: { call: 'turn' } });
    return new Promise((resolve) => {
      if (started(this.actor.getSnapshot())) {
        resolve();
        return;
      }
      const subscription = this.actor.subscribe({
        next: (snapshot) => {
          if (!started(snapshot)) return;
          subscription.unsubscribe();
          resolve();
        },
        error: () => resolve(),
        complete: () => resolve(),
      });
    });
  }

  /** Feeds caller audio (16-bit PCM at `inputRate`), normally in 20 ms frames. */
  pushAudio(pcm: Int16Array): void {
    if (this.closed) return;
    this.samples += pcm.length;
    this.clock.moveTo((this.samples * 1000) / this.inputRate);
    this.send({ type: 'audio', pcm });
    // Timers fire once the frame has been heard, so the detector's clock agrees with the call's when a timer
    // starts it listening (its no-input is then measured from the same moment as the call's `listening`).
    this.clock.runDue();
  }

  /**
   * Settles once the recognizer has answered the question the call asked it at the caller's last pause (whether
   * the words so far make an answer); at once when none is pending. Audio fed faster than real time (a recording
   * played by `omniflow recognize`) waits for it, so the call decides as a live call would.
   */
  answered(): Promise<void> {
    return this.early.answerChecked;
  }

  /** A key reported out of band (Twilio `dtmf` event, RFC 2833); from then on in-band detection is off to avoid doubles. */
  pushDtmf(digit: string): void {
    this.send({ type: 'outOfBandKey', digit });
  }

  /** The far end played up to this mark. */
  markPlayed(name: string): void {
    this.send({ type: 'markPlayed', name });
  }

  /** The caller hung up or the stream stopped: tell the session and stop all work. */
  hangup(): void {
    this.send({ type: 'hangup' });
  }

  /** A closed call takes no more events (the transport may still deliver some). */
  private send(event: EventFromLogic<typeof voiceCallMachine>): void {
    if (!this.closed) this.actor.send(event);
  }
}
