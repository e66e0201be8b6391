import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresFlowStore } from '../store/PostgresFlowStore.ts';
import { SqliteFlowStore } from '../store/SqliteFlowStore.ts';
import { startTestPostgres, type TestPostgres } from '../testing/startTestPostgres.ts';
import { PostgresPromptAudioStore } from './PostgresPromptAudioStore.ts';
import type { PromptAudio } from './PromptAudioStore.ts';
import { SqlitePromptAudioStore } from './SqlitePromptAudioStore.ts';

const recording = (id: string, byte: number): PromptAudio => ({
  id,
  mediaType: 'audio/mpeg',
  name: `${id}.mp3`,
  size: 3,
  bytes: new Uint8Array([byte, byte + 1, 0]),
  createdAt: '2026-12-08T00:00:00.000Z',
});

// A real PostgreSQL 15 (Debian's postgresql-15); missing binaries fail this file.
let server: TestPostgres;
const dir = mkdtempSync(join(tmpdir(), 'omniflow-prompt-audio-store-'));
beforeAll(async () => {
  server = await startTestPostgres();
}, 60_000);
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('prompt recording stores (issue 20)', () => {
  it('keep a recording across a restart on SQLite, in the flow store’s migrated file', async () => {
    const flows = SqliteFlowStore.open(dir);
    const first = SqlitePromptAudioStore.open(dir);
    expect(await first.put(recording('a1', 7))).toMatchObject({ id: 'a1', mediaType: 'audio/mpeg', size: 3 });
    // The same bytes again keep the first upload's record.
    await first.put({ ...recording('a1', 7), name: 'other.mp3' });
    await first.close();
    await flows.close();
    const reopened = SqlitePromptAudioStore.open(dir);
    expect(await reopened.get('a1')).toEqual(recording('a1', 7));
    expect(await reopened.missing(['a1', 'b2'])).toEqual(['b2']);
    await reopened.close();
  });

  it('share recordings between processes on PostgreSQL', async () => {
    const one = await PostgresFlowStore.open(server.url);
    const two = await PostgresFlowStore.open(server.url);
    try {
      await new PostgresPromptAudioStore(one.pool).put(recording('p1', 9));
      const other = new PostgresPromptAudioStore(two.pool);
      expect(await other.get('p1')).toEqual(recording('p1', 9));
      expect(await other.missing(['p1', 'p2', 'p1'])).toEqual(['p2']);
      expect(await other.get('p2')).toBeUndefined();
    } finally {
      await one.close();
      await two.close();
    }
  });
});
