import { type CompiledFlow, FlowSession, type InputEvent } from '@omniflow/flow-engine';
import { type WavAudio } from './pcm.ts';
import type { Recognizer } from './Recognizer.ts';
import { resample } from './resample.ts';
import { type Synthesizer, toSynthesizedAudio } from './Synthesizer.ts';
import { VoiceCall, type VoiceCallEvent, type VoiceTurn } from './VoiceCall.ts';

/** What one recording did at the node. */
export interface RecordingOutcome {
  /** What the recognizer heard, or null when it heard nothing it could place (or no speech at all). */
  transcript: string | null;
  confidence: number;
  /** The end outcome of the session (`port:2`, `intent:agent`, `port:noMatch`), or `retry` when the node asked again. */
  outcome: string;
  /** True when the voice activity detector heard speech in the recording. */
  speech: boolean;
}

/** One recording to hear at a node of a flow rewritten by `flowAtNode`. */
export interface RecordingRequest {
  compiled: CompiledFlow;
  nodeId: string;
  locale: string;
  recognizer: Recognizer;
  audio: WavAudio;
  secrets?: (name: string) => string | undefined;
}

const FRAME_MS = 20;
/** Silence fed after the recording until the call decides; beyond the longest no-input period. */
const MAX_TRAILING_SILENCE_MS = 12_000;

/**
 * Plays a recording to the flow's node as a caller on the voice gateway would: a real `VoiceCall` (the same voice
 * activity detection, trimming, resampling, streaming recognizer and confidence rules as a live call) on a real
 * session, with the prompt played as silence. The recording is fed as fast as the call takes it, then silence until
 * the call has decided; once it has, the rest of the recording is not heard (a pause too long inside an answer cuts
 * it, as on a call). Rates other than 8 and 16 kHz are resampled to the nearer of the two first.
 */
export async function recognizeRecording(request: RecordingRequest): Promise<RecordingOutcome> {
  const { rate, samples } = callAudio(request.audio);
  const events: VoiceCallEvent[] = [];
  const heard: { outcome: string | null } = { outcome: null };
  let answered: () => void = () => undefined;
  const answer = new Promise<void>((resolve) => (answered = resolve));
  let flowSession: FlowSession | null = null;
  const session = {
    start: async (): Promise<VoiceTurn> => {
      const started = await FlowSession.start(request.compiled, {
        sessionId: `recognize-${Date.now().toString(36)}`,
        channel: 'voice',
        locale: request.locale,
        secrets: request.secrets ?? (() => undefined),
      });
      flowSession = started.session;
      if (started.turn.nodeId !== request.nodeId)
        throw new Error(`the flow did not stop at node "${request.nodeId}" to listen (it is not a question node)`);
      return started.turn;
    },
    send: async (input: InputEvent): Promise<VoiceTurn> => {
      if (flowSession === null) throw new Error('the session has not started');
      const turn = await flowSession.send(input);
      if (input.type !== 'hangup') {
        heard.outcome = turn.status === 'ended' ? endOutcome(turn) : 'retry';
        answered();
      }
      return turn;
    },
  };
  const call = new VoiceCall({
    callId: 'recognize',
    session,
    transport: { play: () => undefined, clear: () => undefined, close: () => undefined },
    recognizer: request.recognizer,
    synthesizer: silentSynthesizer,
    locale: request.locale,
    inputRate: rate,
    onEvent: (event) => events.push(event),
  });
  await call.start();
  if (call.closed) throw new Error(`the flow ended before node "${request.nodeId}" could listen`);
  const frame = (rate * FRAME_MS) / 1000;
  const quiet = new Int16Array(frame);
  const limit = samples.length + (MAX_TRAILING_SILENCE_MS * rate) / 1000;
  for (let at = 0; at < limit; at += frame) {
    // The call decides (an end of speech, even at a pause inside the recording, or no input): what follows is lost,
    // as on a live call, and the answer is awaited.
    if (events.some((event) => event.type === 'speechEnd' || event.type === 'noInput')) {
      await answer;
      break;
    }
    call.pushAudio(at < samples.length ? samples.subarray(at, at + frame) : quiet);
    // A live call's next frame comes 20 ms later, by when the recognizer has said whether the words make an answer.
    await call.answered();
    // Let the recognizer's pipes and the engine's promises move between frames, as on a live call.
    if (at % (frame * 10) === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  if (!call.closed) call.hangup();
  const recognized = events.find((event) => event.type === 'recognized');
  return {
    transcript: recognized?.type === 'recognized' ? recognized.transcript : null,
    confidence: recognized?.type === 'recognized' ? recognized.confidence : 0,
    outcome: heard.outcome ?? 'retry',
    speech: events.some((event) => event.type === 'speechStart'),
  };
}

/** The recording at a rate the gateway's calls take (8 or 16 kHz). */
function callAudio(audio: WavAudio): { rate: number; samples: Int16Array } {
  if (audio.sampleRate === 8000 || audio.sampleRate === 16000)
    return { rate: audio.sampleRate, samples: audio.samples };
  const rate = audio.sampleRate < 12000 ? 8000 : 16000;
  return { rate, samples: resample(audio.samples, audio.sampleRate, rate) };
}

function endOutcome(turn: VoiceTurn): string {
  for (const output of turn.outputs) if (output.type === 'end') return output.outcome ?? output.reason;
  return 'ended';
}

/** Prompts as no audio at all: the recording is the only sound of the call. */
const silentSynthesizer: Synthesizer = {
  name: 'silent',
  voiceFor: () => 'silent',
  synthesize: () => Promise.resolve(toSynthesizedAudio(new Int16Array(0), 16000, 'silent')),
};
