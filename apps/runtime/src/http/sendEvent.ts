import type { WebSocket } from 'ws';

/** The JSON of each live event, kept while the event lives: built once however many sockets it goes to. */
const frames = new WeakMap<object, Buffer>();

/**
 * Sends a live event (or any JSON message) on a socket as a text frame. An event published to a topic reaches every
 * socket following it as the same object, so its JSON is serialized once per event, not once per socket; an event
 * must therefore not be changed after it was first sent.
 */
export function sendEvent(ws: WebSocket, event: object): void {
  if (ws.readyState !== ws.OPEN) return;
  let frame = frames.get(event);
  if (!frame) {
    frame = Buffer.from(JSON.stringify(event));
    frames.set(event, frame);
  }
  ws.send(frame, { binary: false });
}
