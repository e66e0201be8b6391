import { exhaustive } from '@omniflow/flow-schema';
import type { VadEvent } from './VoiceActivityDetector.ts';

/** What the voice activity detector heard, as events of the call machine. */
export type SpeechEvent =
  | { type: 'speechStart'; atMs: number }
  | { type: 'speechPause'; atMs: number; lastVoiceAtMs: number; audio: Int16Array }
  | { type: 'speechEnd'; atMs: number; lastVoiceAtMs: number; audio: Int16Array }
  | { type: 'speechTimeout'; atMs: number };

/** Names a detector event for the call machine (the detector's `noInput` is one of several no-input timers there). */
export function speechEvent(event: VadEvent): SpeechEvent {
  switch (event.type) {
    case 'speechStart':
      return { type: 'speechStart', atMs: event.atMs };
    case 'pause':
      return { type: 'speechPause', atMs: event.atMs, lastVoiceAtMs: event.lastVoiceAtMs, audio: event.audio };
    case 'speechEnd':
      return { type: 'speechEnd', atMs: event.atMs, lastVoiceAtMs: event.lastVoiceAtMs, audio: event.audio };
    case 'noInput':
      return { type: 'speechTimeout', atMs: event.atMs };
    default:
      return exhaustive(event);
  }
}
