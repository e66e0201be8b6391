import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowStore, SessionStatus } from '../store/FlowStore.ts';
import type { ContactFilter, ContactOpening, ContactRecord, ContactTurn } from './ContactStore.ts';
import { testSession } from '../testing/testSession.ts';

/** Registers the behaviour of the contact record and its search, run against SQLite and PostgreSQL. */
export function describeContactStoreContract(name: string, open: () => Promise<FlowStore>): void {
  describe(`${name} contacts`, () => {
    let store: FlowStore;
    let n = 0;
    const flowId = `contacts-${Date.now().toString(36)}`;
    const entry = (text: string, from = 'caller', nodeId = 'menu') => ({ at: '', from, nodeId, text });

    const begin = async (opening: ContactOpening = {}, texts: string[] = [], flow = flowId): Promise<string> => {
      const id = `c-${flow}-${n++}`;
      await store.createSession(
        testSession(id, flow),
        texts.map((t) => entry(t, 'bot')),
        opening,
      );
      return id;
    };
    const turn = async (
      id: string,
      expectedTurn: number,
      contact: ContactTurn,
      texts: string[] = [],
      status: SessionStatus = 'active',
    ) =>
      store.saveTurn({
        sessionId: id,
        expectedTurn,
        status,
        snapshot: {},
        entries: texts.map((t) => entry(t)),
        contact,
      });
    const ids = (contacts: ContactRecord[]) => contacts.map((c) => c.id);
    const find = async (filter: ContactFilter): Promise<string[]> =>
      ids((await store.contacts.search({ flowId, ...filter }, { limit: 50 })).contacts);

    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store.close();
    });

    it('records the start, the path across turns without repeating the waiting node, and how it ended', async () => {
      const id = await begin(
        {
          direction: 'outbound',
          callerNumber: '+8613800001234',
          dialedNumber: '+862100000000',
          turn: { path: ['hello', 'menu'] },
        },
        ['您好'],
      );
      expect(await turn(id, 0, { path: ['menu', 'balance', 'menu'], input: true }, ['查账单'])).toMatchObject({
        ok: true,
      });
      const ended = await turn(
        id,
        1,
        {
          path: ['menu', 'agent'],
          input: true,
          end: { outcome: 'transferred', endNode: 'agent', transferQueue: 'cards' },
        },
        ['人工服务'],
        'ended',
      );
      expect(ended).toMatchObject({ ok: true });
      const contact = await store.contacts.get(id);
      expect(contact).toMatchObject({
        flowId,
        version: 1,
        channel: 'chat',
        direction: 'outbound',
        callerNumber: '+8613800001234',
        dialedNumber: '+862100000000',
        outcome: 'transferred',
        endNode: 'agent',
        transferQueue: 'cards',
        turns: 2,
        path: ['hello', 'menu', 'balance', 'menu', 'agent'],
      });
      expect(contact?.endedAt).not.toBeNull();
      expect(contact?.durationMs).toBeGreaterThanOrEqual(0);
      expect(Date.parse(contact?.endedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(contact?.startedAt ?? ''));
    });

    it('marks a session that expires without an end as abandoned, and leaves ended contacts alone', async () => {
      const open1 = await begin({ turn: { path: ['menu'] } });
      const done = await begin();
      await turn(
        done,
        0,
        { path: ['menu', 'bye'], input: true, end: { outcome: 'completed', endNode: 'bye', transferQueue: null } },
        [],
        'ended',
      );
      expect(await store.expireSessions(new Date(Date.now() + 1000))).toBeGreaterThanOrEqual(1);
      expect(await store.contacts.get(open1)).toMatchObject({ outcome: 'abandoned', endNode: 'menu' });
      expect(await store.contacts.get(done)).toMatchObject({ outcome: 'completed', endNode: 'bye' });
    });

    it('filters by channel, outcome, direction, caller and time, newest first', async () => {
      const flow = `${flowId}-filters`;
      const a = await begin({ callerNumber: '+821012345678' }, [], flow);
      const b = await begin({ direction: 'outbound' }, [], flow);
      await turn(b, 0, { path: ['x'], end: { outcome: 'failed', endNode: 'x', transferQueue: null } }, [], 'ended');
      const search = async (filter: ContactFilter) =>
        ids((await store.contacts.search({ flowId: flow, ...filter }, { limit: 10 })).contacts);
      expect((await search({})).toSorted()).toEqual([a, b].toSorted());
      expect(await search({ outcome: 'failed' })).toEqual([b]);
      expect(await search({ direction: 'outbound' })).toEqual([b]);
      expect(await search({ direction: 'inbound' })).toEqual([a]);
      expect(await search({ caller: '+821012345678' })).toEqual([a]);
      expect(await search({ channel: 'voice' })).toEqual([]);
      expect(await search({ from: new Date(Date.now() + 60_000) })).toEqual([]);
      expect((await search({ to: new Date(Date.now() + 60_000) })).length).toBe(2);
      expect(await store.contacts.previousContacts('+821012345678', new Date(Date.now() - 7 * 86_400_000))).toBe(1);
      expect(await store.contacts.previousContacts('+821012345678', new Date(Date.now() + 60_000))).toBe(0);
    });

    it('pages through every match once with a cursor', async () => {
      const flow = `${flowId}-pages`;
      const all: string[] = [];
      for (let i = 0; i < 7; i++) all.push(await begin({}, [], flow));
      const seen: string[] = [];
      let after: { startedAt: string; id: string } | undefined;
      for (let pages = 0; pages < 10; pages++) {
        const page = await store.contacts.search({ flowId: flow }, { limit: 3, ...(after ? { after } : {}) });
        seen.push(...ids(page.contacts));
        if (!page.next) break;
        after = page.next;
      }
      expect(seen).toHaveLength(7);
      expect(seen.toSorted()).toEqual(all.toSorted());
    });

    it('finds transcript text in Chinese and Korean, including two- and one-character words', async () => {
      const zh = await begin({}, ['您好，请问需要什么服务？']);
      await turn(zh, 0, { path: ['menu'], input: true }, ['我想查询信用卡余额']);
      const ko = await begin({}, ['무엇을 도와드릴까요?']);
      await turn(ko, 0, { path: ['menu'], input: true }, ['카드 잔액을 확인하고 싶어요']);
      const en = await begin({}, ['Welcome to the bank']);
      expect(await find({ text: '信用卡余额' })).toEqual([zh]);
      expect(await find({ text: '余额' })).toEqual([zh]);
      expect(await find({ text: '卡' })).toEqual([zh]);
      expect(await find({ text: '잔액을' })).toEqual([ko]);
      expect(await find({ text: '잔액' })).toEqual([ko]);
      expect(await find({ text: 'WELCOME to' })).toEqual([en]);
      expect(await find({ text: 'we' })).toEqual([en]);
      expect(await find({ text: '余额不足' })).toEqual([]);
    });

    it('treats search text as text: query syntax, wildcards and SQL match only themselves', async () => {
      const odd = await begin({}, ['rate is 100% "fixed" (NEAR a_b) \' OR 1=1 -- * AND \\ end']);
      const plain = await begin({}, ['rate is 1000 fixed near aXb']);
      for (const hostile of [
        '"',
        '%',
        '_',
        "' OR 1=1 --",
        'NEAR a_',
        '*',
        'a_b',
        '100%',
        '"fixed"',
        ' AND',
        '(NEAR',
        '\\',
      ]) {
        expect({ hostile, found: await find({ text: hostile }) }).toEqual({ hostile, found: [odd] });
      }
      expect((await find({ text: 'rate is' })).toSorted()).toEqual([odd, plain].toSorted());
    });

    it('indexes entries stored after the newest sessions were deleted, and never the ports a session took', async () => {
      const gone = `${flowId}-gone`;
      const first = await begin({}, ['被删除的对话内容'], gone);
      expect(await find({ flowId: gone, text: '被删除的对话' })).toEqual([first]);
      await store.deleteFlow(gone);
      const after = await begin({}, ['删除之后的新对话'], gone);
      expect(await find({ flowId: gone, text: '之后的新对话' })).toEqual([after]);
      expect(await find({ flowId: gone, text: '新对' })).toEqual([after]);
      await store.saveTurn({
        sessionId: after,
        expectedTurn: 0,
        status: 'active',
        snapshot: {},
        entries: [{ at: '', from: 'system', nodeId: 'menu', text: 'took secretport' }],
        contact: { path: ['menu'] },
      });
      expect(await find({ flowId: gone, text: 'secretport' })).toEqual([]);
    });

    it('answers every text search as a substring test of each entry, newest first, page by page (issue 15)', async () => {
      const flow = `${flowId}-parity`;
      // [bot's greeting, caller's turn, direction, transferred]: common and rare words, one and two characters, case.
      const conversations: [string, string, 'inbound' | 'outbound', boolean][] = [
        ['您好', '外币汇款手续费是多少', 'inbound', false],
        ['무엇을 도와드릴까요?', '카드를 분실했어요', 'outbound', true],
        ['Main menu', 'My card was STOLEN yesterday', 'inbound', true],
        ['您好', '我的银行卡丢了，需要挂失', 'outbound', false],
        ['请输入卡号', '挂失', 'inbound', true],
        ['Main menu', 'please transfer me to an agent', 'outbound', false],
        ['您好', '我想查询信用卡余额', 'inbound', false],
        ['무엇을 도와드릴까요?', '카드 잔액을 확인하고 싶어요', 'inbound', true],
        ['您好', '挂失银行卡', 'outbound', true],
        ['Main menu', 'card', 'inbound', false],
      ];
      const said = new Map<string, string[]>();
      for (const [greeting, caller, direction, transferred] of conversations) {
        const id = await begin({ direction }, [greeting], flow);
        const end = transferred
          ? { outcome: 'transferred' as const, endNode: 'agent', transferQueue: 'cards' }
          : undefined;
        await turn(id, 0, { path: ['menu'], input: true, ...(end ? { end } : {}) }, [caller]);
        said.set(id, [greeting, caller]);
      }
      const all = ids((await store.contacts.search({ flowId: flow }, { limit: 100 })).contacts);
      const everyPage = async (filter: ContactFilter): Promise<string[]> => {
        const found: string[] = [];
        let after: { startedAt: string; id: string } | undefined;
        for (let pages = 0; pages < 20; pages++) {
          const page = await store.contacts.search(
            { flowId: flow, ...filter },
            { limit: 2, ...(after ? { after } : {}) },
          );
          found.push(...ids(page.contacts));
          if (!page.next) break;
          after = page.next;
        }
        return found;
      };
      const holds = (id: string, text: string) =>
        (said.get(id) ?? []).some((t) => t.toLowerCase().includes(text.toLowerCase()));
      for (const text of [
        '挂失',
        '汇款',
        '外币汇款',
        '卡',
        '分실',
        '분실',
        'card',
        'CARD was',
        'a',
        '您好',
        'menu',
        'was card',
        '不存在',
      ]) {
        expect({ text, found: await everyPage({ text }) }).toEqual({
          text,
          found: all.filter((id) => holds(id, text)),
        });
      }
      const outbound = (id: string) => conversations[[...said.keys()].indexOf(id)]?.[2] === 'outbound';
      for (const text of ['挂失', '卡', 'card']) {
        expect({ text, found: await everyPage({ text, direction: 'outbound' }) }).toEqual({
          text,
          found: all.filter((id) => holds(id, text) && outbound(id)),
        });
        const transferred = (await store.contacts.search({ flowId: flow, outcome: 'transferred' }, { limit: 100 }))
          .contacts;
        expect(await everyPage({ text, outcome: 'transferred' })).toEqual(
          ids(transferred).filter((id) => holds(id, text)),
        );
      }
    });

    it('deletes old ended sessions with their transcripts and contacts in batches, keeping live ones', async () => {
      const flow = `${flowId}-retention`;
      const ended: string[] = [];
      for (let i = 0; i < 5; i++) {
        const id = await begin({}, ['保留期限测试'], flow);
        await turn(
          id,
          0,
          { path: ['bye'], end: { outcome: 'completed', endNode: 'bye', transferQueue: null } },
          [],
          'ended',
        );
        ended.push(id);
      }
      const live = await begin({}, ['保留期限测试'], flow);
      expect(await store.contacts.deleteBatchOlderThan(new Date(Date.now() - 60_000), 2)).toBe(0);
      const cutoff = new Date(Date.now() + 1000);
      const batches: number[] = [];
      for (let removed = -1; removed !== 0;)
        batches.push((removed = await store.contacts.deleteBatchOlderThan(cutoff, 2)));
      expect(batches.slice(0, 3).every((count) => count <= 2)).toBe(true);
      for (const id of ended) {
        expect(await store.contacts.get(id)).toBeUndefined();
        expect(await store.getSession(id)).toBeUndefined();
        expect(await store.getTranscript(id)).toEqual([]);
      }
      expect(ids((await store.contacts.search({ flowId: flow, text: '保留期限' }, { limit: 10 })).contacts)).toEqual([
        live,
      ]);
      expect(ids((await store.contacts.search({ flowId: flow, text: '期限' }, { limit: 10 })).contacts)).toEqual([
        live,
      ]);
    });
  });
}
