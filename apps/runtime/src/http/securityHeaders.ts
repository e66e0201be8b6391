import { IncomingMessage, ServerResponse, type OutgoingHttpHeader } from 'node:http';
import { Socket } from 'node:net';
import type { RequestHandler } from 'express';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * Helmet's headers, computed once by running helmet on a detached response, then set with one loop per request:
 * the same header set as `app.use(helmet(options))` without helmet's per-request middleware chain. Only valid for
 * options whose headers do not depend on the request (no CSP nonces), which is why CSP stays with its own routes.
 */
export function securityHeaders(options: HelmetOptions): RequestHandler {
  const setHeaders = securityHeaderSetter(options);
  return (_req, res, next) => {
    setHeaders(res);
    res.removeHeader('X-Powered-By');
    next();
  };
}

function securityHeaderSetter(options: HelmetOptions): (res: ServerResponse) => void {
  const probe = new ServerResponse(new IncomingMessage(new Socket()));
  let helmetCalledNext = false;
  helmet(options)(probe.req, probe, () => {
    helmetCalledNext = true;
  });
  if (!helmetCalledNext) throw new Error('helmet did not finish synchronously; its headers cannot be precomputed.');
  const headers: [string, OutgoingHttpHeader][] = [];
  for (const name of probe.getHeaderNames()) {
    const value = probe.getHeader(name);
    if (value !== undefined) headers.push([name, value]);
  }
  return (res) => {
    for (const [name, value] of headers) res.setHeader(name, value);
  };
}
