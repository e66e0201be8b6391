import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One POST a {@link startWebhookSink} received: when, and its JSON body. */
export interface ReceivedHook {
  at: number;
  body: { alert: { category: string; sessionId: string } };
}

/** A local HTTP server that keeps every JSON body POSTed to it, standing for an alert webhook's receiver in tests. */
export async function startWebhookSink(): Promise<{
  origin: string;
  received: ReceivedHook[];
  close(): Promise<void>;
}> {
  const received: ReceivedHook[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ at: Date.now(), body: JSON.parse(body) });
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
