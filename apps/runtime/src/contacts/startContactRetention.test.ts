import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteFlowStore } from '../store/SqliteFlowStore.ts';
import { startContactRetention } from './startContactRetention.ts';
import { lastTurn, testSession } from '../testing/testSession.ts';

const DAY = 86_400_000;
const store = SqliteFlowStore.open(':memory:');
afterAll(() => store.close());

async function endedContact(id: string): Promise<void> {
  await store.createSession(testSession(id, 'f'), [
    { at: '', from: 'caller', nodeId: 'menu', text: `retention ${id}` },
  ]);
  await store.saveTurn(lastTurn(id, { path: [] }));
}

describe('contact retention', () => {
  it('deletes contacts, transcripts and sessions once they are older than the configured days, batch by batch', async () => {
    for (let i = 0; i < 7; i++) await endedContact(`old-${i}`);
    let clock = Date.now() + 29 * DAY;
    const deletes: number[] = [];
    const contacts = {
      search: store.contacts.search.bind(store.contacts),
      get: store.contacts.get.bind(store.contacts),
      previousContacts: store.contacts.previousContacts.bind(store.contacts),
      deleteBatchOlderThan: async (before: Date, size: number) => {
        const removed = await store.contacts.deleteBatchOlderThan(before, size);
        deletes.push(removed);
        return removed;
      },
    };
    const retention = startContactRetention({
      contacts,
      days: 30,
      logger: pino({ level: 'silent' }),
      now: () => new Date(clock),
      batchSize: 3,
    });
    try {
      expect(await retention.runOnce()).toBe(0);
      expect(await store.contacts.get('old-0')).toBeDefined();
      clock = Date.now() + 31 * DAY;
      expect(await retention.runOnce()).toBe(7);
      expect(deletes.slice(1)).toEqual([3, 3, 1]);
      expect(await store.contacts.get('old-0')).toBeUndefined();
      expect(await store.getTranscript('old-6')).toEqual([]);
      expect((await store.contacts.search({ text: 'retention' }, { limit: 10 })).contacts).toEqual([]);
    } finally {
      retention.stop();
    }
  });

  it('keeps everything when retention is 0 days', async () => {
    await endedContact('kept');
    const retention = startContactRetention({
      contacts: store.contacts,
      days: 0,
      logger: pino({ level: 'silent' }),
      now: () => new Date(Date.now() + 1000 * DAY),
    });
    expect(await retention.runOnce()).toBe(0);
    expect(await store.contacts.get('kept')).toBeDefined();
    retention.stop();
  });
});
