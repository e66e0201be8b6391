import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const RUNTIME_DIR = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'omniflow-checkpointer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('startWalCheckpointer', () => {
  it('keeps a process with nothing else to do alive until stop() has finished (regression: shutdown cut short)', () => {
    const script = `
      const { default: Database } = await import('better-sqlite3');
      const { startWalCheckpointer } = await import('./src/store/startWalCheckpointer.ts');
      const file = ${JSON.stringify(join(dir, 'x.db'))};
      const db = new Database(file);
      db.pragma('journal_mode = WAL');
      db.exec('CREATE TABLE t (v TEXT)');
      const checkpointer = startWalCheckpointer(file, { intervalMs: 10, onFailure: (e) => console.log('failed', e) });
      await new Promise((resolve) => setTimeout(resolve, 100));
      await checkpointer.stop();
      db.close();
      console.log('stopped cleanly');
    `;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: RUNTIME_DIR,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('stopped cleanly');
  }, 40_000);
});
