import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { clientAddressOf } from './clientAddressOf.ts';

function upgradeFrom(peer: string, forwardedFor?: string): IncomingMessage {
  const socket = new Socket();
  Object.defineProperty(socket, 'remoteAddress', { value: peer });
  const request = new IncomingMessage(socket);
  if (forwardedFor !== undefined) request.headers['x-forwarded-for'] = forwardedFor;
  return request;
}

describe('clientAddressOf', () => {
  it('reads the TCP peer and ignores a forwarded header while no proxy is trusted', () => {
    const app = express();
    app.set('trust proxy', false);
    expect(clientAddressOf(app)(upgradeFrom('10.0.0.5', '203.0.113.9'))).toBe('10.0.0.5');
  });

  it('reads the client behind a trusted proxy, as req.ip does (issue 14: socket caps behind a balancer)', () => {
    const app = express();
    app.set('trust proxy', 'loopback');
    const address = clientAddressOf(app);
    expect(address(upgradeFrom('127.0.0.1', '203.0.113.9'))).toBe('203.0.113.9');
    // A forwarded header from a peer that is not a trusted proxy is the client's own claim and is not believed.
    expect(address(upgradeFrom('198.51.100.7', '203.0.113.9'))).toBe('198.51.100.7');
  });
});
