import { createServer } from 'node:http';
import { it, onTestFinished } from 'vitest';
import { createBuiltInRegistry } from '@omniflow/flow-engine';
import { buildTestFlow, en, startTestSession } from '@omniflow/flow-engine/testing';
import { crmPack } from './handlers.ts';

const flow = buildTestFlow(
  [
    { id: 'start', type: 'start', to: { next: 'tier' } },
    {
      id: 'tier',
      type: 'crm.loyaltyTier',
      config: { phoneVariable: 'callerNumber', tierVariable: 'tier' },
      to: { success: 'hi', notFound: 'bye', error: 'bye', timeout: 'bye' },
    },
    { id: 'hi', type: 'end', config: { prompt: en('Welcome back, {{tier}} member!') } },
    { id: 'bye', type: 'end', config: { prompt: en('Welcome!') } },
  ],
  {
    variables: [
      { name: 'callerNumber', type: 'string' },
      { name: 'tier', type: 'string' },
    ],
  },
);

it('greets a known caller by loyalty tier in every channel, and anyone else plainly', async () => {
  const crm = createServer((req, res) =>
    req.url === '/tiers/%2B15550100' ? res.end('{"tier":"gold"}') : res.writeHead(404).end(),
  );
  await new Promise<void>((resolve) => crm.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => void crm.close());
  const address = crm.address();
  const url = typeof address === 'object' && address !== null ? `http://127.0.0.1:${address.port}` : undefined;
  const options = {
    registry: createBuiltInRegistry().registerAll(crmPack.definitions),
    secrets: (name: string) => (name === 'CRM_URL' ? url : undefined),
  };
  for (const channel of ['dtmf', 'voice', 'chat'] as const) {
    await startTestSession(flow, channel, { ...options, variables: { callerNumber: '+15550100' } })
      .expectPrompt('Welcome back, gold member!')
      .expectEnd('completed');
  }
  await startTestSession(flow, 'chat', { ...options, variables: { callerNumber: '+15550199' } })
    .expectPrompt(/^Welcome!$/)
    .expectEnd('completed');
});
