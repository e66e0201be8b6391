import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HandlerArgs, HandlerLogger } from '../../nodeTypes/handlerTypes.ts';
import type { HttpNodeConfig } from './httpNode.ts';
import { httpNode } from './httpNode.ts';
import { runHttpRequest } from './httpRuntime.ts';

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
          { variable: 'customerName', path: '$.customer.name' },
          { variable: 'flight', path: '$.customer.flights[0].no' },
          { variable: 'missing', path: '$.customer.age' },
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

  it('maps the reply with JSONata when asked to', async () => {
    reply = (_req, res) => res.end(JSON.stringify({ items: [{ amount: 5 }, { amount: 7 }] }));
    const result = await call({
      method: 'GET',
      url: `${baseUrl}/items`,
      responseLanguage: 'jsonata',
      responseMapping: [{ variable: 'total', path: '$sum(items.amount)' }],
    });
    expect(result).toEqual({ port: 'success', variables: { total: 12 } });
  });

  it('retries network errors and 5xx replies with backoff, then succeeds', async () => {
    reply = (_req, res) => {
      if (seen.length < 3) {
        res.statusCode = 503;
        res.end('{}');
      } else {
        res.end('{"ok": true}');
      }
    };
    const result = await call({
      method: 'GET',
      url: `${baseUrl}/flaky`,
      retries: 3,
      retryBackoffMs: 5,
      responseMapping: [{ variable: 'ok', path: '$.ok' }],
    });
    expect(result).toEqual({ port: 'success', variables: { ok: true } });
    expect(seen).toHaveLength(3);
  });

  it('takes error after the retries are used up, and does not retry a 4xx', async () => {
    reply = (_req, res) => {
      res.statusCode = 500;
      res.end();
    };
    expect(await call({ method: 'GET', url: `${baseUrl}/down`, retries: 2, retryBackoffMs: 1, statusVariable: 's' })).toEqual({
      port: 'error',
      variables: { s: 500 },
    });
    expect(seen).toHaveLength(3);
    seen = [];
    reply = (_req, res) => {
      res.statusCode = 404;
      res.end();
    };
    expect((await call({ method: 'GET', url: `${baseUrl}/gone`, retries: 2, retryBackoffMs: 1 })).port).toBe('error');
    expect(seen).toHaveLength(1);
  });

  it('takes error when nothing listens', async () => {
    const lines: string[] = [];
    const result = await call({ method: 'GET', url: 'http://127.0.0.1:1/nothing', retries: 1, retryBackoffMs: 1 }, {}, { lines });
    expect(result.port).toBe('error');
    expect(lines.filter((l) => l.includes('request failed'))).toHaveLength(2);
  });

  it('takes timeout when the server does not answer in time', async () => {
    reply = () => undefined;
    expect((await call({ method: 'GET', url: `${baseUrl}/slow`, timeoutMs: 100 })).port).toBe('timeout');
  });

  it('stops when the engine aborts the call', async () => {
    reply = () => undefined;
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const result = await call({ method: 'GET', url: `${baseUrl}/slow`, timeoutMs: 10000 }, {}, { signal: controller.signal });
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

  it('takes error when a JSONata mapping is broken', async () => {
    const result = await call({
      method: 'GET',
      url: `${baseUrl}/x`,
      responseLanguage: 'jsonata',
      responseMapping: [{ variable: 'v', path: '$sum(' }],
    });
    expect(result.port).toBe('error');
  });
});
