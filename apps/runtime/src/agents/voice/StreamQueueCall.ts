import type { InputEvent } from '@omniflow/flow-engine';
import type { Logger } from 'pino';
import type { SessionService } from '../../sessions/SessionService.ts';
import type { CallStream } from '../../voice/CallStream.ts';
import { DtmfDetector } from '../../voice/DtmfDetector.ts';
import type { Recognizer } from '../../voice/Recognizer.ts';
import { concatPcm } from '../../voice/pcm.ts';
import { StreamingResampler } from '../../voice/resample.ts';
import type { Synthesizer } from '../../voice/Synthesizer.ts';
import { VoiceCall, type VoiceHandover } from '../../voice/VoiceCall.ts';
import type { CenterRelay } from '../CenterRelay.ts';
import type { ContactCenterEvents } from '../ContactCenterEvents.ts';
import { holdMusic } from './holdMusic.ts';
import { queueClosedPrompt } from './holdPrompts.ts';
import { nextWaitStep, type VoiceState } from './voiceCenterOps.ts';
import type { VoiceQueue } from './VoiceQueue.ts';

/** The desk's end of the agent audio (a WebSocket carrying 16 kHz PCM). */
export interface AgentAudioLink {
  /** Caller audio for the agent, 16 kHz 16-bit PCM. */
  send(pcm16k: Int16Array): void;
  /** The leg's state changed (muted, held, a secure flow running, ended). */
  state(state: AgentLegState): void;
}

/** What the desk shows of the voice leg. */
export interface AgentLegState {
  muted: boolean;
  held: boolean;
  /** A flow the agent sent the caller through is running (the agent hears nothing of it). */
  secureFlow: boolean;
  ended: boolean;
}

/** What a media-stream call in the contact center needs. */
export interface StreamQueueDeps {
  queue: VoiceQueue;
  /** The contact center's operations, run where it routes (this process or another: the call stays here). */
  center: Pick<CenterRelay, 'call'>;
  events: ContactCenterEvents;
  sessions: Pick<SessionService, 'start' | 'input' | 'end'>;
  engines: { recognizer: Recognizer; synthesizer: Synthesizer };
  logger: Logger;
  /** Told once when the call is over for the contact center. */
  onFinish?: (call: StreamQueueCall) => void;
}

/** Output audio is sent this far ahead of the caller's clock (the far end buffers it; a prompt cuts in this soon). */
const LEAD_MS = 300;
/** Caller audio reaches the agent this late, so a key tone detected in it can be cut out before the agent hears it. */
const KEY_DELAY_FRAMES = 4;
/** After a key is heard, the caller's audio stays cut this long (a key tone lasts 40–200 ms). */
const KEY_BLANK_MS = 250;
const FRAME_MS = 20;
/** The contact's state is fetched again at least this often (ms of the call), besides on each of its live events. */
const REFRESH_MS = 2000;
/** Events of the contact that change what its leg does (an agent joined, a transfer, the end, an overflow). */
const CHANGES = new Set(['agentJoined', 'transferred', 'chatEnded', 'overflow', 'released']);

type Mode = 'joining' | 'waiting' | 'bridged' | 'flow' | 'closing' | 'over';

/**
 * A media-stream caller after the bot handed the call to the contact center (issue 16): while waiting it hears the
 * place every N seconds in its locale and hold audio between (both paced by the caller's own audio, so no timer runs
 * per call), and may press the callback key; once an agent accepts, caller audio goes to the agent's desk and the
 * desk's audio to the caller, with mute, hold (hold audio for the caller) and hang-up. Keys the caller presses never
 * reach the agent: tones are cut out of the audio the agent hears, and keys go only to a flow the agent sent the
 * caller through (e.g. a PIN check that the agent neither sees nor hears; the desk sees only how it ended).
 */
export class StreamQueueCall {
  readonly contactId: string;
  readonly #deps: StreamQueueDeps;
  readonly #stream: CallStream;
  readonly #locale: string;
  #mode: Mode = 'joining';
  /** Ms of caller audio received: the call's clock. */
  #clockMs = 0;
  /** Ms of audio sent to the caller (paced output only). */
  #outMs = 0;
  #holdOffsetMs = 0;
  /** Prompt audio (16 kHz) still to send, ahead of hold audio. */
  #prompt: Int16Array = new Int16Array(0);
  /** Bumped whenever what the caller should hear changes (answered, queued again, closing): older speech is dropped. */
  #generation = 0;
  /** The generation whose prompt is being synthesized, if any. */
  #speakingFor: number | null = null;
  #closeAtMs: number | null = null;
  #agentId: string | null = null;
  #link: AgentAudioLink | null = null;
  #muted = false;
  #held = false;
  readonly #keys: DtmfDetector;
  readonly #delay: Int16Array[] = [];
  #blankUntilMs = 0;
  readonly #up: StreamingResampler | null;
  #flowCall: VoiceCall | null = null;
  readonly #unsubscribe: () => void;
  readonly #abort = new AbortController();
  /** The contact as the routing process last told it (null: not known yet, or the center holds it no more). */
  #state: VoiceState | null = null;
  #promptedAt: number | null = null;
  #refreshedAtMs = 0;
  #refreshing: Promise<void> | null = null;
  #refreshAgain = false;

  /** `queued` settles once the contact is in its queue (false: the queue refused it). */
  constructor(handover: VoiceHandover, stream: CallStream, deps: StreamQueueDeps, queued: Promise<VoiceState | null>) {
    this.contactId = handover.sessionId;
    this.#deps = deps;
    this.#stream = stream;
    this.#locale = handover.locale;
    this.#keys = new DtmfDetector({ sampleRate: stream.rate });
    this.#up = stream.rate === 16000 ? null : new StreamingResampler(stream.rate, 16000);
    this.#unsubscribe = deps.events.subscribe(`contact:${this.contactId}`, (event) => {
      if (event.type === 'secureFlow') {
        const nodeId = event['nodeId'];
        void this.#runFlow(String(event['flowId']), typeof nodeId === 'string' ? nodeId : undefined);
      } else if (event.type === 'queue' && this.#state) {
        const position = Number(event['position']);
        const estimatedWaitSeconds = Number(event['estimatedWaitSeconds']);
        this.#state = { ...this.#state, place: { position, estimatedWaitSeconds } };
      } else if (CHANGES.has(event.type)) void this.#refresh();
    });
    queued.then(
      (state) => {
        if (this.#mode !== 'joining') return;
        this.#state = state;
        if (state) this.#mode = 'waiting';
        else void this.#sayThenHangUp(queueClosedPrompt(this.#locale));
      },
      (error: unknown) => {
        deps.logger.error({ contactId: this.contactId, err: String(error) }, 'voice call not queued');
        if (this.#mode === 'joining') void this.#sayThenHangUp(queueClosedPrompt(this.#locale));
      },
    );
    stream.listen({
      audio: (pcm) => this.#callerAudio(pcm),
      digit: (digit) => void this.#callerKey(digit),
      mark: (name) => this.#flowCall?.markPlayed(name),
      closed: () =>
        void this.#callerGone().catch((error: unknown) =>
          deps.logger.error({ contactId: this.contactId, err: String(error) }, 'ending the voice contact failed'),
        ),
    });
  }

  /** The agent holding the call, once bridged. */
  get agentId(): string | null {
    return this.#agentId;
  }

  /** Connects the agent's desk audio; answers false unless this agent holds the bridged call. */
  async attachAgent(agentId: string, link: AgentAudioLink): Promise<boolean> {
    // The desk may connect before this process heard that the agent accepted: ask the routing process.
    if (this.#agentId !== agentId) await this.#refresh();
    if (this.#agentId !== agentId || (this.#mode !== 'bridged' && this.#mode !== 'flow')) return false;
    this.#link = link;
    this.#publishState();
    return true;
  }

  /** The desk's audio was closed (the page went away): the call stays, the agent may reconnect. */
  detachAgent(link: AgentAudioLink): void {
    if (this.#link === link) this.#link = null;
  }

  /** The agent's voice, 16 kHz PCM; dropped while muted, on hold or during a secure flow. */
  agentAudio(pcm16k: Int16Array): void {
    if (this.#mode !== 'bridged' || this.#muted || this.#held) return;
    this.#stream.send(pcm16k);
  }

  setMuted(muted: boolean): void {
    this.#muted = muted;
    this.#publishState();
  }

  /** Holding: the caller hears hold audio, the agent hears nothing. */
  setHeld(held: boolean): void {
    if (held === this.#held) return;
    this.#held = held;
    if (!held) this.#stream.clear();
    this.#outMs = this.#clockMs;
    this.#publishState();
  }

  /** The agent hangs up: the call ends and the agent goes to wrap-up. */
  async agentHangup(): Promise<void> {
    if (this.#mode === 'over') return;
    const agentId = this.#agentId;
    this.#finish();
    this.#stream.hangup('completed');
    if (agentId) await this.#deps.center.call('endChat', agentId, this.contactId);
    await this.#deps.queue.callEnded(this.contactId);
  }

  // ---- the caller ------------------------------------------------------------------------------------------------

  #callerAudio(pcm: Int16Array): void {
    this.#clockMs += (pcm.length * 1000) / this.#stream.rate;
    if (this.#mode === 'flow') {
      this.#flowCall?.pushAudio(pcm);
      return;
    }
    if (this.#clockMs - this.#refreshedAtMs >= REFRESH_MS && (this.#mode === 'waiting' || this.#mode === 'bridged'))
      void this.#refresh();
    if (this.#mode === 'bridged') this.#followHandoff();
    if (this.#mode === 'bridged') this.#toAgent(pcm);
    if (this.#mode === 'waiting') this.#look();
    if (this.#mode === 'closing' && this.#closeAtMs !== null && this.#clockMs >= this.#closeAtMs) {
      this.#finish();
      this.#stream.hangup('completed');
      return;
    }
    this.#fill();
  }

  async #callerKey(digit: string): Promise<void> {
    if (this.#mode === 'flow') {
      this.#flowCall?.pushDtmf(digit);
      return;
    }
    // A key reported out of band is also a tone in the audio: keep it from the agent too.
    this.#blankKeys();
    if (this.#mode !== 'waiting') return;
    const goodbye = await this.#deps.queue.press(this.contactId, digit, this.#state).catch((error: unknown) => {
      this.#deps.logger.warn({ contactId: this.contactId, err: String(error) }, 'callback request failed');
      return null;
    });
    if (goodbye !== null) await this.#sayThenHangUp(goodbye);
  }

  async #callerGone(): Promise<void> {
    const wasOver = this.#mode === 'over';
    this.#finish();
    if (!wasOver) await this.#deps.queue.callEnded(this.contactId);
  }

  /**
   * Follows what the desk did with the contact: transferred to a queue (the caller waits again), handed to another
   * agent (their desk connects next), or ended with "End chat" (the call ends).
   */
  #followHandoff(): void {
    const state = this.#state;
    if (state?.status === 'connected' && state.agentId === this.#agentId) return;
    this.#dropAgentLink();
    if (state?.status === 'connected' && state.agentId) {
      this.#agentId = state.agentId;
      this.#held = false;
      this.#muted = false;
    } else if (state?.status === 'waiting') {
      this.#agentId = null;
      this.#held = false;
      this.#muted = false;
      this.#mode = 'waiting';
      this.#generation += 1;
      this.#outMs = this.#clockMs;
      this.#promptedAt = null;
    } else {
      this.#finish();
      this.#stream.hangup('completed');
      this.#deps.queue
        .callEnded(this.contactId)
        .catch((error: unknown) =>
          this.#deps.logger.error({ contactId: this.contactId, err: String(error) }, 'ending the voice contact failed'),
        );
    }
  }

  /** The agent who had the call no longer has it: their desk audio ends. */
  #dropAgentLink(): void {
    const link = this.#link;
    this.#link = null;
    link?.state({ muted: false, held: false, secureFlow: false, ended: true });
  }

  /**
   * Fetches the contact's state from the routing process (one fetch at a time; a change meanwhile fetches again) and
   * applies it. A failed fetch (the routing process is changing) keeps the last state.
   */
  #refresh(): Promise<void> {
    this.#refreshedAtMs = this.#clockMs;
    if (this.#refreshing) {
      this.#refreshAgain = true;
      return this.#refreshing;
    }
    this.#refreshing = (async () => {
      do {
        this.#refreshAgain = false;
        try {
          const state = await this.#deps.queue.state(this.contactId);
          if (this.#mode === 'over' || this.#mode === 'joining') return;
          this.#state = state;
          if (this.#mode === 'waiting') this.#look();
          else if (this.#mode === 'bridged') this.#followHandoff();
        } catch (error) {
          this.#deps.logger.debug({ contactId: this.contactId, err: String(error) }, 'voice contact state not read');
        }
      } while (this.#refreshAgain);
    })().finally(() => {
      this.#refreshing = null;
    });
    return this.#refreshing;
  }

  /** What happens now, from the contact's last known state: a prompt is due, an agent answered, or it is gone. */
  #look(): void {
    // While a prompt is being synthesized the next one waits (its time is not used up).
    const canSpeak = this.#speakingFor !== this.#generation;
    const next = nextWaitStep(this.#state, this.#locale, this.#promptedAt, this.#clockMs, canSpeak);
    this.#promptedAt = next.promptedAt;
    const step = next.step;
    if (step.kind === 'connect') {
      this.#generation += 1;
      this.#mode = 'bridged';
      this.#agentId = step.agentId;
      this.#prompt = new Int16Array(0);
      this.#stream.clear();
      return;
    }
    if (step.kind === 'over') {
      void this.#sayThenHangUp(step.say);
      return;
    }
    if (step.say !== null) void this.#say(step.say);
  }

  async #say(text: string): Promise<void> {
    const generation = this.#generation;
    if (this.#speakingFor === generation) return;
    this.#speakingFor = generation;
    try {
      const audio = await this.#deps.engines.synthesizer.synthesize(text, this.#locale, this.#abort.signal);
      const current = generation === this.#generation && (this.#mode === 'waiting' || this.#mode === 'closing');
      if (current) this.#prompt = concatPcm([this.#prompt, audio.pcm16k]);
    } catch (error) {
      this.#deps.logger.warn({ contactId: this.contactId, err: String(error) }, 'hold prompt not synthesized');
    } finally {
      if (this.#speakingFor === generation) this.#speakingFor = null;
    }
  }

  async #sayThenHangUp(text: string): Promise<void> {
    this.#generation += 1;
    this.#mode = 'closing';
    this.#prompt = new Int16Array(0);
    this.#stream.clear();
    this.#outMs = this.#clockMs;
    await this.#say(text);
    this.#closeAtMs = this.#clockMs + (this.#prompt.length * 1000) / 16000 + LEAD_MS;
  }

  /** Sends paced output (prompts, then hold audio) up to the lead ahead of the caller's clock. */
  #fill(): void {
    const holding = this.#mode === 'joining' || this.#mode === 'waiting' || (this.#mode === 'bridged' && this.#held);
    if (!holding && this.#mode !== 'closing') return;
    while (this.#outMs < this.#clockMs + LEAD_MS) {
      const frame = (16000 * FRAME_MS) / 1000;
      let out: Int16Array;
      if (this.#prompt.length > 0) {
        out = this.#prompt.subarray(0, frame);
        this.#prompt = this.#prompt.subarray(out.length);
      } else if (holding) {
        out = holdMusic(FRAME_MS, 16000, this.#holdOffsetMs);
        this.#holdOffsetMs += FRAME_MS;
      } else break;
      this.#stream.send(out);
      this.#outMs += (out.length * 1000) / 16000;
    }
  }

  /** Caller audio for the agent, a few frames late so that key tones are cut out before the agent hears them. */
  #toAgent(pcm: Int16Array): void {
    if (this.#keys.push(pcm).length > 0) this.#blankKeys();
    this.#delay.push(this.#clockMs < this.#blankUntilMs ? new Int16Array(pcm.length) : pcm);
    if (this.#delay.length <= KEY_DELAY_FRAMES) return;
    const due = this.#delay.shift() ?? new Int16Array(0);
    if (this.#held || !this.#link) return;
    const up = this.#up ? this.#up.push(due) : due;
    if (up.length > 0) this.#link.send(up);
  }

  #blankKeys(): void {
    for (let i = 0; i < this.#delay.length; i++) this.#delay[i] = new Int16Array(this.#delay[i]?.length ?? 0);
    this.#blankUntilMs = this.#clockMs + KEY_BLANK_MS;
  }

  // ---- a flow the agent sends the caller through -----------------------------------------------------------------

  async #runFlow(flowId: string, startNodeId: string | undefined): Promise<void> {
    if (this.#mode !== 'bridged') return;
    this.#mode = 'flow';
    this.#publishState();
    let outcome = 'ended';
    let sessionId: string | null = null;
    const note = (outputs: readonly { type: string; outcome?: string; reason?: string }[]): void => {
      const end = outputs.find((output) => output.type === 'end');
      if (end) outcome = end.outcome ?? end.reason ?? 'ended';
    };
    try {
      const first = await this.#deps.sessions.start({
        flowId,
        channel: 'voice',
        locale: this.#locale,
        ...(startNodeId === undefined ? {} : { startNodeId }),
      });
      sessionId = first.sessionId;
      note(first.outputs);
      const started = first;
      const done = new Promise<void>((resolve) => {
        this.#flowCall = new VoiceCall({
          callId: `${this.contactId}:${flowId}`,
          session: {
            start: async () => started,
            send: async (input: InputEvent) => {
              const turn = await this.#deps.sessions.input(started.sessionId, input, { flowId });
              note(turn.outputs);
              return turn;
            },
          },
          transport: {
            play: (audio, mark) => this.#stream.prompt(audio, mark),
            clear: () => this.#stream.clear(),
            close: () => resolve(),
          },
          recognizer: this.#deps.engines.recognizer,
          synthesizer: this.#deps.engines.synthesizer,
          locale: this.#locale,
          inputRate: this.#stream.rate,
        });
      });
      await this.#flowCall?.start();
      await done;
    } catch (error) {
      outcome = 'failed to start';
      this.#deps.logger.warn({ contactId: this.contactId, flowId, err: String(error) }, 'flow for the caller failed');
    }
    this.#flowCall = null;
    if (sessionId !== null)
      await this.#deps.sessions.end(sessionId, { flowId }).catch(() => undefined /* ended by the flow itself */);
    if (this.#mode !== 'flow') return;
    this.#mode = 'bridged';
    this.#publishState();
    await this.#deps.center
      .call('flowFinished', this.contactId, flowId, outcome)
      .catch((error: unknown) =>
        this.#deps.logger.warn({ contactId: this.contactId, err: String(error) }, 'flow outcome not told to the desk'),
      );
  }

  // ---- internals -------------------------------------------------------------------------------------------------

  #publishState(): void {
    this.#link?.state({
      muted: this.#muted,
      held: this.#held,
      secureFlow: this.#mode === 'flow',
      ended: this.#mode === 'over',
    });
  }

  #finish(): void {
    if (this.#mode === 'over') return;
    this.#mode = 'over';
    this.#flowCall?.hangup();
    this.#abort.abort();
    this.#unsubscribe();
    this.#publishState();
    this.#deps.onFinish?.(this);
  }
}
