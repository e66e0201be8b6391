import { WebSocket } from 'ws';
import { concatPcm, pcm16FromBytes, pcm16ToBytes } from '../../voice/pcm.ts';

/** A desk audio socket as the browser uses it, for tests: what it heard (16 kHz), the leg states, how it closed. */
export interface DeskAudioProbe {
  ws: WebSocket;
  legs: Record<string, unknown>[];
  closed: Promise<number>;
  /** The caller audio received since the last call. */
  take(): Int16Array;
  control(message: Record<string, unknown>): void;
  /** Sends the agent's voice in 20 ms frames. */
  say(pcm16k: Int16Array): Promise<void>;
}

/** Opens `/ws/desk-audio` at `url` (with its token and contact) and collects what it receives. */
export async function openDeskAudio(url: string): Promise<DeskAudioProbe> {
  const ws = new WebSocket(url);
  const heard: Int16Array[] = [];
  const legs: Record<string, unknown>[] = [];
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  ws.on('message', (data: Buffer, isBinary: boolean) => {
    if (isBinary) heard.push(pcm16FromBytes(new Uint8Array(data)));
    else legs.push(JSON.parse(data.toString()));
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return {
    ws,
    legs,
    closed,
    take: () => concatPcm(heard.splice(0)),
    control: (message) => ws.send(JSON.stringify(message)),
    async say(pcm16k) {
      for (let at = 0; at < pcm16k.length; at += 320) {
        ws.send(pcm16ToBytes(pcm16k.subarray(at, at + 320)));
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
  };
}
