import { createServer, type IncomingMessage, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { twilioSignature } from '../channels/twilioSignature.ts';
import { startTestRuntime } from '../testing/startTestRuntime.ts';
import { outcomeOf, TwilioDialer } from './TwilioDialer.ts';

const ACCOUNT = 'ACf00dfeedf00dfeedf00dfeedf00dfeed';
const AUTH = 'fixture-auth-token';
const PUBLIC = 'https://omniflow.example.com';

interface Exchange {
  request: { method: string; path: string; form?: Record<string, string> };
  response: { status: number; body: unknown };
}

function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./fixtures/twilio/${name}`, import.meta.url), 'utf8')) as T;
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

/** Replays recorded exchanges in order on 127.0.0.1, recording what the dialer really sent. */
async function replay(exchanges: Exchange[]) {
  const seen: { method: string; path: string; auth: string; form: Record<string, string> }[] = [];
  const server = createServer(async (req, res) => {
    const body = await read(req);
    seen.push({
      method: req.method ?? '',
      path: req.url ?? '',
      auth: req.headers.authorization ?? '',
      form: Object.fromEntries(new URLSearchParams(body)),
    });
    const exchange = exchanges[seen.length - 1];
    res.writeHead(exchange?.response.status ?? 500, { 'content-type': 'application/json' });
    res.end(JSON.stringify(exchange?.response.body ?? { message: 'no recorded exchange left' }));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { base: `http://127.0.0.1:${port}`, seen };
}

function read(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => resolve(text));
  });
}

function dialer(apiBase: string) {
  return new TwilioDialer({ accountSid: ACCOUNT, authToken: AUTH, from: '+15005550006', publicUrl: PUBLIC, apiBase });
}

const expectedAuth = `Basic ${Buffer.from(`${ACCOUNT}:${AUTH}`).toString('base64')}`;

describe('TwilioDialer against recorded Twilio exchanges', () => {
  it('creates the call with the TwiML webhook, status callback and machine detection, then settles on the callback', async () => {
    const exchange = fixture<Exchange>('create-call.json');
    const server = await replay([exchange]);
    const twilio = dialer(server.base);
    const dialing = twilio.dial(
      {
        key: 'c1:0:1',
        campaignId: 'c1',
        to: '+14155550101',
        flowId: 'reminder',
        locale: 'en-US',
        variables: { name: 'Ann' },
      },
      new AbortController().signal,
    );
    await expect.poll(() => server.seen.length).toBe(1);
    expect(server.seen[0]).toEqual({
      method: exchange.request.method,
      path: exchange.request.path,
      auth: expectedAuth,
      form: exchange.request.form,
    });
    const callbacks = fixture<Record<string, { form: Record<string, string> }>>('status-callbacks.json');
    expect(twilio.settle('c1:0:1', callbacks['human']?.form ?? {})).toMatchObject({ waited: true });
    expect(await dialing).toEqual({
      result: 'completed',
      providerId: 'CAa1b2c3d4e5f60718293a4b5c6d7e8f90',
      sessionId: 'twilio-CAa1b2c3d4e5f60718293a4b5c6d7e8f90',
    });
  });

  it("fails the attempt with Twilio's own error code and message", async () => {
    const server = await replay([fixture<Exchange>('create-call-invalid-number.json')]);
    await expect(
      dialer(server.base).dial(
        { key: 'c1:1:1', campaignId: 'c1', to: '+1415555010', flowId: 'reminder', variables: {} },
        new AbortController().signal,
      ),
    ).rejects.toThrow(/400: Invalid 'To' Phone Number.*code 21211/);
  });

  it('sends the fallback text with the Messaging API', async () => {
    const exchange = fixture<Exchange>('create-message.json');
    const server = await replay([exchange]);
    const sent = await dialer(server.base).sendSms(
      { key: 'c1:2:sms', to: '+14155550103', body: 'Hi Cid, we could not reach you.' },
      new AbortController().signal,
    );
    expect(sent).toEqual({ sent: true, providerId: 'SMa1b2c3d4e5f60718293a4b5c6d7e8f90' });
    expect(server.seen[0]).toMatchObject({
      path: exchange.request.path,
      auth: expectedAuth,
      form: exchange.request.form,
    });
  });

  it('maps every final status (and answering-machine detection) to a campaign result; ringing is not final', () => {
    const callbacks =
      fixture<Record<string, { expect: string | null; form: Record<string, string> }>>('status-callbacks.json');
    for (const [name, callback] of Object.entries(callbacks))
      expect({ name, result: outcomeOf(callback.form)?.result ?? null }).toEqual({ name, result: callback.expect });
  });
});

describe('POST /twilio/campaigns/status', () => {
  it('takes only callbacks signed with the account token', async () => {
    const t = await startTestRuntime({ TWILIO_AUTH_TOKEN: AUTH, OMNIFLOW_PUBLIC_URL: PUBLIC });
    try {
      const form =
        fixture<Record<string, { form: Record<string, string> }>>('status-callbacks.json')['busy']?.form ?? {};
      const path = '/twilio/campaigns/status?key=c1%3A0%3A1';
      const post = (signature: string | undefined) =>
        fetch(`${t.url}${path}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            ...(signature ? { 'x-twilio-signature': signature } : {}),
          },
          body: new URLSearchParams(form).toString(),
        });
      expect((await post(undefined)).status).toBe(403);
      expect((await post(twilioSignature('another-token', `${PUBLIC}${path}`, form))).status).toBe(403);
      expect((await post(twilioSignature(AUTH, `${PUBLIC}${path}`, form))).status).toBe(204);
    } finally {
      await t.close();
    }
  });
});
