import { beforeEach, describe, expect, it } from 'vitest';
import type { AgentDefinition, QueueDefinition } from './contactCenterTypes.ts';
import { ContactRouter, RoutingRefusal, type RoutingDecision } from './ContactRouter.ts';
import { isQueueOpen } from './isQueueOpen.ts';

// Issue 16, point 2: the routing policies, driven by an injected clock (no test sleeps).
let now = 0;
let decisions: RoutingDecision[] = [];
let router: ContactRouter;

function queue(id: string, extra: Partial<QueueDefinition> = {}): QueueDefinition {
  return {
    id,
    name: id,
    skills: [],
    priority: 5,
    maxWaitSeconds: 600,
    offerTimeoutSeconds: 15,
    afterCallWorkSeconds: 30,
    dispositions: ['resolved'],
    ...extra,
  };
}

function agent(id: string, extra: Partial<AgentDefinition> = {}): AgentDefinition {
  return {
    id,
    name: id,
    login: id,
    role: 'agent',
    skills: [],
    languages: ['en'],
    maxChats: 1,
    queues: ['general'],
    ...extra,
  };
}

/** Brings agents online one second apart, so the first named is the longest idle. */
function online(...ids: string[]): void {
  for (const id of ids) {
    router.setState(id, 'available');
    now += 1000;
  }
}

const offers = (): { contactId: string; agentId: string }[] =>
  decisions.flatMap((d) => (d.kind === 'offered' ? [{ contactId: d.contactId, agentId: d.agentId }] : []));

beforeEach(() => {
  now = Date.UTC(2026, 11, 7, 10, 0, 0);
  decisions = [];
  router = new ContactRouter({ now: () => now, decide: (d) => decisions.push(d) });
  router.setQueue(queue('general'));
});

describe('ContactRouter', () => {
  it('offers a contact to the longest-idle available agent', () => {
    router.setAgent(agent('ann'));
    router.setAgent(agent('bob'));
    online('bob', 'ann');
    router.enqueue({ contactId: 'c1', queueId: 'general', locale: 'en-US' });
    expect(offers()).toEqual([{ contactId: 'c1', agentId: 'bob' }]);
  });

  it('gives a voice call only to an agent with no other contact, and keeps that agent busy while on it', () => {
    router.setAgent(agent('ann', { maxChats: 3 }));
    router.setAgent(agent('bob', { maxChats: 3 }));
    online('ann', 'bob');
    router.enqueue({ contactId: 'chat1', queueId: 'general', locale: 'en-US' });
    router.accept('ann', 'chat1');
    router.enqueue({ contactId: 'call1', queueId: 'general', locale: 'en-US', exclusive: true });
    // Ann has two free chat slots but a chat open: the call goes to Bob.
    expect(offers().at(-1)).toEqual({ contactId: 'call1', agentId: 'bob' });
    router.accept('bob', 'call1');
    expect(router.agent('bob')?.state).toBe('busy');
    router.enqueue({ contactId: 'chat2', queueId: 'general', locale: 'en-US' });
    expect(offers().at(-1)).toEqual({ contactId: 'chat2', agentId: 'ann' });
    router.release('bob', 'call1', { afterCallWorkMs: 0 });
    expect(router.agent('bob')?.state).toBe('available');
  });

  it('breaks a tie in idle time with the best skill level', () => {
    router.setQueue(queue('cards', { skills: [{ skill: 'cards', minLevel: 2 }] }));
    router.setAgent(agent('low', { queues: ['cards'], skills: [{ skill: 'cards', level: 2 }] }));
    router.setAgent(agent('high', { queues: ['cards'], skills: [{ skill: 'cards', level: 5 }] }));
    router.setState('low', 'available');
    router.setState('high', 'available');
    router.enqueue({ contactId: 'c1', queueId: 'cards', locale: 'en' });
    expect(offers()).toEqual([{ contactId: 'c1', agentId: 'high' }]);
  });

  it('skips agents without the queue, the required skill level or the language', () => {
    router.setQueue(queue('cards', { skills: [{ skill: 'cards', minLevel: 3 }] }));
    router.setAgent(agent('other-queue', { queues: ['general'], skills: [{ skill: 'cards', level: 5 }] }));
    router.setAgent(agent('novice', { queues: ['cards'], skills: [{ skill: 'cards', level: 2 }] }));
    router.setAgent(agent('english', { queues: ['cards'], skills: [{ skill: 'cards', level: 4 }] }));
    router.setAgent(
      agent('chinese', { queues: ['cards'], skills: [{ skill: 'cards', level: 3 }], languages: ['zh-CN'] }),
    );
    online('other-queue', 'novice', 'english', 'chinese');
    router.enqueue({ contactId: 'c-zh', queueId: 'cards', locale: 'zh-CN' });
    router.enqueue({ contactId: 'c-ko', queueId: 'cards', locale: 'ko-KR' });
    expect(offers()).toEqual([{ contactId: 'c-zh', agentId: 'chinese' }]);
    expect(router.waiting('c-ko')?.offer).toBeUndefined();
  });

  it('offers the higher-priority queue first, then the oldest contact', () => {
    router.setQueue(queue('vip', { priority: 9 }));
    router.setAgent(agent('ann', { queues: ['general', 'vip'] }));
    router.enqueue({ contactId: 'old', queueId: 'general', locale: 'en' });
    now += 5000;
    router.enqueue({ contactId: 'young', queueId: 'general', locale: 'en' });
    router.enqueue({ contactId: 'vip', queueId: 'vip', locale: 'en' });
    online('ann');
    expect(offers()).toEqual([{ contactId: 'vip', agentId: 'ann' }]);
    router.accept('ann', 'vip');
    router.release('ann', 'vip', { afterCallWorkMs: 0 });
    expect(offers().at(-1)).toEqual({ contactId: 'old', agentId: 'ann' });
  });

  it('moves an unanswered offer on after the queue timeout and rests the agent who missed it', () => {
    router.setAgent(agent('ann'));
    router.setAgent(agent('bob'));
    online('ann', 'bob');
    router.enqueue({ contactId: 'c1', queueId: 'general', locale: 'en' });
    expect(offers()).toEqual([{ contactId: 'c1', agentId: 'ann' }]);
    now += 14_999;
    router.tick();
    expect(offers()).toHaveLength(1);
    now += 1;
    router.tick();
    expect(decisions.some((d) => d.kind === 'offerLapsed' && d.agentId === 'ann')).toBe(true);
    expect(offers().at(-1)).toEqual({ contactId: 'c1', agentId: 'bob' });
    expect(router.agent('ann')).toMatchObject({ state: 'break', reason: 'missed offer' });
    expect(() => router.accept('ann', 'c1')).toThrow(RoutingRefusal);
  });

  it('sends a declined contact to the next agent at once', () => {
    router.setAgent(agent('ann'));
    router.setAgent(agent('bob'));
    online('ann', 'bob');
    router.enqueue({ contactId: 'c1', queueId: 'general', locale: 'en' });
    router.decline('ann', 'c1');
    expect(offers().map((o) => o.agentId)).toEqual(['ann', 'bob']);
  });

  it('fills every chat slot, reports busy when full and available again when one frees', () => {
    router.setAgent(agent('ann', { maxChats: 2 }));
    online('ann');
    router.enqueue({ contactId: 'c1', queueId: 'general', locale: 'en' });
    router.accept('ann', 'c1');
    router.enqueue({ contactId: 'c2', queueId: 'general', locale: 'en' });
    router.accept('ann', 'c2');
    expect(router.agent('ann')?.state).toBe('busy');
    router.enqueue({ contactId: 'c3', queueId: 'general', locale: 'en' });
    expect(router.waiting('c3')?.offer).toBeUndefined();
    router.release('ann', 'c1', { afterCallWorkMs: 30_000 });
    expect(router.agent('ann')?.state).toBe('available');
    expect(offers().at(-1)).toEqual({ contactId: 'c3', agentId: 'ann' });
  });

  it('keeps an agent in after-call work for its timer, then offers again', () => {
    router.setAgent(agent('ann'));
    online('ann');
    router.enqueue({ contactId: 'c1', queueId: 'general', locale: 'en' });
    router.accept('ann', 'c1');
    router.release('ann', 'c1', { afterCallWorkMs: 30_000 });
    router.enqueue({ contactId: 'c2', queueId: 'general', locale: 'en' });
    expect(router.agent('ann')?.state).toBe('afterCallWork');
    now += 29_000;
    router.tick();
    expect(router.waiting('c2')?.offer).toBeUndefined();
    now += 1000;
    router.tick();
    expect(router.agent('ann')?.state).toBe('available');
    expect(offers().at(-1)).toEqual({ contactId: 'c2', agentId: 'ann' });
  });

  it('ends after-call work early when the agent wraps up', () => {
    router.setAgent(agent('ann'));
    online('ann');
    router.enqueue({ contactId: 'c1', queueId: 'general', locale: 'en' });
    router.accept('ann', 'c1');
    router.release('ann', 'c1', { afterCallWorkMs: 30_000 });
    router.endAfterCallWork('ann');
    expect(router.agent('ann')?.state).toBe('available');
  });

  it('overflows past the maximum wait to the overflow queue, keeping the contact’s age', () => {
    router.setQueue(queue('overflow'));
    router.setQueue(queue('general', { maxWaitSeconds: 60, overflow: { kind: 'queue', queueId: 'overflow' } }));
    router.enqueue({ contactId: 'c1', queueId: 'general', locale: 'en' });
    const enqueuedAt = now;
    now += 60_000;
    router.tick();
    expect(router.waiting('c1')).toMatchObject({ queueId: 'overflow', enqueuedAt });
    expect(decisions.find((d) => d.kind === 'overflowed')).toMatchObject({ why: 'maxWait' });
  });

  it('overflows a closed queue to its target at once', () => {
    router.setQueue(
      queue('general', {
        hours: { timeZone: 'Asia/Seoul', days: [{ day: 'Mon', open: '09:00', close: '18:00' }] },
        overflow: { kind: 'callback' },
      }),
    );
    now = Date.UTC(2026, 11, 7, 10, 0, 0); // Monday 19:00 in Seoul
    router.enqueue({ contactId: 'c1', queueId: 'general', locale: 'en' });
    expect(router.waiting('c1')).toBeUndefined();
    expect(decisions.at(-1)).toMatchObject({ kind: 'overflowed', why: 'closed', target: { kind: 'callback' } });
  });

  it('counts position and estimates the wait from the staffed capacity', () => {
    router.setAgent(agent('ann', { maxChats: 2 }));
    router.enqueue({ contactId: 'c1', queueId: 'general', locale: 'en' });
    router.enqueue({ contactId: 'c2', queueId: 'general', locale: 'en' });
    expect(router.position('c2')).toEqual({ position: 2, estimatedWaitSeconds: 240 });
    router.setState('ann', 'break', 'lunch');
    expect(router.position('c2')).toEqual({ position: 2, estimatedWaitSeconds: 120 });
    router.abandon('c1');
    expect(router.position('c2')?.position).toBe(1);
    expect(decisions.some((d) => d.kind === 'abandoned' && d.contactId === 'c1')).toBe(true);
  });

  it('moves a waiting contact to another queue and offers it there', () => {
    router.setQueue(queue('cards'));
    router.setAgent(agent('carol', { queues: ['cards'] }));
    online('carol');
    router.enqueue({ contactId: 'c1', queueId: 'general', locale: 'en' });
    expect(offers()).toEqual([]);
    router.move('c1', 'cards');
    expect(offers()).toEqual([{ contactId: 'c1', agentId: 'carol' }]);
  });

  it('hands a contact to a named agent only when that agent has room', () => {
    router.setAgent(agent('ann'));
    router.setAgent(agent('bob'));
    online('ann');
    router.enqueue({ contactId: 'c1', queueId: 'general', locale: 'en' });
    router.accept('ann', 'c1');
    expect(() => router.handOver('ann', 'bob', 'c1')).toThrow(/not available/);
    online('bob');
    router.handOver('ann', 'bob', 'c1');
    expect(router.agent('bob')?.contacts.has('c1')).toBe(true);
    expect(router.agent('ann')?.contacts.size).toBe(0);
  });

  it('refuses going offline with open contacts and unknown queues', () => {
    router.setAgent(agent('ann'));
    online('ann');
    router.enqueue({ contactId: 'c1', queueId: 'general', locale: 'en' });
    router.accept('ann', 'c1');
    expect(() => router.setState('ann', 'offline')).toThrow(/open contacts/);
    expect(() => router.enqueue({ contactId: 'c2', queueId: 'nope', locale: 'en' })).toThrow(/no queue "nope"/);
  });

  it('logs every decision with its reason', () => {
    router.setAgent(agent('ann'));
    online('ann');
    router.enqueue({ contactId: 'c1', queueId: 'general', locale: 'en' });
    expect(decisions.map((d) => d.kind)).toEqual(['agentState', 'enqueued', 'offered']);
    expect(decisions.at(-1)).toMatchObject({ why: expect.stringMatching(/idle 1 s, level 0, speaks en/) });
  });
});

describe('isQueueOpen', () => {
  const hours = { timeZone: 'America/New_York', days: [{ day: 'Mon' as const, open: '09:00', close: '17:00' }] };
  it('reads the hours in the queue’s own time zone', () => {
    expect(isQueueOpen(hours, Date.UTC(2026, 11, 7, 14, 0))).toBe(true); // 09:00 in New York
    expect(isQueueOpen(hours, Date.UTC(2026, 11, 7, 13, 59))).toBe(false);
    expect(isQueueOpen(hours, Date.UTC(2026, 11, 7, 22, 0))).toBe(false); // 17:00 closes
    expect(isQueueOpen(undefined, 0)).toBe(true);
  });
});
