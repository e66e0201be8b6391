import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { ApiReply } from '../testing/jsonClient.ts';
import { pinFlow } from '../testing/testFlows.ts';
import { startTestRuntime, type TestRuntime } from '../testing/startTestRuntime.ts';

let t: TestRuntime;
let token: string;

beforeAll(async () => {
  t = await startTestRuntime();
  await t.api('POST', '/api/flows', { flow: pinFlow('chat') });
  await t.api('POST', '/api/flows/chat/publish', {});
  token = (await t.api('POST', '/api/flows/chat/channel-tokens', { label: 'web' })).body.token;
});
afterAll(async () => {
  await t.close();
});

/** A WebSocket chat client that answers each sent message with the next server message. */
async function connect(query: string): Promise<{ ask(message: unknown): Promise<ApiReply['body']>; close(): void }> {
  const ws = new WebSocket(`${t.url.replace('http', 'ws')}/ws/chat${query}`);
  const inbox: unknown[] = [];
  const waiting: ((m: unknown) => void)[] = [];
  ws.on('message', (data) => {
    const message: unknown = JSON.parse(data.toString());
    const next = waiting.shift();
    if (next) next(message);
    else inbox.push(message);
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return {
    ask(message) {
      ws.send(typeof message === 'string' ? message : JSON.stringify(message));
      return new Promise((resolve) => (inbox.length > 0 ? resolve(inbox.shift()) : waiting.push(resolve)));
    },
    close: () => ws.close(),
  };
}

describe('chat WebSocket', () => {
  it('runs a chat session with quick replies and ends it', async () => {
    const chat = await connect(`?token=${token}`);
    const first = await chat.ask({ type: 'start', locale: 'zh-CN' });
    expect(first).toMatchObject({ type: 'turn', status: 'active', nodeId: 'main', locale: 'zh-CN' });
    const prompt = first.outputs.find((o: { type: string }) => o.type === 'prompt');
    expect(prompt.expect.choices.map((c: { label: string }) => c.label)).toEqual(['余额', '人工']);
    const next = await chat.ask({ type: 'input', input: { type: 'text', text: prompt.expect.choices[1].value } });
    expect(next.outputs.map((o: { type: string }) => o.type)).toContain('transfer');
    expect(next.status).toBe('ended');
    const after = await chat.ask({ type: 'input', input: { type: 'text', text: '1' } });
    expect(after).toMatchObject({ type: 'error', errors: [{ code: 'NO_SESSION' }] });
    chat.close();
  });

  it('resumes a session on a new connection and answers bad messages with errors', async () => {
    const first = await connect(`?token=${token}`);
    const started = await first.ask({ type: 'start' });
    first.close();
    const second = await connect(`?token=${token}`);
    expect(await second.ask({ type: 'resume', sessionId: started.sessionId })).toMatchObject({
      type: 'resumed',
      sessionId: started.sessionId,
    });
    expect((await second.ask({ type: 'input', input: { type: 'text', text: '1' } })).nodeId).toBe('askPin');
    expect(await second.ask('{not json')).toMatchObject({ type: 'error', errors: [{ code: 'MALFORMED_JSON' }] });
    expect(await second.ask({ type: 'dance' })).toMatchObject({ type: 'error', status: 400 });
    expect(await second.ask({ type: 'start', flowId: 'elsewhere' })).toMatchObject({ type: 'error', status: 403 });
    second.close();
  });

  it('refuses a connection without a valid token', async () => {
    await expect(connect('?token=wrong')).rejects.toThrow(/401/);
    await expect(connect('')).rejects.toThrow(/401/);
  });
});

describe('web chat page', () => {
  it('serves a plain HTML page with its script, style and the flow locales', async () => {
    const page = await fetch(`${t.url}/chat/chat?token=${token}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('<script src="/chat-assets/chat.js"></script>');
    expect((await fetch(`${t.url}/chat-assets/chat.js`)).headers.get('content-type')).toContain('javascript');
    const config = await t.api('GET', '/chat/chat/config', undefined, { token });
    expect(config.body).toMatchObject({ flowId: 'chat', locales: ['en-US', 'zh-CN'], defaultLocale: 'en-US' });
    expect((await t.api('GET', '/chat/chat/config', undefined, { token: null })).status).toBe(401);
  });
});

describe('chat inputs with an inputId (issue 22)', () => {
  it('answers a resent input id with the stored turn after a reconnect, running the turn once', async () => {
    const first = await connect(`?token=${token}`);
    const started = await first.ask({ type: 'start' });
    const sent = { type: 'input', input: { type: 'text', text: '1' }, inputId: 'web-1' };
    const turn = await first.ask(sent);
    expect(turn).toMatchObject({ type: 'turn', nodeId: 'askPin' });
    first.close();

    // The reply was lost with the connection: the page resumes and sends the same message again.
    const second = await connect(`?token=${token}`);
    expect(await second.ask({ type: 'resume', sessionId: started.sessionId })).toMatchObject({ type: 'resumed' });
    expect(await second.ask(sent)).toEqual(turn);
    const reused = await second.ask({ ...sent, input: { type: 'text', text: '2' } });
    expect(reused).toMatchObject({ type: 'error', status: 422, errors: [{ code: 'IDEMPOTENCY_KEY_REUSED' }] });
    second.close();

    const stored = await t.api('GET', `/api/sessions/${started.sessionId}`);
    expect(stored.body.session.turn).toBe(1);
  });
});
