import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiError } from '../http/ApiError.ts';
import { SqliteFlowStore } from '../store/SqliteFlowStore.ts';
import { pinFlow } from '../testing/testFlows.ts';
import { testSessionService } from '../testing/testSessionService.ts';
import type { SessionService } from './SessionService.ts';
import { noSubflows } from '../testing/noSubflows.ts';

const dir = mkdtempSync(join(tmpdir(), 'omniflow-live-cache-'));
const stores: SqliteFlowStore[] = [];
afterAll(async () => {
  for (const store of stores) await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const key = randomBytes(32);

/** A session service over its own SQLite connection to `dataDir`, as a second runtime process on the same file would have. */
function serviceOn(dataDir: string): { sessions: SessionService; store: SqliteFlowStore; reads: () => number } {
  const store = SqliteFlowStore.open(dataDir);
  stores.push(store);
  let headReads = 0;
  const getSession = store.getSession.bind(store);
  store.getSession = (id, options) => {
    headReads += 1;
    return getSession(id, options);
  };
  const sessions = testSessionService(store, key);
  return { sessions, store, reads: () => headReads };
}

async function publishPinFlow(store: SqliteFlowStore): Promise<void> {
  const flow = pinFlow('pin');
  await store.createFlow('pin', 'PIN', flow);
  await store.publish('pin', noSubflows(flow), 'v1', 'test');
}

const text = (value: string) => ({ type: 'text' as const, text: value });
const errorCode = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (error: unknown) => (error instanceof ApiError ? error.errors[0]?.code : String(error)),
  );

describe('sessions kept in memory between turns', () => {
  it('takes turns of a cached session without reading its head from SQLite', async () => {
    const { sessions, store, reads } = serviceOn(join(dir, 'cached'));
    await publishPinFlow(store);
    const { sessionId } = await sessions.start({ flowId: 'pin', channel: 'chat' });
    expect((await sessions.input(sessionId, text('balance'))).nodeId).toBe('askPin');
    const afterFirst = reads();
    expect((await sessions.input(sessionId, text('12'))).nodeId).toBe('askPin');
    expect((await sessions.input(sessionId, text('1234'))).status).toBe('ended');
    expect(reads()).toBe(afterFirst);
    expect((await store.getSession(sessionId))?.turn).toBe(3);
  });

  it('re-reads a session another process moved on and continues from its snapshot, never from the stale one', async () => {
    const data = join(dir, 'two-processes');
    const a = serviceOn(data);
    const b = serviceOn(data);
    await publishPinFlow(a.store);
    const { sessionId } = await a.sessions.start({ flowId: 'pin', channel: 'chat' });
    expect((await a.sessions.input(sessionId, text('balance'))).nodeId).toBe('askPin');
    // Process B takes the next turn (a PIN too short: asked again), so A's copy in memory is one turn behind.
    expect((await b.sessions.input(sessionId, text('12'))).nodeId).toBe('askPin');
    const ended = await a.sessions.input(sessionId, text('1234'));
    expect(ended.status).toBe('ended');
    expect((await a.store.getSession(sessionId))?.turn).toBe(3);
    const callerTexts = (await a.store.getTranscript(sessionId)).flatMap((e) =>
      typeof e === 'object' && e !== null && 'from' in e && e.from === 'caller' && 'text' in e ? [e.text] : [],
    );
    // Each caller input stored once, in order: A did not replay B's turn from its stale copy.
    expect(callerTexts).toHaveLength(3);
    expect(callerTexts[0]).toBe('balance');
  });

  it('refuses a cached session that expired as idle instead of reviving it', async () => {
    const { sessions, store } = serviceOn(join(dir, 'expired'));
    await publishPinFlow(store);
    const { sessionId } = await sessions.start({ flowId: 'pin', channel: 'chat' });
    await sessions.input(sessionId, text('balance'));
    expect(await store.expireSessions(new Date(Date.now() + 60_000))).toBeGreaterThan(0);
    expect(await errorCode(sessions.input(sessionId, text('1234')))).toBe('SESSION_ENDED');
    expect((await store.getSession(sessionId))?.status).toBe('ended');
  });

  it('forgets cached sessions of a deleted flow', async () => {
    const { sessions, store } = serviceOn(join(dir, 'deleted'));
    await publishPinFlow(store);
    const { sessionId } = await sessions.start({ flowId: 'pin', channel: 'chat' });
    await sessions.input(sessionId, text('balance'));
    expect(await store.deleteFlow('pin')).toBe(true);
    expect(await errorCode(sessions.input(sessionId, text('1234')))).toBe('NOT_FOUND');
  });
});

describe('a session entered at a chosen node (the desk sends a customer into a flow)', () => {
  it('starts at the node and resumes in another process on the published version', async () => {
    const dataDir = mkdtempSync(join(dir, 'node-'));
    const a = serviceOn(dataDir);
    const b = serviceOn(dataDir);
    await publishPinFlow(a.store);
    const first = await a.sessions.start({ flowId: 'pin', channel: 'chat', startNodeId: 'askPin' });
    expect(first.nodeId).toBe('askPin');
    expect(JSON.stringify(first.outputs)).toContain('Enter your four digit PIN');
    expect(JSON.stringify(first.outputs)).not.toContain('Main menu');
    // The other process compiles the plain version: the snapshot taken at the chosen node resumes there.
    const next = await b.sessions.input(first.sessionId, text('2468'));
    expect(next.status).toBe('ended');
    expect(next.outputs).toContainEqual(expect.objectContaining({ type: 'end', outcome: 'done' }));
    expect(await errorCode(a.sessions.start({ flowId: 'pin', channel: 'chat', startNodeId: 'nope' }))).toBe(
      'UNKNOWN_NODE',
    );
  });
});
