import { exhaustive } from '@omniflow/flow-schema';
import { startMicCapture, type MicCapture } from './micCapture.ts';
import { parseVoiceMessage, type VoiceCallReport, type VoiceTurnReport } from './parseVoiceMessage.ts';
import { PromptPlayer, webAudioOutput } from './promptPlayer.ts';

/** What the call is doing, as the simulator shows it (`idle`: no call placed yet). */
export type VoiceCallStatus = 'idle' | 'connecting' | 'speaking' | 'listening' | 'hearing' | 'recognizing' | 'ended';

/** One line of the call's log. */
export type VoiceCallLine =
  | { kind: 'prompt'; text: string }
  | { kind: 'heard'; transcript: string | null; confidence: number }
  | { kind: 'keys'; digits: string }
  | { kind: 'bargeIn' }
  | { kind: 'noInput' }
  | { kind: 'ended'; reason: string; queue?: string };

/** Everything the simulator renders of a call. */
export interface VoiceCallView {
  status: VoiceCallStatus;
  lines: VoiceCallLine[];
  /** Prompt audio received from the gateway so far. */
  audioBytes: number;
  error: string;
}

/** Who to call and how. */
export interface VoiceCallOptions {
  /** `ws(s)://host/ws/voice`. */
  url: string;
  flowId: string;
  token: string | null;
  locale: string;
  /** Run the flow's draft (needs an editor token) instead of its live version. */
  draft: boolean;
  onChange(view: VoiceCallView): void;
  /** Told after each turn where the flow is and its (masked) variables. */
  onTurn?(turn: VoiceTurnReport): void;
}

/**
 * A browser voice call to the runtime's voice gateway in raw mode: the microphone goes up as 16 kHz PCM frames, the
 * prompts come back as PCM and are played, marks are answered as playback reaches them, `clear` stops the prompt.
 */
export class VoiceCallClient {
  private readonly options: VoiceCallOptions;
  private readonly socket: WebSocket;
  private readonly mic: MicCapture;
  private readonly player: PromptPlayer;
  private view: VoiceCallView = { status: 'connecting', lines: [], audioBytes: 0, error: '' };
  private started = false;
  private finished = false;
  private pendingNotify: ReturnType<typeof setTimeout> | null = null;

  /** Opens the microphone (asking the user's permission), then the socket, and starts the call. */
  static async open(options: VoiceCallOptions): Promise<VoiceCallClient> {
    let client: VoiceCallClient | null = null;
    const mic = await startMicCapture((frame) => client?.sendAudio(frame));
    try {
      client = new VoiceCallClient(options, mic);
    } catch (error) {
      await mic.stop();
      throw error;
    }
    return client;
  }

  private constructor(options: VoiceCallOptions, mic: MicCapture) {
    this.options = options;
    this.mic = mic;
    this.player = new PromptPlayer(webAudioOutput(mic.context));
    this.socket = new WebSocket(options.url);
    this.socket.binaryType = 'arraybuffer';
    this.socket.onopen = () => {
      const customParameters: Record<string, string> = {
        flowId: options.flowId,
        locale: options.locale,
        ...(options.token ? { token: options.token } : {}),
        ...(options.draft ? { draft: 'true' } : {}),
      };
      this.sendJson({
        event: 'start',
        start: { customParameters, mediaFormat: { encoding: 'audio/l16', sampleRate: 16000, channels: 1 } },
      });
      this.started = true;
    };
    this.socket.onmessage = (event: MessageEvent<ArrayBuffer | string>) => this.receive(event.data);
    this.socket.onclose = (event) => {
      if (this.view.status !== 'ended' && event.code !== 1000 && this.view.error === '')
        this.update({ error: event.reason || `The voice gateway closed the call (${event.code}).` });
      this.finish();
    };
  }

  /** Sends a key press out of band, as a phone bridge would. */
  pressKey(digit: string): void {
    this.sendJson({ event: 'dtmf', dtmf: { digit } });
  }

  /** Ends the call from the caller's side. */
  hangUp(): void {
    this.sendJson({ event: 'stop' });
    this.socket.close(1000, 'caller hung up');
    this.player.clear();
    this.finish();
  }

  private sendAudio(frame: Uint8Array<ArrayBuffer>): void {
    if (this.started && this.socket.readyState === WebSocket.OPEN) this.socket.send(frame);
  }

  private sendJson(message: Record<string, unknown>): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }

  private receive(data: ArrayBuffer | string): void {
    if (typeof data !== 'string') {
      this.player.play(data);
      this.view = { ...this.view, audioBytes: this.player.bytesReceived };
      // Prompt audio comes in bursts of dozens of frames; one render per burst is enough.
      this.pendingNotify ??= setTimeout(() => {
        this.pendingNotify = null;
        this.options.onChange(this.view);
      }, 50);
      return;
    }
    const message = parseVoiceMessage(data);
    if (message === null) return;
    switch (message.event) {
      case 'mark':
        this.player.mark(message.name, (name) => this.sendJson({ event: 'mark', mark: { name } }));
        return;
      case 'clear':
        for (const name of this.player.clear()) this.sendJson({ event: 'mark', mark: { name } });
        return;
      case 'turn':
        this.options.onTurn?.(message.turn);
        return;
      case 'call':
        this.report(message.call);
        return;
      case 'stop':
        return this.ended(message.reason, message.queue);
      case 'error':
        this.update({ error: message.message });
        return;
      default:
        exhaustive(message);
    }
  }

  private report(call: VoiceCallReport): void {
    switch (call.type) {
      case 'audioSent':
        return this.update({ status: 'speaking' }, { kind: 'prompt', text: call.text });
      case 'listening':
        return this.update({ status: 'listening' });
      case 'speechStart':
        return this.update({ status: 'hearing' });
      case 'speechEnd':
        return this.update({ status: 'recognizing' });
      case 'recognized':
        return this.update({}, { kind: 'heard', transcript: call.transcript, confidence: call.confidence });
      case 'dtmf':
        return this.update({}, { kind: 'keys', digits: call.digits });
      case 'bargeIn':
        return this.update({}, { kind: 'bargeIn' });
      case 'noInput':
        return this.update({}, { kind: 'noInput' });
      case 'closed':
        return this.ended(call.reason, call.queue);
      default:
        exhaustive(call);
    }
  }

  /** The gateway says how the call ended twice (a `closed` event, then `stop`); the log shows it once. */
  private ended(reason: string, queue: string | undefined): void {
    if (this.view.lines.some((line) => line.kind === 'ended')) return;
    this.update({ status: 'ended' }, { kind: 'ended', reason, ...(queue === undefined ? {} : { queue }) });
  }

  private update(change: Partial<VoiceCallView>, line?: VoiceCallLine): void {
    this.view = { ...this.view, ...change, ...(line ? { lines: [...this.view.lines, line] } : {}) };
    this.options.onChange(this.view);
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    if (this.pendingNotify !== null) clearTimeout(this.pendingNotify);
    this.pendingNotify = null;
    this.started = false;
    // Let the last prompt (e.g. "Goodbye.") play out before the audio context closes.
    const tail = this.player.remainingMs();
    this.update({ status: 'ended' });
    setTimeout(() => void this.mic.stop(), tail);
  }
}
