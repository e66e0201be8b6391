import type { DeskEvent } from './deskTypes.ts';

/**
 * Keeps the desk's socket open (`/ws/desk`), reconnecting with a growing pause (1 s … 5 s). Each (re)connect starts
 * with the desk snapshot, so nothing said while the socket was down is lost. Answers a function that closes it.
 */
export function connectDesk(
  token: string,
  handlers: { event(event: DeskEvent): void; online(online: boolean): void },
): { close(): void; send(message: Record<string, unknown>): void } {
  let socket: WebSocket | undefined;
  let closed = false;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const open = (): void => {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    socket = new WebSocket(`${scheme}//${location.host}/ws/desk?token=${encodeURIComponent(token)}`);
    socket.addEventListener('open', () => {
      attempt = 0;
      handlers.online(true);
    });
    socket.addEventListener('message', (message) => handlers.event(JSON.parse(String(message.data)) as DeskEvent));
    socket.addEventListener('close', () => {
      handlers.online(false);
      if (closed) return;
      attempt += 1;
      timer = setTimeout(open, Math.min(5000, 1000 * attempt));
    });
  };
  open();
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      socket?.close();
    },
    send(message) {
      if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
    },
  };
}
