import { createServer, type IncomingHttpHeaders } from 'node:http';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { compileFlow, FlowSession, type FlowSessionOptions } from '@omniflow/flow-engine';
import { exampleFlow } from './exampleFlows.ts';
import { startExampleHarness, type ExampleHarness } from './exampleHarness.ts';

let harness: ExampleHarness;
beforeEach(async () => {
  harness = await startExampleHarness();
});
afterEach(async () => {
  await harness.close();
});

function forwarded(headers: IncomingHttpHeaders): Record<string, string> {
  return Object.fromEntries(
    ['x-api-key', 'idempotency-key', 'content-type'].flatMap((h) =>
      typeof headers[h] === 'string' ? [[h, headers[h]]] : [],
    ),
  );
}

/** A proxy in front of core-banking that holds card activations until `release()`, recording their keys. */
async function gatedProxy(target: string) {
  const held: (() => void)[] = [];
  const activationKeys: string[] = [];
  let open = false;
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(Buffer.from(chunk));
    if (req.url?.endsWith('/activate')) {
      activationKeys.push(String(req.headers['idempotency-key']));
      if (!open) await new Promise<void>((resolve) => held.push(resolve));
    }
    const upstream = await fetch(target + (req.url ?? '/'), {
      method: req.method,
      headers: forwarded(req.headers),
      body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
    });
    res.writeHead(upstream.status, { 'content-type': 'application/json' }).end(await upstream.text());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    url: typeof address === 'object' && address !== null ? `http://127.0.0.1:${address.port}` : '',
    activationKeys,
    waitForHeldActivation: async () => {
      while (held.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    },
    release: () => {
      open = true;
      for (const resolve of held.splice(0)) resolve();
    },
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

it('re-runs an activation in flight at a crash with the same idempotency key, and the bank answers as the first time (#7)', async () => {
  const proxy = await gatedProxy(harness.bank.url);
  try {
    const secrets: Record<string, string> = { CORE_BANKING_URL: proxy.url, CORE_BANKING_API_KEY: harness.bank.apiKey };
    const options: FlowSessionOptions = { sessionId: 'crash-1', channel: 'dtmf', secrets: (name) => secrets[name] };
    const compile = () => {
      const result = compileFlow(exampleFlow('card-activation.json'), harness.registry);
      if (!result.ok) throw new Error('card activation does not compile');
      return result.compiled;
    };
    const { session: first } = await FlowSession.start(compile(), options);
    for (const digits of ['4821', '19850314', '2580']) await first.send({ type: 'dtmf', digits });
    const inFlight = first.send({ type: 'dtmf', digits: '2580' });
    await proxy.waitForHeldActivation();
    // The process "dies" here: only this JSON survives. Its activation still reaches the bank.
    const snapshot = JSON.parse(JSON.stringify(first.snapshot()));
    proxy.release();
    await inFlight;

    const second = FlowSession.restore(compile(), snapshot, options);
    const resumed = await second.send({ type: 'noInput' });
    const said = resumed.outputs.flatMap((o) => (o.type === 'say' ? [o.text] : []));
    expect(said.join(' ')).toMatch(/ending in 4821 is now active/);
    expect(said.join(' ')).not.toMatch(/already active/);
    expect(proxy.activationKeys).toHaveLength(2);
    expect(new Set(proxy.activationKeys).size).toBe(1);
  } finally {
    await proxy.close();
  }
});
