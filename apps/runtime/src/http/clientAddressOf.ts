import type { IncomingMessage } from 'node:http';
import type { Express } from 'express';
import proxyAddr from 'proxy-addr';

/** How a request's client address is read: the TCP peer, or the client named by trusted proxies. */
export type ClientAddressOf = (request: IncomingMessage) => string;

/**
 * The client address of any request — an upgrade to a WebSocket included — by the app's own `trust proxy` rule, so the
 * sockets' session caps count the same client that express's `req.ip` (and so the rate limit) sees behind a balancer.
 */
export function clientAddressOf(app: Express): ClientAddressOf {
  const trust: unknown = app.get('trust proxy fn');
  // express compiles `trust proxy` into this function when the setting is made; without it only the peer is trusted.
  const trusted =
    typeof trust === 'function' ? (address: string, hop: number) => Boolean(trust(address, hop)) : () => false;
  return (request) => proxyAddr(request, trusted) || request.socket.remoteAddress || '';
}
