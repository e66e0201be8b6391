import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isPrivateAddress } from './isPrivateAddress.ts';

/** The fetch the runtime hands node handlers. */
export type EgressFetch = (input: string | URL, init?: RequestInit) => Promise<Response>;

/** A reply larger than this is cut off as an error: a handler maps a JSON document, not a download. */
const MAX_REPLY_BYTES = 5 * 1024 * 1024;

/**
 * A fetch that refuses loopback, private and link-local destinations unless `allowPrivate(origin)`. Names are checked
 * after DNS resolution, in the lookup of the very connection that is made, so a name that resolves to a public
 * address for a check and to a private one for the call (DNS rebinding) is refused. Redirects are not followed.
 */
export function createGuardedFetch(options: { allowPrivate(origin: string): boolean }): EgressFetch {
  return async (input, init = {}) => {
    const url = new URL(String(input));
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new Error(`egress refused: ${url.protocol} URLs are not allowed; use http or https.`);
    const privateOk = options.allowPrivate(url.origin);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (!privateOk && isIP(host) !== 0 && isPrivateAddress(host)) throw refusal(url.origin, host);
    const lookup: LookupFunction = (hostname, lookupOptions, callback) => {
      dnsLookup(hostname, { all: true, family: lookupOptions.family ?? 0 }, (error, addresses: LookupAddress[]) => {
        if (error) return callback(error, '', 4);
        const blocked = privateOk ? undefined : addresses.find((a) => isPrivateAddress(a.address));
        if (blocked) return callback(refusal(url.origin, blocked.address), '', 4);
        if (lookupOptions.all) return callback(null, addresses);
        const first = addresses[0];
        if (!first) return callback(new Error(`egress refused: ${hostname} resolves to no address.`), '', 4);
        return callback(null, first.address, first.family);
      });
    };
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => {
      headers[name] = value;
    });
    const body = bodyOf(init.body);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<Response>((resolve, reject) => {
      const req = send(
        url,
        { method: init.method ?? 'GET', headers, lookup, ...(init.signal ? { signal: init.signal } : {}) },
        (res) => {
          collect(res).then(
            (buffer) =>
              resolve(
                new Response(nullBodyStatus(res.statusCode) ? null : buffer, {
                  status: res.statusCode ?? 502,
                  headers: replyHeaders(res),
                }),
              ),
            reject,
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  };
}

function refusal(origin: string, address: string): Error {
  return new Error(
    `egress refused: ${origin} is (or resolves to) the private address ${address}; allow the origin with OMNIFLOW_EGRESS_ALLOW or a secret's OMNIFLOW_SECRET_<NAME>_ALLOW.`,
  );
}

function bodyOf(body: RequestInit['body']): string | Uint8Array | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  throw new Error('The runtime fetch sends string or byte bodies only.');
}

function nullBodyStatus(status: number | undefined): boolean {
  return status === 204 || status === 205 || status === 304;
}

function replyHeaders(res: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(res.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
  }
  return headers;
}

async function collect(res: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += bytes.length;
    if (size > MAX_REPLY_BYTES) {
      res.destroy();
      throw new Error(`The reply is larger than ${MAX_REPLY_BYTES} bytes.`);
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}
