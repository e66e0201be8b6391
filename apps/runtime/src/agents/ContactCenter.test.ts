import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowStore } from '../store/FlowStore.ts';
import { PostgresFlowStore } from '../store/PostgresFlowStore.ts';
import { SqliteFlowStore } from '../store/SqliteFlowStore.ts';
import { startTestPostgres, type TestPostgres } from '../testing/startTestPostgres.ts';
import { AgentStore } from './AgentStore.ts';
import { ContactCenter } from './ContactCenter.ts';
import { LocalCenterEvents, type CenterEvent } from './ContactCenterEvents.ts';

// Issue 16, point 7 (in part): a process that stops mid-chat leaves its hand-overs in cc_handoffs, and the next one
// takes them up: waiting contacts wait again with their age, connected chats stay with their agent. The runtime turns
// this on for the process that routes (the one process on SQLite, the leader on PostgreSQL: chatAcrossProcesses.test.ts).
let server: TestPostgres;
const dir = mkdtempSync(join(tmpdir(), 'omniflow-center-'));
beforeAll(async () => {
  server = await startTestPostgres();
}, 60_000);
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const transfer = {
  type: 'transfer' as const,
  nodeId: 'wait',
  queue: 'support',
  variables: {},
  contact: {},
  transcript: [],
};

async function openCenter(store: FlowStore, events = new LocalCenterEvents()): Promise<ContactCenter> {
  return ContactCenter.open({
    store: AgentStore.beside(store),
    flows: store,
    events,
    logger: pino({ level: 'silent' }),
    takeUp: true,
  });
}

for (const [name, open] of [
  ['SQLite', async (): Promise<FlowStore> => SqliteFlowStore.open(dir)],
  ['PostgreSQL 15', async (): Promise<FlowStore> => PostgresFlowStore.open(server.url)],
] as const) {
  describe(`a restarted contact center on ${name}`, () => {
    it('takes up waiting contacts and connected chats from cc_handoffs', async () => {
      const first = await open();
      const before = await openCenter(first);
      await before.putQueue({
        id: 'support',
        name: 'Support',
        skills: [],
        priority: 0,
        maxWaitSeconds: 600,
        offerTimeoutSeconds: 15,
        afterCallWorkSeconds: 0,
        dispositions: ['resolved'],
      });
      const agent = { name: 'Ana', login: 'ana', role: 'agent' as const, skills: [], languages: ['en'] };
      await before.putAgent({ ...agent, id: 'ana', maxChats: 2, queues: ['support'] }, 'ana-password-1');
      const chat = { flowId: 'f', channel: 'chat', locale: 'en-US' };
      await before.handoff({ ...chat, id: 'c1' }, transfer);
      const waiting = await before.handoff({ ...chat, id: 'c2' }, transfer);
      before.setState('ana', 'available');
      expect(before.router.waiting('c1')?.offer?.agentId).toBe('ana');
      await before.accept('ana', 'c1');
      await before.agentMessage('ana', 'c1', 'm1', 'Hello from Ana');
      // c2 now rings at Ana's second slot; the process dies before she answers.
      expect(before.router.waiting('c2')?.offer?.agentId).toBe('ana');
      before.close();
      await first.close();

      const second = await open();
      const events = new LocalCenterEvents();
      const offers: CenterEvent[] = [];
      events.subscribe('agent:ana', (event) => void (event.type === 'offer' && offers.push(event)));
      const after = await openCenter(second, events);
      expect(after.customerState('c1')).toEqual({ status: 'connected', agentName: 'Ana' });
      expect(after.router.waiting('c2')).toMatchObject({ enqueuedAt: Date.parse(waiting.enqueuedAt) });
      const desk = await after.deskSnapshot('ana');
      expect(desk['contacts']).toEqual([
        expect.objectContaining({ id: 'c1', messages: [expect.objectContaining({ id: 'm1', seq: 1 })] }),
      ]);
      // The chat goes on where it stopped (next seq), and the waiting contact rings again once Ana is back.
      expect(await after.customerMessage('c1', 'm2', 'Still here')).toMatchObject({ seq: 2 });
      after.setState('ana', 'available');
      expect(offers.map((offer) => offer['contactId'])).toEqual(['c2']);
      after.close();
      await second.close();
    });

    it("keeps a contact's own priority when a restarted center takes it up (issue 16)", async () => {
      const first = await open();
      const before = await openCenter(first);
      await before.putQueue({
        id: 'vip',
        name: 'VIP',
        skills: [],
        priority: 0,
        maxWaitSeconds: 600,
        offerTimeoutSeconds: 15,
        afterCallWorkSeconds: 0,
        dispositions: ['resolved'],
      });
      const agent = { name: 'Bo', login: 'bo', role: 'agent' as const, skills: [], languages: ['en'] };
      await before.putAgent({ ...agent, id: 'bo', maxChats: 1, queues: ['vip'] }, 'bo-password-1');
      const chat = { flowId: 'f', channel: 'chat', locale: 'en-US' };
      const toVip = { ...transfer, queue: 'vip' };
      // The older contact waits at the queue's priority; the newer one was raised by its flow.
      await before.handoff({ ...chat, id: 'plain' }, toVip);
      await before.handoff({ ...chat, id: 'raised' }, { ...toVip, routing: { priority: 5 } });
      before.close();
      await first.close();

      const second = await open();
      const events = new LocalCenterEvents();
      const offers: unknown[] = [];
      events.subscribe('agent:bo', (event) => void (event.type === 'offer' && offers.push(event['contactId'])));
      const after = await openCenter(second, events);
      expect(after.router.waiting('raised')).toMatchObject({ priority: 5 });
      after.setState('bo', 'available');
      expect(offers).toEqual(['raised']);
      after.close();
      await second.close();
    });
  });
}
