import type { Logger } from 'pino';
import { WebSocket, type RawData } from 'ws';

/** Marks a desk audio socket that one runtime process opened to another: it is served there, never carried again. */
export const DESK_AUDIO_HOP_HEADER = 'x-omniflow-desk-audio-hop';

/**
 * Carries a desk's audio socket to the runtime process holding the caller's media stream (`holder`, its base URL):
 * opens the same `/ws/desk-audio` there with the desk's own token (that process checks it, as for a desk connected
 * to it directly), then passes every frame both ways — binary PCM and JSON controls — and the close code back. Frames
 * the desk sends before the far socket opens wait for it.
 */
export function carryDeskAudio(
  desk: WebSocket,
  holder: string,
  query: { token: string; contactId: string },
  logger: Logger,
): void {
  const url = new URL('/ws/desk-audio', holder.replace(/^http/, 'ws'));
  url.searchParams.set('token', query.token);
  url.searchParams.set('contact', query.contactId);
  const far = new WebSocket(url, { headers: { [DESK_AUDIO_HOP_HEADER]: '1' }, handshakeTimeout: 5000 });
  const early: { data: RawData; isBinary: boolean }[] = [];
  desk.on('message', (data: RawData, isBinary: boolean) => {
    if (far.readyState === WebSocket.OPEN) far.send(data, { binary: isBinary });
    else if (far.readyState === WebSocket.CONNECTING && early.length < 200) early.push({ data, isBinary });
  });
  far.on('open', () => {
    for (const frame of early.splice(0)) far.send(frame.data, { binary: frame.isBinary });
  });
  far.on('message', (data: RawData, isBinary: boolean) => {
    if (desk.readyState === WebSocket.OPEN) desk.send(data, { binary: isBinary });
  });
  far.on('close', (code, reason) => {
    if (desk.readyState === WebSocket.OPEN) desk.close(closable(code), reason.toString());
  });
  far.on('error', (error) => {
    logger.warn({ err: String(error), contactId: query.contactId }, 'desk audio not carried to the call’s process');
    if (desk.readyState === WebSocket.OPEN) desk.close(1011, 'The process holding this call cannot be reached.');
  });
  desk.on('close', () => {
    if (far.readyState === WebSocket.OPEN || far.readyState === WebSocket.CONNECTING) far.close(1000, 'desk left');
  });
  desk.on('error', (error) => logger.warn({ err: String(error) }, 'desk audio socket error'));
}

/** Close codes a server may send (1005/1006 only describe a socket that closed without one). */
function closable(code: number): number {
  return code === 1005 || code === 1006 ? 1011 : code;
}
