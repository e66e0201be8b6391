import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteFlowStore } from '../store/SqliteFlowStore.ts';
import { AgentStore } from './AgentStore.ts';
import { CenterRelay } from './CenterRelay.ts';
import { ContactCenter } from './ContactCenter.ts';
import { LocalCenterEvents } from './ContactCenterEvents.ts';
import { hashPassword } from './passwordHash.ts';

// Issue 16, point 7: the contact center's calls run where it is routed. Two relays on one bus stand for two processes
// (the bus between processes is PostgresCenterEvents, tested on its own); only one of them holds the center.
const logger = pino({ level: 'silent' });
const dir = mkdtempSync(join(tmpdir(), 'omniflow-relay-'));
let store: SqliteFlowStore;
const events = new LocalCenterEvents();
let follower: CenterRelay;
let leader: CenterRelay;
let center: Promise<ContactCenter>;

beforeAll(async () => {
  store = await SqliteFlowStore.open(dir);
  const agents = AgentStore.beside(store);
  follower = new CenterRelay({ events, store: agents, logger });
  leader = new CenterRelay({ events, store: agents, logger });
  center = ContactCenter.open({ store: agents, flows: store, events, logger, takeUp: true });
});
afterAll(async () => {
  follower.close();
  leader.close();
  (await center).close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const queue = {
  id: 'support',
  name: 'Support',
  skills: [],
  priority: 5,
  maxWaitSeconds: 900,
  offerTimeoutSeconds: 15,
  afterCallWorkSeconds: 0,
  dispositions: ['resolved'],
};

describe('CenterRelay', () => {
  it('answers a call made while no process routes once one takes over', async () => {
    const answer = follower.call('putQueue', queue);
    await new Promise((r) => setTimeout(r, 300));
    leader.lead(center);
    // The call was sent before anyone routed: it is sent again and answered by the new router.
    expect(await answer).toBe(true);
    expect((await center).router.queue('support')?.name).toBe('Support');
  });

  it("runs the follower's calls on the router and carries its refusals back as API errors", async () => {
    expect((await follower.call('listQueues')).map((q) => q.id)).toEqual(['support']);
    expect(await follower.call('hasQueue', 'support')).toBe(true);
    expect(await follower.call('position', 'nobody')).toBeNull();
    await expect(follower.call('decline', 'nobody', 'contact-1')).rejects.toMatchObject({
      status: 409,
      errors: [{ code: 'NO_OFFER' }],
    });
    await expect(follower.call('deleteQueue', 'nope')).rejects.toMatchObject({ status: 404 });
  });

  it('answers a repeated call from memory instead of running it twice', async () => {
    const replies: unknown[] = [];
    const off = events.subscribe('process:tester', (event) => replies.push(event));
    const call = {
      type: 'call',
      id: 'call-1',
      op: 'putQueue',
      args: [{ ...queue, name: 'Once' }],
      replyTo: 'process:tester',
    };
    events.publish('center:calls', call);
    await new Promise((r) => setTimeout(r, 50));
    (await center).router.setQueue({ ...queue, name: 'Changed since' });
    events.publish('center:calls', call);
    await new Promise((r) => setTimeout(r, 50));
    off();
    expect(replies).toEqual([
      { type: 'reply', id: 'call-1', value: false },
      { type: 'reply', id: 'call-1', value: false },
    ]);
    // The resend did not store the queue again over the change made in between.
    expect((await center).router.queue('support')?.name).toBe('Changed since');
  });

  it('checks a sign-in where the password arrived, with no router to relay it to', async () => {
    const agents = AgentStore.beside(store);
    const ana = { id: 'ana', name: 'Ana', login: 'ana', role: 'agent' as const, skills: [], languages: ['en'] };
    await agents.putAgent({ ...ana, maxChats: 1, queues: [] }, await hashPassword('ana-password'));
    const alone = new CenterRelay({ events: new LocalCenterEvents(), store: agents, logger });
    expect((await alone.signIn('ana', 'ana-password'))?.id).toBe('ana');
    expect(await alone.signIn('ana', 'wrong-password')).toBeUndefined();
    alone.close();
  });
});
