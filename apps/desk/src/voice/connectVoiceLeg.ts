/** The voice leg as the runtime reports it on the desk audio socket. */
export interface VoiceLegState {
  muted: boolean;
  held: boolean;
  secureFlow: boolean;
  ended: boolean;
}

/** The rate of the desk audio socket both ways (16-bit mono PCM). */
const RATE = 16000;
/** Samples per microphone block: 64 ms at 16 kHz. */
const BLOCK = 1024;

/**
 * The agent's side of a media-stream call, in the browser: the microphone (getUserMedia) captured at 16 kHz and sent
 * as binary 16-bit PCM on `/ws/desk-audio`, the caller's audio from it played as it arrives, and the controls (mute,
 * hold, hang-up) sent beside it. The runtime turns the PCM into the caller's 8 kHz μ-law and back.
 */
export async function connectVoiceLeg(
  token: string,
  contactId: string,
  handlers: { leg(state: VoiceLegState): void; closed(code: number): void },
): Promise<{ mute(on: boolean): void; hold(on: boolean): void; hangUp(): void; close(): void }> {
  const microphone = await navigator.mediaDevices.getUserMedia({
    audio: { channelCount: 1, echoCancellation: true, noiseSuppression: false, autoGainControl: false },
  });
  // The context runs at the socket's rate, so the browser resamples the microphone and the playback for us.
  const context = new AudioContext({ sampleRate: RATE });
  await context.resume();
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const socket = new WebSocket(
    `${scheme}//${location.host}/ws/desk-audio?token=${encodeURIComponent(token)}&contact=${encodeURIComponent(contactId)}`,
  );
  socket.binaryType = 'arraybuffer';
  let muted = false;
  let playAt = 0;
  const source = context.createMediaStreamSource(microphone);
  // A ScriptProcessor needs no separate module file; 64 ms blocks are small beside a phone line's delay.
  const capture = context.createScriptProcessor(BLOCK, 1, 1);
  capture.onaudioprocess = (event) => {
    if (muted || socket.readyState !== WebSocket.OPEN) return;
    const input = event.inputBuffer.getChannelData(0);
    const pcm = new Int16Array(input.length);
    for (let i = 0; i < input.length; i++)
      pcm[i] = Math.max(-32768, Math.min(32767, Math.round((input[i] ?? 0) * 32767)));
    socket.send(pcm.buffer);
  };
  source.connect(capture);
  // Connected so that it runs; it writes nothing, so the agent does not hear themselves.
  capture.connect(context.destination);

  const play = (data: ArrayBuffer): void => {
    const pcm = new Int16Array(data, 0, data.byteLength >> 1);
    if (pcm.length === 0) return;
    const buffer = context.createBuffer(1, pcm.length, RATE);
    const channel = buffer.getChannelData(0);
    for (let i = 0; i < pcm.length; i++) channel[i] = (pcm[i] ?? 0) / 32768;
    const node = context.createBufferSource();
    node.buffer = buffer;
    node.connect(context.destination);
    // Chunks are queued back to back; after a gap playback restarts a little ahead, so a late chunk is not cut.
    playAt = Math.max(playAt, context.currentTime + 0.05);
    node.start(playAt);
    playAt += buffer.duration;
  };
  socket.addEventListener('message', (message) => {
    if (message.data instanceof ArrayBuffer) return play(message.data);
    const event: unknown = JSON.parse(String(message.data));
    if (typeof event === 'object' && event !== null && Reflect.get(event, 'type') === 'leg')
      handlers.leg(event as VoiceLegState);
  });
  const stop = (): void => {
    capture.disconnect();
    source.disconnect();
    for (const track of microphone.getTracks()) track.stop();
    void context.close();
  };
  socket.addEventListener('close', (event) => {
    stop();
    handlers.closed(event.code);
  });
  const control = (message: Record<string, unknown>): void => {
    if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
  };
  return {
    mute(on) {
      muted = on;
      control({ type: 'mute', on });
    },
    hold(on) {
      control({ type: 'hold', on });
    },
    hangUp() {
      control({ type: 'hangup' });
    },
    close() {
      socket.close();
    },
  };
}
