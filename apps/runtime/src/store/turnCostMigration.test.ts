import { Client } from 'pg';
import { describe, expect, it } from 'vitest';
import { PostgresContactStore } from '../contacts/PostgresContactStore.ts';
import { useTestPostgres } from '../testing/useTestPostgres.ts';
import { newSessionRecord } from './flowStoreContract.ts';
import { PostgresFlowStore } from './PostgresFlowStore.ts';
import { schemaMigrations } from './schemaMigrations.ts';
import { turnCostMigration } from './turnCostMigration.ts';

// A real PostgreSQL 15: the turn write without foreign-key checks keeps the integrity they gave, and the search terms
// computed by the runtime answer as the database's did, old rows back-filled included.
const freshDatabase = useTestPostgres();

async function withClient<T>(url: string, work: (db: Client) => Promise<T>): Promise<T> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}

/** Transcript and input rows whose session is gone. */
async function orphans(url: string): Promise<{ transcripts: number; inputs: number }> {
  return withClient(url, async (db) => {
    const { rows } = await db.query<{ transcripts: number; inputs: number }>(
      `SELECT (SELECT COUNT(*)::int FROM transcripts t WHERE NOT EXISTS (SELECT 1 FROM sessions s WHERE s.id = t.session_id)) AS transcripts,
         (SELECT COUNT(*)::int FROM session_inputs i WHERE NOT EXISTS (SELECT 1 FROM sessions s WHERE s.id = i.session_id)) AS inputs`,
    );
    return rows[0] ?? { transcripts: -1, inputs: -1 };
  });
}

const said = (text: string, from = 'caller') => ({ at: '', from, nodeId: 'menu', text });

describe('the turn write without foreign keys (turnCostMigration)', () => {
  it('deletes a session with its transcript and keyed replies, by retention and by flow deletion', async () => {
    const url = await freshDatabase('cost_cascade');
    const store = await PostgresFlowStore.open(url);
    try {
      for (const id of ['kept', 'old', 'flowed']) {
        const record = { ...newSessionRecord(id), flowId: id === 'flowed' ? 'gone-flow' : 'f' };
        await store.createSession(record, [said(`hello ${id}`)]);
        const saved = await store.saveTurn({
          sessionId: id,
          expectedTurn: 0,
          status: id === 'old' ? 'ended' : 'active',
          snapshot: {},
          entries: [said('1'), said('bye', 'bot')],
          input: { key: `k-${id}`, fingerprint: 'f', reply: { ok: true } },
        });
        expect(saved).toEqual({ ok: true });
      }
      await store.createFlow('gone-flow', 'Gone', {});
      expect(await store.contacts.deleteBatchOlderThan(new Date(Date.now() + 60_000), 10)).toBe(1);
      expect(await store.deleteFlow('gone-flow')).toBe(true);
      expect(await store.getTranscript('old')).toEqual([]);
      expect(await store.getInput('old', 'k-old')).toBeUndefined();
      expect(await store.getTranscript('flowed')).toEqual([]);
      expect(await store.getTranscript('kept')).toHaveLength(3);
      expect(await store.getInput('kept', 'k-kept')).toMatchObject({ reply: { ok: true } });
      expect(await orphans(url)).toEqual({ transcripts: 0, inputs: 0 });
      // A turn of a session that is gone writes nothing.
      const late = await store.saveTurn({
        sessionId: 'old',
        expectedTurn: 1,
        status: 'ended',
        snapshot: {},
        entries: [said('late')],
        input: { key: 'late', fingerprint: 'f', reply: {} },
      });
      expect(late).toEqual({ ok: false, reason: 'notFound' });
      expect(await orphans(url)).toEqual({ transcripts: 0, inputs: 0 });
    } finally {
      await store.close();
    }
  });

  it('leaves no orphan rows when retention deletes sessions while their turns are being stored', async () => {
    const url = await freshDatabase('cost_race');
    const store = await PostgresFlowStore.open(url);
    try {
      const ids = Array.from({ length: 60 }, (_, i) => `race-${i}`);
      for (const id of ids) await store.createSession({ ...newSessionRecord(id), status: 'ended' }, [said('hi')]);
      const turns = ids.map(async (id) => {
        for (let turn = 0; turn < 5; turn++) {
          const result = await store.saveTurn({
            sessionId: id,
            expectedTurn: turn,
            status: 'ended',
            snapshot: {},
            entries: [said(`turn ${turn}`), said('ok', 'bot')],
            input: { key: `${id}-${turn}`, fingerprint: 'f', reply: { turn } },
          });
          if (!result.ok) return result.reason;
        }
        return 'done';
      });
      let deleted = 0;
      const retention = (async () => {
        while (deleted < ids.length) {
          deleted += await store.contacts.deleteBatchOlderThan(new Date(Date.now() + 60_000), 3);
          await new Promise((resolve) => setTimeout(resolve, 1));
        }
      })();
      const outcomes = await Promise.all(turns);
      await retention;
      expect(new Set(outcomes).size).toBeGreaterThan(0);
      expect(outcomes.every((o) => o === 'done' || o === 'notFound')).toBe(true);
      expect(await orphans(url)).toEqual({ transcripts: 0, inputs: 0 });
    } finally {
      await store.close();
    }
  }, 60_000);
});

describe('search terms computed by the runtime (turnCostMigration)', () => {
  it('back-fills the terms of entries stored before it, and a search finds old and new entries alike', async () => {
    const url = await freshDatabase('cost_terms');
    const all = schemaMigrations('postgres');
    const before = all.indexOf(turnCostMigration('postgres'));
    await withClient(url, async (db) => {
      await db.query('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)');
      for (const [index, sql] of all.slice(0, before).entries()) {
        await db.query(sql);
        await db.query('INSERT INTO schema_migrations VALUES ($1, now())', [index + 1]);
      }
      await db.query(
        `INSERT INTO sessions VALUES ('old', 'f', 1, NULL, 'chat', 'zh-CN', 'ended', '{}', 1, now(), now())`,
      );
      await db.query(`INSERT INTO contacts (id, flow_id, version, channel, direction, locale, started_at)
        VALUES ('old', 'f', 1, 'chat', 'inbound', 'zh-CN', now() - interval '1 minute')`);
      await db.query(`INSERT INTO transcripts VALUES ('old', 0, $1), ('old', 1, $2)`, [
        JSON.stringify(said('我想 外币汇款 Card')),
        JSON.stringify(said('系统信息', 'system')),
      ]);
    });
    const store = await PostgresFlowStore.open(url);
    try {
      await store.createSession({ ...newSessionRecord('new'), locale: 'zh-CN' }, [said('외화 송금 外币汇款 CARD')]);
      const stored = await withClient(url, async (db) => {
        const { rows } = await db.query<{ id: string; seq: number; terms: string[] | null }>(
          'SELECT session_id AS id, seq, terms FROM transcripts ORDER BY session_id, seq',
        );
        return rows;
      });
      expect(stored.find((r) => r.id === 'old' && r.seq === 1)?.terms).toBeNull();
      expect(stored.find((r) => r.id === 'old' && r.seq === 0)?.terms).toEqual(
        expect.arrayContaining(['汇款', '汇', 'ca', ' 外']),
      );
      expect(stored.find((r) => r.id === 'new')?.terms).toEqual(expect.arrayContaining(['汇款', 'ca', '송금']));
      // Small enough that every search goes to the term index rather than the walk of recent contacts.
      const contacts = new PostgresContactStore(store.pool, { recentWindow: 0 });
      const find = async (text: string) =>
        (await contacts.search({ text }, { limit: 10 })).contacts.map((c) => c.id).toSorted();
      expect(await find('汇款')).toEqual(['new', 'old']);
      expect(await find('汇')).toEqual(['new', 'old']);
      expect(await find('card')).toEqual(['new', 'old']);
      expect(await find('想 外币')).toEqual(['old']);
      expect(await find('송금')).toEqual(['new']);
      expect(await find('系统')).toEqual([]);
      expect(await find('汇款 c')).toEqual(['new', 'old']);
    } finally {
      await store.close();
    }
  });
});
