import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type RequestHandler } from 'express';
import helmet from 'helmet';
import { describe, expect, it } from 'vitest';
import { securityHeaders } from './securityHeaders.ts';

const OPTIONS = { contentSecurityPolicy: false, crossOriginEmbedderPolicy: false } as const;

async function headersFrom(middleware: RequestHandler): Promise<Record<string, string | string[] | undefined>> {
  const app = express();
  app.use(middleware);
  app.get('/', (_req, res) => void res.json({ ok: true }));
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    return await new Promise((resolve, reject) => {
      request({ host: '127.0.0.1', port, path: '/' }, (res) => {
        res.resume();
        const { date: _date, etag: _etag, connection: _connection, 'keep-alive': _keepAlive, ...rest } = res.headers;
        res.once('end', () => resolve(rest));
      })
        .once('error', reject)
        .end();
    });
  } finally {
    server.close();
  }
}

describe('securityHeaders', () => {
  it('answers with exactly the header set helmet sets for the same options', async () => {
    const ours = await headersFrom(securityHeaders(OPTIONS));
    const theirs = await headersFrom(helmet(OPTIONS));
    expect(ours).toEqual(theirs);
    expect(ours['strict-transport-security']).toMatch(/max-age=/);
    expect(ours['x-content-type-options']).toBe('nosniff');
    expect(ours['x-powered-by']).toBeUndefined();
  });

  it('follows the options: a CSP turned on appears, as with helmet', async () => {
    const ours = await headersFrom(securityHeaders({}));
    expect(ours['content-security-policy']).toBe((await headersFrom(helmet({})))['content-security-policy']);
    expect(ours['content-security-policy']).toContain("default-src 'self'");
  });
});
