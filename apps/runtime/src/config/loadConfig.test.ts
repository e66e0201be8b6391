import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './loadConfig.ts';

const KEY = Buffer.alloc(32, 7).toString('base64');
const OLD_KEY = Buffer.alloc(32, 9).toString('base64');
const dir = mkdtempSync(join(tmpdir(), 'omniflow-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadConfig', () => {
  it('defaults to the embedded store on port 3000 with the banking pack', () => {
    const config = loadConfig({}, { cwd: dir });
    expect(config).toMatchObject({
      port: 3000,
      store: 'sqlite',
      dataDir: join(dir, '.data'),
      plugins: ['@omniflow/plugin-banking'],
      localAuth: true,
    });
    expect(config.adminToken).toBeUndefined();
  });

  it('reads secrets from OMNIFLOW_SECRET_* and the config file, env winning over the file', () => {
    const file = join(dir, 'omniflow.json');
    writeFileSync(
      file,
      JSON.stringify({ port: 4000, plugins: ['a', 'b'], secrets: { CORE_BANKING_URL: 'http://file', ONLY_FILE: 'f' } }),
    );
    const config = loadConfig(
      { OMNIFLOW_CONFIG: file, OMNIFLOW_SECRET_CORE_BANKING_URL: 'http://env', PORT: '5000' },
      { cwd: dir },
    );
    expect(config.port).toBe(5000);
    expect(config.plugins).toEqual(['a', 'b']);
    expect(config.secrets).toEqual({ CORE_BANKING_URL: 'http://env', ONLY_FILE: 'f' });
  });

  it('seeds no flows unless a seed directory is set, resolved from the working directory, env winning over the file', () => {
    expect(loadConfig({}, { cwd: dir }).seedFlowsDir).toBeUndefined();
    const file = join(dir, 'seeded.json');
    writeFileSync(file, JSON.stringify({ seedFlowsDir: 'from-file' }));
    expect(loadConfig({ OMNIFLOW_CONFIG: file }, { cwd: dir }).seedFlowsDir).toBe(join(dir, 'from-file'));
    expect(loadConfig({ OMNIFLOW_CONFIG: file, OMNIFLOW_SEED_DIR: 'flows' }, { cwd: dir }).seedFlowsDir).toBe(
      join(dir, 'flows'),
    );
  });

  it('reads the snapshot key and the old keys kept for reading', () => {
    const config = loadConfig({ OMNIFLOW_SNAPSHOT_KEY: KEY, OMNIFLOW_SNAPSHOT_OLD_KEYS: ` ${OLD_KEY} ` }, { cwd: dir });
    expect(config.snapshotKey).toBe(KEY);
    expect(config.snapshotOldKeys).toEqual([OLD_KEY]);
    expect(loadConfig({}, { cwd: dir }).snapshotKey).toBeUndefined();
  });

  it('explains what to fix for a bad setting', () => {
    expect(() => loadConfig({ STORE: 'postgres' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ STORE: 'postgres', DATABASE_URL: 'postgres://x/y' })).toThrow(/OMNIFLOW_SNAPSHOT_KEY/);
    expect(() => loadConfig({ OMNIFLOW_SNAPSHOT_KEY: 'c2hvcnQ=' })).toThrow(/32 random bytes/);
    expect(() => loadConfig({ OMNIFLOW_SNAPSHOT_OLD_KEYS: `${KEY},nope` })).toThrow(/OMNIFLOW_SNAPSHOT_OLD_KEYS/);
    expect(() => loadConfig({ STORE: 'mongo' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    writeFileSync(join(dir, 'broken.json'), '{');
    expect(() => loadConfig({ OMNIFLOW_CONFIG: 'broken.json' }, { cwd: dir })).toThrow(/not valid JSON/);
  });
});
