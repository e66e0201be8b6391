import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SNAPSHOT_KEY_FILE, SnapshotCipher, SnapshotUnreadableError } from './SnapshotCipher.ts';

const dir = mkdtempSync(join(tmpdir(), 'omniflow-cipher-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const snapshot = { format: 1, machine: { context: { variables: { pin: '5318008242' } } }, flowHash: 'h' };
const at = { sessionId: 's-1', turn: 3 };

describe('SnapshotCipher', () => {
  it('seals a snapshot so its values are not readable and opens it again', () => {
    const cipher = new SnapshotCipher(randomBytes(32));
    const sealed = cipher.seal(snapshot, at);
    expect(sealed.startsWith(`ofs1.${cipher.currentKeyId}.`)).toBe(true);
    expect(sealed).not.toContain('5318008242');
    expect(cipher.seal(snapshot, at)).not.toBe(sealed);
    expect(cipher.open(sealed, at)).toEqual(snapshot);
  });

  it('refuses a tampered snapshot, one moved to another session or turn, and an unsealed one', () => {
    const cipher = new SnapshotCipher(randomBytes(32));
    const sealed = cipher.seal(snapshot, at);
    const flipped = `${sealed.slice(0, -3)}${sealed.at(-3) === 'A' ? 'B' : 'A'}${sealed.slice(-2)}`;
    expect(() => cipher.open(flipped, at)).toThrow(SnapshotUnreadableError);
    expect(() => cipher.open(sealed, { ...at, sessionId: 's-2' })).toThrow(/integrity check/);
    expect(() => cipher.open(sealed, { ...at, turn: 2 })).toThrow(/integrity check/);
    expect(() => cipher.open(snapshot, at)).toThrow(/not sealed/);
    expect(() => cipher.open('ofs1.abc', at)).toThrow(SnapshotUnreadableError);
    expect(() => cipher.open(sealed.slice(0, 20), at)).toThrow(SnapshotUnreadableError);
  });

  it('opens snapshots sealed with an old key after a rotation and names a key it does not have', () => {
    const oldKey = randomBytes(32);
    const before = new SnapshotCipher(oldKey).seal(snapshot, at);
    const rotated = new SnapshotCipher(randomBytes(32), [oldKey]);
    expect(rotated.open(before, at)).toEqual(snapshot);
    expect(rotated.seal(snapshot, at).split('.')[1]).toBe(rotated.currentKeyId);
    const withoutOld = new SnapshotCipher(randomBytes(32));
    expect(() => withoutOld.open(before, at)).toThrow(/not configured/);
  });

  it('generates the embedded key file with mode 0600 once and reuses it', () => {
    const first = SnapshotCipher.fromConfig({ dataDir: dir, snapshotOldKeys: [] });
    const file = join(dir, SNAPSHOT_KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')).toHaveLength(32);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const again = SnapshotCipher.fromConfig({ dataDir: dir, snapshotOldKeys: [] });
    expect(again.open(first.seal(snapshot, at), at)).toEqual(snapshot);
    const configured = SnapshotCipher.fromConfig({
      dataDir: dir,
      snapshotKey: randomBytes(32).toString('base64'),
      snapshotOldKeys: [],
    });
    expect(configured.currentKeyId).not.toBe(first.currentKeyId);
  });

  it('refuses a key file that does not hold 32 bytes', () => {
    const bad = mkdtempSync(join(dir, 'bad-key-'));
    writeFileSync(join(bad, SNAPSHOT_KEY_FILE), 'c2hvcnQ=\n');
    expect(() => SnapshotCipher.fromConfig({ dataDir: bad, snapshotOldKeys: [] })).toThrow(/32 random bytes/);
  });
});
