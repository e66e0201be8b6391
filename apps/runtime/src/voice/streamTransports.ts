import { WebSocket } from 'ws';
import { pcm16ToBytes } from './pcm.ts';
import { resample } from './resample.ts';
import type { SynthesizedAudio } from './Synthesizer.ts';
import type { VoiceCallTransport } from './VoiceCall.ts';

/** 20 ms of audio per outgoing frame. */
const MULAW_FRAME = 160;
const PCM16K_FRAME = 320;

/** Twilio Media Streams: base64 μ-law `media` frames, `mark` after each prompt, `clear` on barge-in. */
export function twilioTransport(ws: WebSocket, streamSid: string): VoiceCallTransport {
  return {
    play(audio: SynthesizedAudio, mark: string) {
      for (let at = 0; at < audio.mulaw8k.length; at += MULAW_FRAME) {
        sendJson(ws, {
          event: 'media',
          streamSid,
          media: { payload: Buffer.from(audio.mulaw8k.subarray(at, at + MULAW_FRAME)).toString('base64') },
        });
      }
      sendJson(ws, { event: 'mark', streamSid, mark: { name: mark } });
    },
    clear() {
      sendJson(ws, { event: 'clear', streamSid });
    },
    close(end) {
      // Closing the socket ends <Connect><Stream>; Twilio then runs the TwiML that follows it.
      ws.close(1000, end.reason);
    },
  };
}

/** Browser mode: binary 16 kHz PCM frames out, JSON `mark` / `clear` / `stop` beside them. */
export function rawTransport(ws: WebSocket): VoiceCallTransport {
  return {
    play(audio: SynthesizedAudio, mark: string) {
      sendPcmFrames(ws, audio.pcm16k, PCM16K_FRAME);
      sendJson(ws, { event: 'mark', mark: { name: mark } });
    },
    clear() {
      sendJson(ws, { event: 'clear' });
    },
    close(end) {
      sendJson(ws, { event: 'stop', end });
      ws.close(1000, end.reason);
    },
  };
}

/**
 * jambonz `listen` with `bidirectionalAudio.streaming`: binary PCM back at the stream's rate, `killAudio` on
 * barge-in. jambonz does not echo marks, so the call times playback from the audio's duration.
 */
export function jambonzTransport(ws: WebSocket, sampleRate: number): VoiceCallTransport {
  const frame = sampleRate / 50;
  return {
    play(audio: SynthesizedAudio) {
      sendPcmFrames(ws, sampleRate === 16000 ? audio.pcm16k : resample(audio.pcm16k, 16000, sampleRate), frame);
    },
    clear() {
      sendJson(ws, { type: 'killAudio' });
    },
    close(end) {
      ws.close(1000, end.reason);
    },
  };
}

/** Sends PCM as binary frames of `frame` samples while the socket is open. */
function sendPcmFrames(ws: WebSocket, pcm: Int16Array, frame: number): void {
  for (let at = 0; at < pcm.length; at += frame) {
    if (ws.readyState === WebSocket.OPEN) ws.send(pcm16ToBytes(pcm.subarray(at, at + frame)));
  }
}

/** Sends one JSON message if the socket is still open. */
export function sendJson(ws: WebSocket, message: Record<string, unknown>): void {
  if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
}
