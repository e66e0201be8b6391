import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalCenterEvents } from '../agents/ContactCenterEvents.ts';
import { createGuardedFetch } from '../security/guardedFetch.ts';
import { startWebhookSink } from '../testing/startWebhookSink.ts';
import { AlertHub, type InsightAlert } from './AlertHub.ts';

// Issue 17, point 4: alerts cross processes through the live-event bus; the raising process alone posts webhooks.
let hooks: Awaited<ReturnType<typeof startWebhookSink>>;
let url = '';

beforeAll(async () => {
  hooks = await startWebhookSink();
  url = `${hooks.origin}/alerts`;
});
afterAll(async () => {
  await hooks.close();
});

function hub(): AlertHub {
  return new AlertHub({ fetch: createGuardedFetch({ allowPrivate: () => true }), logger: pino({ level: 'silent' }) });
}

describe('AlertHub (issue 17)', () => {
  it('hands an alert raised in one process to the subscribers of another once, posting its webhook once', async () => {
    // One bus shared by two hubs stands for the PostgreSQL bus between two processes.
    const bus = new LocalCenterEvents();
    const raising = hub();
    const other = hub();
    raising.connect(bus);
    other.connect(bus);
    const heard: { raising: InsightAlert[]; other: InsightAlert[] } = { raising: [], other: [] };
    raising.subscribe((alert) => heard.raising.push(alert));
    other.subscribe((alert) => heard.other.push(alert));
    const supervisors: unknown[] = [];
    bus.subscribe('supervisors', (event) => supervisors.push(event));

    const alert = {
      sessionId: 's1',
      flowId: 'bank',
      channel: 'chat',
      category: 'complaint',
      ruleIds: ['c'],
      at: 'now',
    };
    raising.publish(alert, [url]);
    expect(heard.raising).toEqual([expect.objectContaining({ ...alert, id: 1 })]);
    expect(heard.other).toEqual([expect.objectContaining({ ...alert, id: 1, key: heard.raising[0]?.key })]);
    expect(supervisors).toEqual([{ type: 'insightAlert', alert: expect.objectContaining(alert) }]);
    // A bus that also echoes to its sender (as NOTIFY does) does not show the alert twice.
    bus.publish('supervisors', supervisors[0] as { type: string });
    expect(heard.raising).toHaveLength(1);
    expect(heard.other).toHaveLength(1);
    await expect.poll(() => hooks.received.length).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(hooks.received).toHaveLength(1);
    // A reconnecting subscriber of the other process resumes after the id it saw.
    const resumed: InsightAlert[] = [];
    other.subscribe((a) => resumed.push(a), 0);
    expect(resumed.map((a) => a.sessionId)).toEqual(['s1']);
    raising.close();
    other.close();
  });

  it('ignores bus events that are not well-formed alerts', () => {
    const bus = new LocalCenterEvents();
    const listening = hub();
    listening.connect(bus);
    bus.publish('supervisors', { type: 'insightAlert', alert: { sessionId: 5 } });
    bus.publish('supervisors', { type: 'other' });
    expect(listening.recent()).toEqual([]);
  });
});
