import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowStore } from '../store/FlowStore.ts';
import { PostgresFlowStore } from '../store/PostgresFlowStore.ts';
import { SqliteFlowStore } from '../store/SqliteFlowStore.ts';
import { startTestPostgres, type TestPostgres } from '../testing/startTestPostgres.ts';
import { AgentStore, type Handoff } from './AgentStore.ts';

// Issue 16: the contact center's tables behave the same on SQLite and on a real PostgreSQL 15.
let server: TestPostgres;
beforeAll(async () => {
  server = await startTestPostgres();
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

const queue = {
  id: 'support',
  name: 'Support',
  skills: [],
  priority: 5,
  maxWaitSeconds: 600,
  offerTimeoutSeconds: 15,
  afterCallWorkSeconds: 30,
  dispositions: ['resolved'],
};
const agent = {
  id: 'ana',
  name: 'Ana',
  login: 'ana',
  role: 'agent' as const,
  skills: [{ skill: 'cards', level: 3 }],
  languages: ['en'],
  maxChats: 2,
  queues: ['support'],
};

for (const [name, open] of [
  ['SQLite', async (): Promise<FlowStore> => SqliteFlowStore.open(':memory:')],
  ['PostgreSQL 15', async (): Promise<FlowStore> => PostgresFlowStore.open(server.url)],
] as const) {
  describe(`AgentStore on ${name}`, () => {
    let flows: FlowStore;
    let store: AgentStore;
    beforeAll(async () => {
      flows = await open();
      store = AgentStore.beside(flows);
    });
    afterAll(async () => {
      await flows.close();
    });

    it('keeps queues and agents, a password only when given, and refuses a taken login', async () => {
      expect(await store.putQueue(queue)).toBe(true);
      expect(await store.putQueue({ ...queue, priority: 7 })).toBe(false);
      expect((await store.listQueues())[0]?.priority).toBe(7);
      expect(await store.putAgent(agent, 'hash-1')).toBe('created');
      expect(await store.putAgent({ ...agent, maxChats: 3 })).toBe('updated');
      expect(await store.findAgentByLogin('ana')).toMatchObject({ agent: { maxChats: 3 }, passwordHash: 'hash-1' });
      expect(await store.putAgent({ ...agent, id: 'other' }, 'hash-2')).toBe('loginTaken');
      expect(await store.deleteQueue('nope')).toBe(false);
    });

    it('numbers chat messages per contact, keeps a resent id once, and appends them to the transcript', async () => {
      await flows.createFlow('f', 'F', {});
      await flows.createSession(
        {
          id: 'contact-1',
          flowId: 'f',
          version: 0,
          draftDocument: null,
          channel: 'chat',
          locale: 'en-US',
          status: 'ended',
          snapshot: {},
        },
        [{ at: '', from: 'bot', text: 'Hello' }],
      );
      const first = await store.appendMessage({
        id: 'm-1',
        contactId: 'contact-1',
        sender: 'customer',
        agentId: null,
        text: 'hi',
      });
      const second = await store.appendMessage({
        id: 'm-2',
        contactId: 'contact-1',
        sender: 'agent',
        agentId: 'ana',
        text: 'hello',
      });
      const again = await store.appendMessage({
        id: 'm-1',
        contactId: 'contact-1',
        sender: 'customer',
        agentId: null,
        text: 'hi',
      });
      expect([first.message.seq, second.message.seq, again.message.seq]).toEqual([1, 2, 1]);
      expect([first.fresh, again.fresh]).toEqual([true, false]);
      expect((await store.messagesAfter('contact-1', 1)).map((m) => m.id)).toEqual(['m-2']);
      const transcript = (await flows.getTranscript('contact-1')) as { text: string; from: string }[];
      expect(transcript.map((e) => `${e.from}: ${e.text}`)).toEqual(['bot: Hello', 'caller: hi', 'agent: hello']);
    });

    it('stores hand-overs with their wrap-up, finds earlier ones of the customer, and keeps the audit log', async () => {
      const handoff: Handoff = {
        id: 'h-1',
        queueId: 'support',
        agentId: null,
        status: 'waiting',
        customerKey: 'customer:C-1',
        context: {
          flowId: 'f',
          channel: 'chat',
          locale: 'en-US',
          nodeId: 'q',
          variables: { pin: '****' },
          transcript: [],
          path: ['q'],
        },
        wrapUp: null,
        enqueuedAt: '2026-12-01T10:00:00.000Z',
        answeredAt: null,
        endedAt: null,
      };
      await store.saveHandoff(handoff);
      await store.saveHandoff({
        ...handoff,
        status: 'ended',
        agentId: 'ana',
        wrapUp: { disposition: 'resolved', notes: 'ok', agentId: 'ana', at: '2026-12-01T10:05:00.000Z' },
      });
      await store.saveHandoff({ ...handoff, id: 'h-2', enqueuedAt: '2026-12-02T10:00:00.000Z' });
      expect(await store.getHandoff('h-1')).toMatchObject({ status: 'ended', wrapUp: { disposition: 'resolved' } });
      expect((await store.previousHandoffs('customer:C-1', 'h-2')).map((h) => h.id)).toEqual(['h-1']);
      await store.audit('ana', 'h-1', 'accept');
      expect(await store.listAudit('h-1')).toMatchObject([{ agentId: 'ana', contactId: 'h-1', action: 'accept' }]);
    });
  });
}
