import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowStore, SessionRecord } from './FlowStore.ts';
import { noSubflows } from '../testing/noSubflows.ts';

const doc = (id: string, label: string): Record<string, unknown> => ({ id, name: label, nodes: [{ id: 'n', label }] });

/** A new active chat session of flow `f` version 1 with an empty snapshot, as the contract's tests create them. */
export function newSessionRecord(id: string): Omit<SessionRecord, 'createdAt' | 'updatedAt' | 'turn'> {
  return {
    id,
    flowId: 'f',
    version: 1,
    draftDocument: null,
    channel: 'chat',
    locale: 'en',
    status: 'active',
    snapshot: {},
  };
}

/** Registers the behaviour every {@link FlowStore} implementation must have, run against SQLite and PostgreSQL. */
export function describeFlowStoreContract(name: string, open: () => Promise<FlowStore>): void {
  describe(`${name} store contract`, () => {
    let store: FlowStore;
    let counter = 0;
    const freshId = (prefix: string): string => `${prefix}-${Date.now().toString(36)}-${counter++}`;

    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store.close();
    });

    it('creates a flow once and refuses a second flow with the same id', async () => {
      const id = freshId('create');
      const created = await store.createFlow(id, 'First', doc(id, 'a'));
      expect(created).toMatchObject({ id, name: 'First', revision: 1, liveVersion: null, draft: doc(id, 'a') });
      expect(await store.createFlow(id, 'Again', doc(id, 'b'))).toBeUndefined();
      expect((await store.getFlow(id))?.draft).toEqual(doc(id, 'a'));
      expect((await store.listFlows()).map((f) => f.id)).toContain(id);
    });

    it('rejects a stale draft revision without overwriting the newer draft', async () => {
      const id = freshId('draft');
      await store.createFlow(id, 'Draft', doc(id, 'v1'));
      const first = await store.updateDraft(id, doc(id, 'v2'), 1);
      expect(first).toMatchObject({ ok: true, flow: { revision: 2 } });
      const stale = await store.updateDraft(id, doc(id, 'lost'), 1);
      expect(stale).toEqual({ ok: false, reason: 'stale', currentRevision: 2 });
      expect((await store.getFlow(id))?.draft).toEqual(doc(id, 'v2'));
      expect(await store.updateDraft(freshId('missing'), doc('x', 'x'), 1)).toEqual({ ok: false, reason: 'notFound' });
    });

    it('numbers published versions, keeps them immutable and moves the live pointer', async () => {
      const id = freshId('publish');
      await store.createFlow(id, 'Pub', doc(id, 'draft'));
      const v1 = await store.publish(id, noSubflows(doc(id, 'one')), 'first', 'alice');
      const v2 = await store.publish(id, noSubflows(doc(id, 'two')), 'second', 'bob');
      expect([v1?.version, v2?.version]).toEqual([1, 2]);
      expect((await store.getFlow(id))?.liveVersion).toBe(2);
      expect((await store.getVersion(id, 1))?.document).toEqual(doc(id, 'one'));
      const versions = await store.listVersions(id);
      expect(versions.map((v) => [v.version, v.note, v.author])).toEqual([
        [1, 'first', 'alice'],
        [2, 'second', 'bob'],
      ]);
      expect(await store.publish(freshId('nope'), noSubflows(doc('x', 'x')), '', 'a')).toBeUndefined();
    });

    it('stores the subflow pins with the version and refuses a release without them (issue 22)', async () => {
      const id = freshId('pins');
      await store.createFlow(id, 'Pins', doc(id, 'draft'));
      expect(await store.publish(id, { document: doc(id, 'one'), subflows: { child: 3 } }, '', 'a')).toMatchObject({
        version: 1,
        subflows: { child: 3 },
      });
      expect((await store.getVersion(id, 1))?.subflows).toEqual({ child: 3 });
      // @ts-expect-error -- the pins are a required part of a release; JavaScript that leaves them out is refused too
      await expect(store.publish(id, { document: doc(id, 'two') }, '', 'a')).rejects.toThrow(/subflow pins/);
      await expect(store.publish(id, { document: doc(id, 'two'), subflows: { child: 0 } }, '', 'a')).rejects.toThrow(
        /published version number/,
      );
      expect((await store.listVersions(id)).map((v) => v.version)).toEqual([1]);
      expect((await store.getFlow(id))?.liveVersion).toBe(1);
    });

    it('gives concurrent publishes distinct version numbers', async () => {
      const id = freshId('race');
      await store.createFlow(id, 'Race', doc(id, 'd'));
      const results = await Promise.all(
        [1, 2, 3, 4, 5].map((n) => store.publish(id, noSubflows(doc(id, `p${n}`)), `n${n}`, 'x')),
      );
      expect(results.map((r) => r?.version).toSorted()).toEqual([1, 2, 3, 4, 5]);
    });

    it('rolls the live pointer back to an earlier version and refuses an unknown one', async () => {
      const id = freshId('rollback');
      await store.createFlow(id, 'Rb', doc(id, 'd'));
      await store.publish(id, noSubflows(doc(id, 'one')), '', 'a');
      await store.publish(id, noSubflows(doc(id, 'two')), '', 'a');
      expect(await store.rollback(id, 1)).toMatchObject({ ok: true, flow: { liveVersion: 1 } });
      expect(await store.rollback(id, 9)).toEqual({ ok: false, reason: 'noSuchVersion' });
      expect(await store.rollback(freshId('none'), 1)).toEqual({ ok: false, reason: 'notFound' });
      expect((await store.getFlow(id))?.liveVersion).toBe(1);
    });

    it('appends transcript entries per turn and rejects a turn saved against a stale count', async () => {
      const id = freshId('session');
      const before = await store.countActiveSessions();
      await store.createSession(
        {
          id,
          flowId: 'f',
          version: 1,
          draftDocument: null,
          channel: 'chat',
          locale: 'en-US',
          status: 'active',
          snapshot: { s: 0 },
        },
        [{ text: 'hello' }],
      );
      expect(await store.countActiveSessions()).toBe(before + 1);
      expect(
        await store.saveTurn({
          sessionId: id,
          expectedTurn: 0,
          status: 'active',
          snapshot: { s: 1 },
          entries: [{ text: 'a' }, { text: 'b' }],
        }),
      ).toMatchObject({ ok: true });
      expect(
        await store.saveTurn({
          sessionId: id,
          expectedTurn: 0,
          status: 'ended',
          snapshot: { s: 9 },
          entries: [{ text: 'lost' }],
        }),
      ).toEqual({ ok: false, reason: 'stale' });
      expect(
        await store.saveTurn({ sessionId: freshId('x'), expectedTurn: 0, status: 'ended', snapshot: {}, entries: [] }),
      ).toEqual({ ok: false, reason: 'notFound' });
      expect(
        await store.saveTurn({
          sessionId: id,
          expectedTurn: 1,
          status: 'ended',
          snapshot: { s: 2 },
          entries: [{ text: 'bye' }],
        }),
      ).toMatchObject({ ok: true });
      expect(await store.getSession(id)).toMatchObject({
        status: 'ended',
        turn: 2,
        snapshot: { s: 2 },
        version: 1,
        draftDocument: null,
      });
      expect(await store.getSession(id, { snapshot: false })).toMatchObject({
        status: 'ended',
        turn: 2,
        snapshot: null,
      });
      expect(await store.getTranscript(id)).toEqual([{ text: 'hello' }, { text: 'a' }, { text: 'b' }, { text: 'bye' }]);
      expect(await store.countActiveSessions()).toBe(before);
    });

    it('stores the keyed input of a turn with the turn, and none of a refused turn (issue 22)', async () => {
      const id = freshId('keyed');
      await store.createSession(newSessionRecord(id), []);
      const turn = (expectedTurn: number, key: string) => ({
        sessionId: id,
        expectedTurn,
        status: 'active' as const,
        snapshot: {},
        entries: [{ text: key }],
        input: { key, fingerprint: `fp-${key}`, reply: { said: key } },
      });
      expect(await store.saveTurn(turn(0, 'k1'))).toMatchObject({ ok: true });
      expect(await store.saveTurn(turn(0, 'k2'))).toEqual({ ok: false, reason: 'stale' });
      expect(await store.getInput(id, 'k1')).toEqual({ key: 'k1', fingerprint: 'fp-k1', reply: { said: 'k1' } });
      expect(await store.getInput(id, 'k2')).toBeUndefined();
      expect(await store.getInput(freshId('other'), 'k1')).toBeUndefined();
      // The head and the key in one read: the head without its snapshot, the input only under its own key.
      expect(await store.getTurnHead(id, 'k1')).toEqual({
        head: await store.getSession(id, { snapshot: false }),
        input: { key: 'k1', fingerprint: 'fp-k1', reply: { said: 'k1' } },
      });
      expect(await store.getTurnHead(id, 'k2')).toEqual({
        head: expect.objectContaining({ id, turn: 1, snapshot: null }),
      });
      expect(await store.getTurnHead(id)).toEqual({ head: expect.objectContaining({ id, turn: 1 }) });
      expect(await store.getTurnHead(freshId('other'), 'k1')).toBeUndefined();
    });

    it('stores turns of many sessions saved at the same time, each with its own transcript', async () => {
      const ids = Array.from({ length: 20 }, () => freshId('many'));
      for (const id of ids) {
        await store.createSession(newSessionRecord(id), []);
      }
      const results = await Promise.all(
        ids.map((id, i) =>
          store.saveTurn({
            sessionId: id,
            expectedTurn: 0,
            status: 'active',
            snapshot: { i },
            entries: [{ text: id }],
          }),
        ),
      );
      expect(results.every((r) => r.ok)).toBe(true);
      const stale = await Promise.all(
        ids
          .slice(0, 2)
          .map((id) => store.saveTurn({ sessionId: id, expectedTurn: 0, status: 'active', snapshot: {}, entries: [] })),
      );
      expect(stale).toEqual([
        { ok: false, reason: 'stale' },
        { ok: false, reason: 'stale' },
      ]);
      for (const [i, id] of ids.entries()) {
        expect((await store.getSession(id))?.snapshot).toEqual({ i });
        expect(await store.getTranscript(id)).toEqual([{ text: id }]);
      }
    });

    it('expires sessions idle since before a given time and leaves recent ones active', async () => {
      const id = freshId('idle');
      await store.createSession(newSessionRecord(id), []);
      expect(await store.expireSessions(new Date(Date.now() - 60_000))).toBe(0);
      expect((await store.getSession(id))?.status).toBe('active');
      expect(await store.expireSessions(new Date(Date.now() + 60_000))).toBeGreaterThanOrEqual(1);
      expect((await store.getSession(id))?.status).toBe('ended');
    });

    it('finds tokens by hash, lists them per flow and deletes them', async () => {
      const flowId = freshId('tokens');
      const token = {
        id: freshId('t'),
        hash: freshId('h'),
        role: 'channel' as const,
        flowId,
        label: 'web',
        createdAt: new Date().toISOString(),
        expiresAt: null,
      };
      await store.createToken(token);
      expect(await store.findTokenByHash(token.hash)).toEqual(token);
      expect(await store.listTokens({ flowId })).toEqual([token]);
      expect(await store.deleteToken(token.id)).toBe(true);
      expect(await store.findTokenByHash(token.hash)).toBeUndefined();
      expect(await store.deleteToken(token.id)).toBe(false);
    });

    it('deletes a flow with its versions, sessions and channel tokens', async () => {
      const id = freshId('delete');
      await store.createFlow(id, 'Del', doc(id, 'd'));
      await store.publish(id, noSubflows(doc(id, 'one')), '', 'a');
      const sessionId = freshId('s');
      await store.createSession({ ...newSessionRecord(sessionId), flowId: id }, []);
      expect(await store.deleteFlow(id)).toBe(true);
      expect(await store.getFlow(id)).toBeUndefined();
      expect(await store.getVersion(id, 1)).toBeUndefined();
      expect(await store.getSession(sessionId)).toBeUndefined();
      expect(await store.deleteFlow(id)).toBe(false);
    });

    it('keeps runtime settings', async () => {
      const key = freshId('k');
      expect(await store.getSetting(key)).toBeUndefined();
      await store.setSetting(key, 'one');
      await store.setSetting(key, 'two');
      expect(await store.getSetting(key)).toBe('two');
    });
  });
}
