import { describe, expect, it } from 'vitest';
import { CHANNELS } from '@omniflow/flow-schema';
import { buildTestFlow, en } from '../../testing/buildTestFlow.ts';
import { startTestSession } from '../../testing/startTestSession.ts';

const flow = buildTestFlow([
  { id: 'start', type: 'start', to: { next: 'bye' } },
  { id: 'bye', type: 'end', config: { prompt: en('Thank you for calling.'), outcome: 'served' } },
]);

describe('start and end', () => {
  for (const channel of CHANNELS) {
    it(`starts at the start node and ends with the outcome after the goodbye (${channel})`, async () => {
      const { last } = await startTestSession(flow, channel)
        .expectPrompt('Thank you for calling.')
        .expectEnd('completed');
      expect(last.outputs.at(-1)).toEqual({ type: 'end', nodeId: 'bye', reason: 'completed', outcome: 'served' });
      expect(last.nodeId).toBeNull();
    });
  }
});
