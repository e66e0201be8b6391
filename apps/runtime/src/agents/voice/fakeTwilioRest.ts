import { createServer, type IncomingMessage, type Server } from 'node:http';

/** One request the fake Twilio REST API received. */
export interface TwilioRestRequest {
  method: string;
  path: string;
  form: Record<string, string>;
}

/**
 * A local HTTP server speaking the part of Twilio's REST contract the desk uses (issue 16), for protocol tests
 * (Twilio itself is unreachable here): Basic auth with the account SID and auth token (else 401 with Twilio's error
 * body), form-encoded POSTs, and JSON answers shaped like Twilio's — a created conference participant (`call_sid`,
 * `conference_sid`, 201), an updated participant (`muted`, `hold`), an updated call (`status`).
 */
export async function startFakeTwilioRest(account: { accountSid: string; authToken: string }) {
  const requests: TwilioRestRequest[] = [];
  const expectedAuth = `Basic ${Buffer.from(`${account.accountSid}:${account.authToken}`).toString('base64')}`;
  const prefix = `/2010-04-01/Accounts/${account.accountSid}/`;
  let calls = 0;
  const conferences = new Map<string, string>();
  const server: Server = createServer(async (req, res) => {
    const form = Object.fromEntries(new URLSearchParams(await read(req)));
    const path = req.url ?? '';
    const answer = (status: number, body: Record<string, unknown>): void => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.headers.authorization !== expectedAuth)
      return answer(401, {
        code: 20003,
        message: 'Authenticate',
        more_info: 'https://www.twilio.com/docs/errors/20003',
        status: 401,
      });
    requests.push({ method: req.method ?? '', path, form });
    const resource = path.startsWith(prefix) ? decodeURIComponent(path.slice(prefix.length)) : '';
    const created = /^Conferences\/([^/]+)\/Participants\.json$/.exec(resource);
    if (req.method === 'POST' && created?.[1]) {
      const name = created[1];
      const conferenceSid = conferences.get(name) ?? `CF${String(conferences.size + 1).padStart(32, '0')}`;
      conferences.set(name, conferenceSid);
      calls += 1;
      return answer(201, {
        account_sid: account.accountSid,
        call_sid: `CA${String(calls).padStart(32, '0')}`,
        conference_sid: conferenceSid,
        label: null,
        muted: false,
        hold: false,
        status: 'queued',
      });
    }
    const participant = /^Conferences\/(CF\w+)\/Participants\/(CA\w+)\.json$/.exec(resource);
    if (req.method === 'POST' && participant && [...conferences.values()].includes(participant[1] ?? ''))
      return answer(200, {
        account_sid: account.accountSid,
        call_sid: participant[2],
        conference_sid: participant[1],
        muted: form['Muted'] === 'true',
        hold: form['Hold'] === 'true',
        status: 'connected',
      });
    const call = /^Calls\/(CA\w+)\.json$/.exec(resource);
    if (req.method === 'POST' && call) return answer(200, { sid: call[1], status: form['Status'] ?? 'in-progress' });
    answer(404, { code: 20404, message: `The requested resource ${path} was not found`, status: 404 });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    base: `http://127.0.0.1:${port}`,
    prefix,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function read(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => resolve(text));
  });
}
