import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeFlowStoreContract } from './flowStoreContract.ts';
import { SqliteFlowStore } from './SqliteFlowStore.ts';

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
    await expect.poll(() => statSync(dbFile).size, { timeout: 5000, interval: 100 }).toBeGreaterThan(before + 1_000_000);
    await store.close();
  });

  it('keeps flows and sessions across a reopen of the same data dir', async () => {
    const data = join(dir, 'reopen');
    const first = SqliteFlowStore.open(data);
    await first.createFlow('kept', 'Kept', { id: 'kept' });
    await first.publish('kept', { id: 'kept', v: 1 }, 'n', 'a');
    await first.close();
    const second = SqliteFlowStore.open(data);
    expect(await second.getFlow('kept')).toMatchObject({ liveVersion: 1, draft: { id: 'kept' } });
    await second.close();
  });
});
