import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sqliteRunner } from './sqliteRunner.ts';

// Issue 16 (desk bench): the chat lines of every session written in one tick share one commit.
describe('sqliteRunner', () => {
  let dir: string;
  let db: Database.Database;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'omniflow-sqlite-runner-'));
    db = new Database(join(dir, 'test.db'));
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE lines (id TEXT PRIMARY KEY, contact TEXT NOT NULL, text TEXT NOT NULL)');
    db.pragma('wal_checkpoint(TRUNCATE)');
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const walFrames = (): number => (db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[])[0]?.log ?? -1;
  const insert = 'INSERT INTO lines (id, contact, text) VALUES ($1, $2, $3) RETURNING *';

  it('commits the writes of one tick together, answering each caller once committed', async () => {
    const sql = sqliteRunner(db);
    const rows = await Promise.all(
      Array.from({ length: 200 }, (_, i) => sql.all(insert, [`line-${i}`, `contact-${i % 50}`, `text ${i}`])),
    );
    expect(rows.map((r) => r[0]?.['id'])).toEqual(Array.from({ length: 200 }, (_, i) => `line-${i}`));
    // One commit writes each changed page once; a commit per line would write at least one frame per line.
    expect(walFrames()).toBeLessThan(20);
    // Committed: another connection sees every line.
    const other = new Database(join(dir, 'test.db'), { readonly: true });
    expect(other.prepare('SELECT count(*) AS n FROM lines').get()).toEqual({ n: 200 });
    other.close();
  });

  it('refuses only the statement that fails; the rest of its group commits', async () => {
    const sql = sqliteRunner(db);
    await sql.run(insert.replace(' RETURNING *', ''), ['known', 'c', 'first']);
    const results = await Promise.allSettled([
      sql.run('INSERT INTO lines (id, contact, text) VALUES ($1, $2, $3)', ['a', 'c', 'one']),
      sql.run('INSERT INTO lines (id, contact, text) VALUES ($1, $2, $3)', ['known', 'c', 'again']),
      sql.run('INSERT INTO lines (id, contact, text) VALUES ($1, $2, $3)', ['b', 'c', 'two']),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await sql.all('SELECT id, text FROM lines ORDER BY id', [])).toEqual([
      { id: 'a', text: 'one' },
      { id: 'b', text: 'two' },
      { id: 'known', text: 'first' },
    ]);
  });

  it('lets a read see the writes issued before it, even in the same tick', async () => {
    const sql = sqliteRunner(db);
    const written = sql.run('INSERT INTO lines (id, contact, text) VALUES ($1, $2, $3)', ['x', 'c', 'now']);
    const read = sql.all('SELECT text FROM lines WHERE id = $1', ['x']);
    expect(await read).toEqual([{ text: 'now' }]);
    expect(await written).toBe(1);
  });
});
