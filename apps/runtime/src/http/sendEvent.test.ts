import { describe, expect, it, vi } from 'vitest';
import type { WebSocket } from 'ws';
import { LocalCenterEvents } from '../agents/ContactCenterEvents.ts';
import { sendEvent } from './sendEvent.ts';

/** A socket that keeps what it was asked to send. */
function fakeSocket(open = true): { ws: WebSocket; sent: { data: unknown; binary: unknown }[] } {
  const sent: { data: unknown; binary: unknown }[] = [];
  const ws = {
    OPEN: 1,
    readyState: open ? 1 : 3,
    send: (data: unknown, options: { binary?: boolean }) => sent.push({ data, binary: options.binary }),
  };
  return { ws: ws as unknown as WebSocket, sent };
}

// Issue 16 (desk bench): a chat line goes to the customer's socket and the agent's desk; its JSON is built once.
describe('sendEvent', () => {
  it('serializes an event once however many sockets follow its topic, as text frames', () => {
    const events = new LocalCenterEvents();
    const sockets = [fakeSocket(), fakeSocket(), fakeSocket(false)];
    for (const socket of sockets) events.subscribe('contact:c1', (event) => sendEvent(socket.ws, event));
    const stringify = vi.spyOn(JSON, 'stringify');
    try {
      events.publish('contact:c1', { type: 'message', contactId: 'c1', message: { id: 'm1', text: 'Hello' } });
      expect(stringify).toHaveBeenCalledTimes(1);
    } finally {
      stringify.mockRestore();
    }
    const [first, second, closed] = sockets;
    expect(first?.sent).toHaveLength(1);
    expect(second?.sent[0]?.data).toBe(first?.sent[0]?.data);
    expect(first?.sent[0]?.binary).toBe(false);
    expect(JSON.parse(String(first?.sent[0]?.data))).toEqual({
      type: 'message',
      contactId: 'c1',
      message: { id: 'm1', text: 'Hello' },
    });
    // A socket that closed meanwhile is skipped.
    expect(closed?.sent).toEqual([]);
  });

  it('serializes each new event afresh', () => {
    const { ws, sent } = fakeSocket();
    sendEvent(ws, { type: 'queue', position: 2 });
    sendEvent(ws, { type: 'queue', position: 1 });
    expect(sent.map((s) => JSON.parse(String(s.data)))).toEqual([
      { type: 'queue', position: 2 },
      { type: 'queue', position: 1 },
    ]);
  });
});
