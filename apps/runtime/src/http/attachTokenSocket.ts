import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Principal, TokenService } from '../auth/TokenService.ts';

/** What a socket path answers for a token: serve the connection, or refuse the upgrade with a status and a hint. */
export type SocketAdmission = { serve: (ws: WebSocket) => void } | { status: 401 | 403; message: string };

const STATUS_LINE = { 401: '401 Unauthorized', 403: '403 Forbidden' } as const;

/**
 * Serves WebSockets on one path whose `?token=` names the caller: `admit` decides from the principal (undefined for
 * an unknown token) whether to serve or refuse. Answers how to stop (closing every client).
 */
export function attachTokenSocket(
  server: Server,
  options: {
    path: string;
    maxPayload: number;
    tokens: TokenService;
    logger: Logger;
    admit: (principal: Principal | undefined, req: IncomingMessage) => SocketAdmission;
  },
): { close(): void } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayload });
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== options.path) return;
    options.tokens.authenticate(url.searchParams.get('token') ?? '').then(
      (principal) => {
        const admission = options.admit(principal, req);
        if ('status' in admission) {
          socket.end(
            `HTTP/1.1 ${STATUS_LINE[admission.status]}\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n${admission.message}\n`,
          );
          return;
        }
        wss.handleUpgrade(req, socket, head, admission.serve);
      },
      (error: unknown) => {
        options.logger.error({ err: String(error), path: options.path }, 'socket authentication failed');
        socket.destroy();
      },
    );
  };
  server.on('upgrade', onUpgrade);
  return {
    close() {
      server.off('upgrade', onUpgrade);
      for (const client of wss.clients) client.close(1001, 'server shutting down');
      wss.close();
    },
  };
}
