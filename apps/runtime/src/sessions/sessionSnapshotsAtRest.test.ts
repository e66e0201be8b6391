import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../testing/startTestRuntime.ts';
import { LONG_PIN, pinFlow } from '../testing/testFlows.ts';
import { SNAPSHOT_KEY_FILE, SnapshotCipher } from './SnapshotCipher.ts';

const PIN = LONG_PIN;
const longPinFlow = (id: string) => pinFlow(id, PIN.length);

const dirs: string[] = [];
const open: TestRuntime[] = [];
afterAll(async () => {
  for (const t of open) await t.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function runtimeOn(dataDir: string, env: Record<string, string> = {}): Promise<TestRuntime> {
  const t = await startTestRuntime(env, { dataDir });
  open.push(t);
  return t;
}

async function stop(t: TestRuntime): Promise<void> {
  open.splice(open.indexOf(t), 1);
  await t.close();
}

async function startAtPin(t: TestRuntime, flowId: string): Promise<string> {
  const id: string = (await t.api('POST', '/api/sessions', { flowId, channel: 'dtmf' })).body.session.sessionId;
  expect(
    (await t.api('POST', `/api/sessions/${id}/input`, { input: { type: 'dtmf', digits: '1' } })).body.session.nodeId,
  ).toBe('askPin');
  return id;
}

const enterPin = (t: TestRuntime, id: string) =>
  t.api('POST', `/api/sessions/${id}/input`, { input: { type: 'dtmf', digits: PIN } });

function newDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'omniflow-at-rest-'));
  dirs.push(dir);
  return dir;
}

function withDb<T>(dataDir: string, work: (db: Database.Database) => T): T {
  const db = new Database(join(dataDir, 'omniflow.db'));
  try {
    return work(db);
  } finally {
    db.close();
  }
}

const storedSnapshot = (dataDir: string, id: string): string =>
  withDb(
    dataDir,
    (db) => (db.prepare('SELECT snapshot FROM sessions WHERE id = ?').get(id) as { snapshot: string }).snapshot,
  );

describe('session snapshots at rest', () => {
  it('never writes an entered PIN in clear to the SQLite files, and continues the session after a restart', async () => {
    const dataDir = newDataDir();
    const first = await runtimeOn(dataDir);
    await first.api('POST', '/api/flows', { flow: longPinFlow('vault') });
    await first.api('POST', '/api/flows/vault/publish', {});
    const id = await startAtPin(first, 'vault');
    await stop(first);

    const second = await runtimeOn(dataDir);
    const entered = await enterPin(second, id);
    expect(entered.status).toBe(200);
    expect(
      entered.body.session.outputs
        .filter((o: { type: string }) => o.type === 'say')
        .map((o: { text: string }) => o.text)
        .join(' '),
    ).toMatch(/Goodbye/);
    await stop(second);

    // The PIN is in the stored snapshot (the key opens it), and nowhere in any file of the database.
    const cipher = SnapshotCipher.fromConfig({ dataDir, snapshotOldKeys: [] });
    const turn = withDb(
      dataDir,
      (db) => (db.prepare('SELECT turn FROM sessions WHERE id = ?').get(id) as { turn: number }).turn,
    );
    expect(JSON.stringify(cipher.open(JSON.parse(storedSnapshot(dataDir, id)), { sessionId: id, turn }))).toContain(
      PIN,
    );
    const rows = withDb(dataDir, (db) =>
      JSON.stringify([db.prepare('SELECT * FROM sessions').all(), db.prepare('SELECT * FROM transcripts').all()]),
    );
    expect(rows).toContain(id);
    expect(rows).not.toContain(PIN);
    const files = readdirSync(dataDir).filter((f) => f.startsWith('omniflow.db'));
    expect(files).toContain('omniflow.db');
    for (const file of files) expect(readFileSync(join(dataDir, file)).includes(PIN)).toBe(false);
  }, 60_000);

  it('hands an agent the whole transcript on a transfer after a restart, earlier turns read from the store', async () => {
    const dataDir = newDataDir();
    const first = await runtimeOn(dataDir);
    await first.api('POST', '/api/flows', { flow: longPinFlow('desk') });
    await first.api('POST', '/api/flows/desk/publish', {});
    const id: string = (await first.api('POST', '/api/sessions', { flowId: 'desk', channel: 'chat' })).body.session
      .sessionId;
    expect(
      (await first.api('POST', `/api/sessions/${id}/input`, { input: { type: 'text', text: 'mortgage rates' } })).body
        .session.nodeId,
    ).toBe('main');
    await stop(first);

    const second = await runtimeOn(dataDir);
    const transferred = await second.api('POST', `/api/sessions/${id}/input`, {
      input: { type: 'text', text: 'agent' },
    });
    const transfer = transferred.body.session.outputs.find((o: { type: string }) => o.type === 'transfer');
    const stored: { text: string }[] = (await second.api('GET', `/api/sessions/${id}/transcript`)).body.transcript;
    const texts = transfer.transcript.map((entry: { text: string }) => entry.text);
    // The first process's turns, then this turn's caller line and port, each once; the transfer line follows it.
    expect(texts).toEqual(stored.slice(0, texts.length).map((entry) => entry.text));
    expect(texts.filter((text: string) => text === 'mortgage rates')).toHaveLength(1);
    expect(texts.slice(0, 2)).toEqual(['took next', expect.stringMatching(/^Main menu/)]);
    expect(texts.slice(-3)).toEqual(['agent', 'took 2', 'Connecting you to an agent.']);
    expect(stored[texts.length]?.text).toBe('transfer to support');
  }, 60_000);

  it('answers 410 for a tampered or moved snapshot, and only for that session', async () => {
    const dataDir = newDataDir();
    const first = await runtimeOn(dataDir);
    await first.api('POST', '/api/flows', { flow: longPinFlow('vault') });
    await first.api('POST', '/api/flows/vault/publish', {});
    const [tampered, copiedOver, intact] = [
      await startAtPin(first, 'vault'),
      await startAtPin(first, 'vault'),
      await startAtPin(first, 'vault'),
    ];
    await stop(first);

    withDb(dataDir, (db) => {
      const sealed = JSON.parse(storedSnapshot(dataDir, tampered)) as string;
      const flipped = `${sealed.slice(0, 40)}${sealed[40] === 'A' ? 'B' : 'A'}${sealed.slice(41)}`;
      db.prepare('UPDATE sessions SET snapshot = ? WHERE id = ?').run(JSON.stringify(flipped), tampered);
      db.prepare('UPDATE sessions SET snapshot = ? WHERE id = ?').run(storedSnapshot(dataDir, intact), copiedOver);
    });

    const second = await runtimeOn(dataDir);
    for (const id of [tampered, copiedOver]) {
      const refused = await enterPin(second, id);
      expect(refused.status).toBe(410);
      expect(refused.body.errors[0]).toMatchObject({
        code: 'SESSION_UNREADABLE',
        message: expect.stringMatching(/integrity check/),
      });
    }
    expect((await enterPin(second, intact)).body.session.status).toBe('ended');
    expect((await second.api('GET', '/readyz', undefined, { token: null })).status).toBe(200);
  }, 60_000);

  it('reads snapshots sealed with an old key after a rotation, and refuses them once the old key is dropped', async () => {
    const dataDir = newDataDir();
    const oldKey = randomBytes(32).toString('base64');
    const first = await runtimeOn(dataDir, { OMNIFLOW_SNAPSHOT_KEY: oldKey });
    await first.api('POST', '/api/flows', { flow: longPinFlow('vault') });
    await first.api('POST', '/api/flows/vault/publish', {});
    const [rotated, orphaned] = [await startAtPin(first, 'vault'), await startAtPin(first, 'vault')];
    await stop(first);

    const newKey = randomBytes(32).toString('base64');
    const second = await runtimeOn(dataDir, { OMNIFLOW_SNAPSHOT_KEY: newKey, OMNIFLOW_SNAPSHOT_OLD_KEYS: oldKey });
    expect((await enterPin(second, rotated)).body.session.status).toBe('ended');
    expect(JSON.parse(storedSnapshot(dataDir, rotated))).toMatch(
      new RegExp(`^ofs1\\.${new SnapshotCipher(Buffer.from(newKey, 'base64')).currentKeyId}\\.`),
    );
    await stop(second);

    const third = await runtimeOn(dataDir, { OMNIFLOW_SNAPSHOT_KEY: newKey });
    const refused = await enterPin(third, orphaned);
    expect(refused.status).toBe(410);
    expect(refused.body.errors[0].message).toMatch(/not configured/);
    expect(readdirSync(dataDir)).not.toContain(SNAPSHOT_KEY_FILE);
  }, 60_000);
});
