import { WebSocket } from 'ws';

type Message = Record<string, unknown> & { type: string };

/**
 * A WebSocket client for tests and benchmarks that keeps every JSON message it received and waits for the next
 * one matching a predicate (with a timeout that names what it waited for).
 */
export class SocketProbe {
  readonly received: Message[] = [];
  /** When each received message arrived (`performance.now()`), by message. */
  readonly arrivedAt = new WeakMap<Message, number>();
  readonly #ws: WebSocket;
  #cursor = 0;
  #waiters: { match: (m: Message) => boolean; resolve: (m: Message) => void }[] = [];

  private constructor(ws: WebSocket) {
    this.#ws = ws;
    ws.on('message', (data) => {
      const message = JSON.parse(data.toString()) as Message;
      this.arrivedAt.set(message, performance.now());
      this.received.push(message);
      const ready = this.#waiters.filter((waiter) => waiter.match(message));
      this.#waiters = this.#waiters.filter((waiter) => !ready.includes(waiter));
      for (const waiter of ready) waiter.resolve(message);
    });
  }

  /** Opens a socket and resolves once it is open. */
  static open(url: string): Promise<SocketProbe> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      const probe = new SocketProbe(ws);
      ws.once('open', () => resolve(probe));
      ws.once('error', reject);
      ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
    });
  }

  send(message: Record<string, unknown>): void {
    this.#ws.send(JSON.stringify(message));
  }

  /**
   * The first message after the previous `next` answer that matches (by type, and by fields when given); waits for
   * it when none has arrived yet.
   */
  next(type: string, fields: Record<string, unknown> = {}, timeoutMs = 5000, signal?: AbortSignal): Promise<Message> {
    return this.nextWhere(
      (m) => m.type === type && Object.entries(fields).every(([k, v]) => JSON.stringify(m[k]) === JSON.stringify(v)),
      `"${type}" ${JSON.stringify(fields)}`,
      timeoutMs,
      signal,
    );
  }

  /**
   * Like {@link next}, with any predicate; `what` names it in the timeout error. An aborted `signal` drops the wait
   * (it rejects), so a later wait still gets the message this one would have taken.
   */
  nextWhere(
    match: (message: Message) => boolean,
    what: string,
    timeoutMs = 5000,
    signal?: AbortSignal,
  ): Promise<Message> {
    for (let i = this.#cursor; i < this.received.length; i += 1) {
      const message = this.received[i];
      if (message && match(message)) {
        this.#cursor = i + 1;
        return Promise.resolve(message);
      }
    }
    return new Promise((resolve, reject) => {
      const drop = (error: Error): void => {
        clearTimeout(timer);
        this.#waiters = this.#waiters.filter((w) => w.resolve !== done);
        reject(error);
      };
      const timer = setTimeout(
        () => drop(new Error(`no ${what} within ${timeoutMs} ms; got ${JSON.stringify(this.received.slice(-5))}`)),
        timeoutMs,
      );
      // A wait nobody needs any more (a bench that finished) does not keep the process alive.
      timer.unref();
      const onAbort = (): void => drop(new Error(`stopped waiting for ${what}`));
      const done = (m: Message): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.#cursor = this.received.length;
        resolve(m);
      };
      if (signal?.aborted) return drop(new Error(`stopped waiting for ${what}`));
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#waiters.push({ match, resolve: done });
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.#ws.readyState === WebSocket.CLOSED) return resolve();
      this.#ws.once('close', () => resolve());
      this.#ws.close();
    });
  }
}
