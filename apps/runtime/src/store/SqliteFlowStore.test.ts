import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeFlowStoreContract, newSessionRecord } from './flowStoreContract.ts';
import { SqliteFlowStore } from './SqliteFlowStore.ts';
import { noSubflows } from '../testing/noSubflows.ts';

const dir = mkdtempSync(join(tmpdir(), 'omniflow-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeFlowStoreContract('SQLite', async () => SqliteFlowStore.open(join(dir, 'contract')));

describe('SqliteFlowStore on disk', () => {
  it('checkpoints the WAL into the database file from a background thread', async () => {
    const data = join(dir, 'checkpoint');
    const store = SqliteFlowStore.open(data);
    const dbFile = join(data, 'omniflow.db');
    const before = statSync(dbFile).size;
    await store.createFlow('big', 'Big', { id: 'big', blob: 'x'.repeat(2_000_000) });
    await expect
      .poll(() => statSync(dbFile).size, { timeout: 5000, interval: 100 })
      .toBeGreaterThan(before + 1_000_000);
    await store.close();
  });

  it('keeps the WAL file bounded under writes that never pause (regression: it grew to 563 MB in a bench)', async () => {
    // The same unbroken stream of turns against a store that never truncates and one that truncates past 64 pages.
    const unbounded = await largestWalDuring(join(dir, 'wal-unbounded'), Number.MAX_SAFE_INTEGER);
    const bounded = await largestWalDuring(join(dir, 'wal-bounded'), 64);
    expect(unbounded).toBeGreaterThan(8 * 1024 * 1024);
    // A third, not less: on a loaded machine the checkpoints fall behind a little (8.3 of 29 MB at load 21).
    expect(bounded).toBeLessThan(unbounded / 3);
  }, 120_000);

  it('keeps flows and sessions across a reopen of the same data dir', async () => {
    const data = join(dir, 'reopen');
    const first = SqliteFlowStore.open(data);
    await first.createFlow('kept', 'Kept', { id: 'kept' });
    await first.publish('kept', noSubflows({ id: 'kept', v: 1 }), 'n', 'a');
    await first.close();
    const second = SqliteFlowStore.open(data);
    expect(await second.getFlow('kept')).toMatchObject({ liveVersion: 1, draft: { id: 'kept' } });
    await second.close();
  });
});

/** Saves 1,200 rounds of 20 concurrent turns with no pause and answers the largest WAL file size seen. */
async function largestWalDuring(data: string, walLimitFrames: number): Promise<number> {
  const store = SqliteFlowStore.open(data, { walLimitFrames, checkpointIntervalMs: 5 });
  const wal = join(data, 'omniflow.db-wal');
  const ids = Array.from({ length: 20 }, (_, i) => `s${i}`);
  for (const id of ids) {
    await store.createSession(newSessionRecord(id), []);
  }
  const rounds = 1200;
  let largest = 0;
  for (let turn = 0; turn < rounds; turn++) {
    const results = await Promise.all(
      ids.map((id) =>
        store.saveTurn({
          sessionId: id,
          expectedTurn: turn,
          status: 'active',
          snapshot: { turn, pad: 'p'.repeat(600) },
          entries: [{ text: `${id}:${turn}` }],
        }),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    largest = Math.max(largest, statSync(wal).size);
  }
  expect((await store.getSession('s7'))?.turn).toBe(rounds);
  expect(await store.getTranscript('s7')).toHaveLength(rounds);
  await store.close();
  return largest;
}
