import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowStore } from '../../store/FlowStore.ts';
import { PostgresFlowStore } from '../../store/PostgresFlowStore.ts';
import { SqliteFlowStore } from '../../store/SqliteFlowStore.ts';
import { startTestPostgres, type TestPostgres } from '../../testing/startTestPostgres.ts';
import { VoiceLegStore } from './VoiceLegStore.ts';

let server: TestPostgres;
const dir = mkdtempSync(join(tmpdir(), 'omniflow-voice-legs-'));
beforeAll(async () => {
  server = await startTestPostgres();
}, 60_000);
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

for (const [name, open] of [
  ['SQLite', async (): Promise<FlowStore> => SqliteFlowStore.open(dir)],
  ['PostgreSQL 15', async (): Promise<FlowStore> => PostgresFlowStore.open(server.url)],
] as const) {
  describe(`the voice legs on ${name}`, () => {
    it('merges the fields two processes write at once, keeping both, and replaces a field written again', async () => {
      const store = await open();
      const legs = VoiceLegStore.beside(store);
      expect(await legs.get('c1')).toBeUndefined();
      // The process holding the stream and the one bridging Twilio write different fields at the same moment.
      await Promise.all([
        legs.merge('c1', { holder: 'http://10.0.0.5:3001', callerNumber: '+15551230000' }),
        legs.merge('c1', { conferenceSid: 'CF1', agentCallSid: 'CA2' }),
      ]);
      await legs.merge('c1', { held: true });
      await legs.merge('c1', { held: false, callbackOutcome: 'no-answer' });
      expect(await legs.get('c1')).toEqual({
        holder: 'http://10.0.0.5:3001',
        callerNumber: '+15551230000',
        conferenceSid: 'CF1',
        agentCallSid: 'CA2',
        held: false,
        callbackOutcome: 'no-answer',
      });
      expect(await legs.get('c2')).toBeUndefined();
      await store.close();
    });
  });
}
