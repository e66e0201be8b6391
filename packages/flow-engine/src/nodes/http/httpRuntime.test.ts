import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HandlerArgs, HandlerLogger } from '../../nodeTypes/handlerTypes.ts';
import type { HttpNodeConfig } from './httpSpec.ts';
import { httpNode } from './httpNode.ts';
import { createBuiltInRegistry } from '../../nodeTypes/createBuiltInRegistry.ts';
import { runHttpRequest } from './httpRuntime.ts';
import { buildTestFlow, en, startTestSession } from '../../testing/index.ts';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

let server: Server;
let baseUrl: string;
let seen: Seen[];
let reply: (req: Seen, res: ServerResponse) => void;

beforeEach(async () => {
  seen = [];
  reply = (_req, res) => res.end('{}');
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const entry = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      seen.push(entry);
      reply(entry, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address: AddressInfo | string | null = server.address();
  baseUrl = typeof address === 'object' && address !== null ? `http://127.0.0.1:${address.port}` : '';
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function recordingLogger(lines: string[]): HandlerLogger {
  const write = (fields: Record<string, unknown>, message: string): void => {
    lines.push(`${message} ${JSON.stringify(fields)}`);
  };
  return { info: write, warn: write, error: write };
}

function call(
  config: HttpNodeConfig,
  variables: Record<string, unknown> = {},
  options: { lines?: string[]; signal?: AbortSignal; secrets?: Record<string, string> } = {},
) {
  const args: HandlerArgs<HttpNodeConfig> = {
    config,
    variables,
    args: {},
    secret: (name) => (options.secrets ?? { API_TOKEN: 's3cr3t-token' })[name],
    signal: options.signal ?? new AbortController().signal,
    logger: recordingLogger(options.lines ?? []),
    idempotencyKey: 'session-1:lookup:1',
    session: { id: 'session-1', channel: 'chat', locale: 'en-US' },
  };
  return runHttpRequest(args);
}

describe('http node', () => {
  it('is an async built-in with success, error and timeout ports', () => {
    expect(httpNode.spec.behaviour).toBe('async');
    expect(createBuiltInRegistry().get('http')).toBe(httpNode);
    expect(httpNode.spec.ports.map((p) => ('name' in p ? p.name : ''))).toEqual(['success', 'error', 'timeout']);
  });

  it('renders URL, body and secret headers from templates and sends the idempotency key', async () => {
    reply = (_req, res) => res.end(JSON.stringify({ customer: { name: 'Ada', flights: [{ no: 'OZ 201' }] } }));
    const lines: string[] = [];
    const result = await call(
      {
        method: 'POST',
        url: `${baseUrl}/customers/{{customerId}}?q={{query}}`,
        headers: { authorization: 'Bearer {{secret:API_TOKEN}}' },
        body: '{"note": "{{note}}", "count": {{count}}}',
        responseMapping: [
          { variable: 'customerName', value: 'response.body.customer.name' },
          { variable: 'flight', value: 'response.body.customer.flights[0].no' },
          { variable: 'missing', value: 'response.body.customer.age' },
        ],
        statusVariable: 'status',
      },
      { customerId: 'C/1', query: 'a b', note: 'say "hi"', count: 3 },
      { lines },
    );
    expect(result).toEqual({
      port: 'success',
      variables: { status: 200, customerName: 'Ada', flight: 'OZ 201', missing: null },
    });
    const [request] = seen;
    expect(request?.url).toBe('/customers/C%2F1?q=a%20b');
    expect(request?.headers.authorization).toBe('Bearer s3cr3t-token');
    expect(request?.headers['idempotency-key']).toBe('session-1:lookup:1');
    expect(JSON.parse(request?.body ?? '')).toEqual({ note: 'say "hi"', count: 3 });
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toContain('s3cr3t-token');
  });

  it('maps the reply with expressions that compute over the response and the flow variables', async () => {
    reply = (_req, res) => res.end(JSON.stringify({ items: [{ amount: 5 }, { amount: 7 }] }));
    const result = await call(
      {
        method: 'GET',
        url: `${baseUrl}/items`,
        responseMapping: [
          { variable: 'total', value: 'response.body.items[0].amount + response.body.items[1].amount' },
          { variable: 'picked', value: 'response.body.items[pick].amount' },
          { variable: 'ok', value: 'response.status == 200' },
        ],
      },
      { pick: 1 },
    );
    expect(result).toEqual({ port: 'success', variables: { total: 12, picked: 7, ok: true } });
  });

  it('takes error with the status on a non-2xx reply, sending it once', async () => {
    reply = (_req, res) => {
      res.statusCode = 503;
      res.end();
    };
    expect(await call({ method: 'GET', url: `${baseUrl}/down`, retries: 2, statusVariable: 's' })).toEqual({
      port: 'error',
      variables: { s: 503 },
    });
    expect(seen).toHaveLength(1);
  });

  it('takes error when nothing listens, saying why in the log', async () => {
    const lines: string[] = [];
    const result = await call({ method: 'GET', url: 'http://127.0.0.1:1/nothing' }, {}, { lines });
    expect(result.port).toBe('error');
    expect(lines.filter((l) => l.includes('request failed'))).toHaveLength(1);
  });

  it('is retried by the engine with the same idempotency key until the server recovers', async () => {
    reply = (_req, res) => {
      res.statusCode = seen.length < 3 ? 502 : 200;
      res.end(JSON.stringify({ greeting: 'hello' }));
    };
    const flow = buildTestFlow(
      [
        { id: 'start', type: 'start', to: { next: 'call' } },
        {
          id: 'call',
          type: 'http',
          config: {
            method: 'GET',
            url: `${baseUrl}/greeting`,
            retries: 2,
            responseMapping: [{ variable: 'greeting', value: 'response.body.greeting' }],
          },
          to: { success: 'said', error: 'failed', timeout: 'failed' },
        },
        { id: 'said', type: 'end', config: { prompt: en('Server says {{greeting}}.') } },
        { id: 'failed', type: 'end', config: { prompt: en('Failed.') } },
      ],
      { variables: [{ name: 'greeting', type: 'string' }] },
    );
    await startTestSession(flow, 'chat').expectPrompt('Server says hello.').expectEnd('completed');
    expect(seen).toHaveLength(3);
    expect(new Set(seen.map((s) => s.headers['idempotency-key'])).size).toBe(1);
    // Three calls and 750 ms of backoff: more than the default 5 s on a loaded machine.
  }, 20_000);

  it('takes timeout when the server does not answer in time', async () => {
    reply = () => undefined;
    expect((await call({ method: 'GET', url: `${baseUrl}/slow`, timeoutMs: 100 })).port).toBe('timeout');
  });

  it('stops when the engine aborts the call', async () => {
    reply = () => undefined;
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const result = await call(
      { method: 'GET', url: `${baseUrl}/slow`, timeoutMs: 10000 },
      {},
      { signal: controller.signal },
    );
    expect(result.port).toBe('timeout');
  });

  it('takes error without sending when a referenced secret is not configured, naming it', async () => {
    const lines: string[] = [];
    const result = await call(
      { method: 'GET', url: `${baseUrl}/x`, headers: { 'x-api-key': '{{secret:MISSING_KEY}}' } },
      {},
      { lines },
    );
    expect(result.port).toBe('error');
    expect(seen).toHaveLength(0);
    expect(lines.join('\n')).toContain('MISSING_KEY');
  });

  it('takes error when a mapping expression is broken, saying which', async () => {
    const lines: string[] = [];
    const result = await call(
      { method: 'GET', url: `${baseUrl}/x`, responseMapping: [{ variable: 'v', value: 'len(' }] },
      {},
      { lines },
    );
    expect(result.port).toBe('error');
    expect(lines.join('\n')).toContain('len(');
  });
});
