import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { bearerFromHeader, resolvePrincipal } from '../auth/authenticate.ts';
import type { TokenService } from '../auth/TokenService.ts';
import type { RuntimeMetrics } from '../observability/RuntimeMetrics.ts';
import type { SessionService } from '../sessions/SessionService.ts';
import type { ClientLimiter } from './clientRateLimit.ts';
import { errorReply } from './errorReply.ts';
import { logRequest } from './logRequest.ts';
import { sessionInputReply } from './sessionsRouter.ts';

/** What the chat turn shares with the express app, so that both paths guard, count and answer alike. */
export interface TurnGuards {
  setSecurityHeaders(res: ServerResponse): void;
  /** The app's CORS middleware (synchronous for the static origin list the runtime configures). */
  cors(req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void;
  limit: ClientLimiter;
  /** The JSON body limit in bytes; `undefined` when the configured limit is not understood (every turn then goes to express). */
  bodyLimitBytes: number | undefined;
}

/** Everything a turn talks to. */
export interface TurnServices {
  sessions: SessionService;
  tokens: TokenService;
  logger: Logger;
  metrics: RuntimeMetrics;
}

// Ids the runtime generates (UUIDs) and sensible caller-chosen ones; anything percent-encoded goes through express.
const TURN_PATH = /^\/api\/sessions\/([\w.~-]+)\/input(?:\?|$)/;
const JSON_TYPE = /^application\/(?:json|[\w.!#$&^-]+\+json)\s*(?:;\s*charset="?utf-8"?\s*)?$/i;
// JSON whitespace (space, tab, LF, CR) before the first significant character.
const FIRST_CHAR = /^[ \t\n\r]*([^ \t\n\r])/;

/**
 * A request listener that answers `POST /api/sessions/:id/input` — the request the runtime answers most — without
 * express, and hands every other request to `fallback` (the express app). Same security headers, CORS, rate limit,
 * body limit, token check, schema validation and error format as the express route, in the same order; what it
 * saves per turn is the router walk, body-parser's stream pipeline and express's response helpers (ETag included).
 * A turn it cannot fully judge from its headers (compressed or chunked body, another content type or charset, a
 * body over the limit, an encoded id) goes to express as well, which answers it exactly as before.
 */
export function turnFastPath(services: TurnServices, guards: TurnGuards, fallback: RequestListener): RequestListener {
  return (req, res) => {
    const id = fastTurnId(req, guards.bodyLimitBytes);
    if (id === undefined) return void fallback(req, res);
    void answerTurn(id, req, res, services, guards);
  };
}

function fastTurnId(req: IncomingMessage, limit: number | undefined): string | undefined {
  if (req.method !== 'POST' || limit === undefined) return undefined;
  const id = TURN_PATH.exec(req.url ?? '')?.[1];
  if (id === undefined) return undefined;
  const headers = req.headers;
  if (headers['transfer-encoding'] !== undefined) return undefined;
  const encoding = headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') return undefined;
  const length = headers['content-length'];
  if (length === undefined || !/^\d+$/.test(length) || Number(length) > limit) return undefined;
  const type = headers['content-type'];
  if (type === undefined || !JSON_TYPE.test(type)) return undefined;
  return id;
}

async function answerTurn(id: string, req: IncomingMessage, res: ServerResponse, services: TurnServices, guards: TurnGuards): Promise<void> {
  const started = performance.now();
  try {
    guards.setSecurityHeaders(res);
    let corsError: unknown;
    guards.cors(req, res, (error) => {
      corsError = error;
    });
    if (corsError !== undefined) throw corsError;
    guards.limit(req.socket.remoteAddress ?? '', res);
    const body = await readJsonBody(req);
    const pending = resolvePrincipal(services.tokens, bearerFromHeader(req.headers.authorization));
    const principal = pending instanceof Promise ? await pending : pending;
    sendJson(res, 200, await sessionInputReply(services.sessions, id, body, principal));
  } catch (error) {
    const reply = errorReply(error, services.logger, services.metrics, { method: 'POST', path: pathOf(req) });
    sendJson(res, reply.status, reply.body);
  }
  logRequest(services.logger, services.metrics, { method: 'POST', path: pathOf(req), status: res.statusCode, started });
}

/** A body that is not JSON, as body-parser reports it (the app's error format turns it into MALFORMED_JSON). */
class BodyParseError extends Error {
  readonly type = 'entity.parse.failed';
}

/** Reads and parses the body as body-parser's strict JSON parser does: `{}` when empty, else an object or array. */
function readJsonBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('error', reject);
    req.once('end', () => {
      try {
        resolve(parseJson(chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks)));
      } catch (error) {
        reject(error);
      }
    });
  });
}

function parseJson(bytes: Buffer): unknown {
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.length === 0) return {};
  const first = FIRST_CHAR.exec(text)?.[1];
  if (first !== '{' && first !== '[') throw new BodyParseError(`Unexpected token ${first ?? 'end'} at the start: the body must be a JSON object.`);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new BodyParseError(error instanceof Error ? error.message : String(error));
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

function pathOf(req: IncomingMessage): string {
  const url = req.url ?? '';
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/** Bytes of a body limit written as body-parser takes it (`100kb`, `1mb`, `512`); `undefined` when not understood. */
export function parseByteLimit(limit: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i.exec(limit);
  if (!match?.[1]) return undefined;
  const unit = (match[2] ?? 'b').toLowerCase();
  const factor = unit === 'gb' ? 1024 ** 3 : unit === 'mb' ? 1024 ** 2 : unit === 'kb' ? 1024 : 1;
  return Math.floor(Number(match[1]) * factor);
}
