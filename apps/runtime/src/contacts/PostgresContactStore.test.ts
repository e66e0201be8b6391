import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPostgres, type TestPostgres } from '../testing/startTestPostgres.ts';
import { testSession } from '../testing/testSession.ts';
import { PostgresFlowStore } from '../store/PostgresFlowStore.ts';
import { describeContactStoreContract } from './contactStoreContract.ts';
import { PostgresContactStore } from './PostgresContactStore.ts';

// A real PostgreSQL 15 (Debian's postgresql-15); missing binaries fail this file.
let server: TestPostgres;
beforeAll(async () => {
  server = await startTestPostgres();
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

describeContactStoreContract('PostgreSQL 15', async () => PostgresFlowStore.open(server.url));

// The same contract with a window of two contacts, so text searches also take the term-index path (a rare word) and
// switch between both paths while paging. A database of its own: the contract counts a caller's contacts.
describeContactStoreContract('PostgreSQL 15, term index', async () => {
  const admin = new Client({ connectionString: server.url });
  await admin.connect();
  await admin.query('CREATE DATABASE term_index');
  await admin.end();
  const store = await PostgresFlowStore.open(server.url.replace(/\/postgres$/, '/term_index'));
  const contacts = new PostgresContactStore(store.pool, { recentWindow: 2 });
  return new Proxy(store, {
    get: (target, key) => {
      if (key === 'contacts') return contacts;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
});

describe('PostgreSQL text search with index statistics (issue 15)', () => {
  it('reads the statistics ANALYZE keeps and answers rare and common words alike', async () => {
    const admin = new Client({ connectionString: server.url });
    await admin.connect();
    await admin.query('CREATE DATABASE term_stats');
    await admin.end();
    const url = server.url.replace(/\/postgres$/, '/term_stats');
    const store = await PostgresFlowStore.open(url);
    try {
      const ids: string[] = [];
      for (let i = 0; i < 40; i++) {
        const id = `stats-${String(i).padStart(2, '0')}`;
        const said = i === 3 ? '外币汇款手续费' : i % 2 === 0 ? '我想查询信用卡余额' : '카드를 분실했어요';
        await store.createSession(testSession(id, 'stats'), [{ at: '', from: 'caller', nodeId: 'menu', text: said }]);
        ids.push(id);
      }
      const db = new Client({ connectionString: url });
      await db.connect();
      await db.query('ANALYZE transcripts');
      const stats = await db.query(
        "SELECT most_common_elems IS NOT NULL AS listed FROM pg_stats WHERE tablename = 'transcripts' AND attname = 'terms'",
      );
      await db.end();
      expect(stats.rows).toEqual([{ listed: true }]);
      const find = async (text: string) =>
        (await store.contacts.search({ text }, { limit: 50 })).contacts.map((c) => c.id).toSorted();
      const numbered = (keep: (n: number) => boolean) => ids.filter((id) => keep(Number(id.slice(6))));
      expect(await find('汇款')).toEqual(['stats-03']);
      expect(await find('信用卡')).toEqual(numbered((n) => n % 2 === 0));
      expect(await find('분실')).toEqual(numbered((n) => n % 2 === 1 && n !== 3));
      expect(await find('不存在')).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
