import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPostgres, type TestPostgres } from '../testing/startTestPostgres.ts';
import { PostgresFlowStore } from '../store/PostgresFlowStore.ts';
import { SqliteFlowStore } from '../store/SqliteFlowStore.ts';
import type { ContactRecord } from './deriveContact.ts';
import { InsightsStore, type ContactInsights } from './InsightsStore.ts';
import { postgresRunner, sqliteRunner } from './SqlRunner.ts';

function insights(id: string, day: string, patch: Partial<ContactRecord>, categories: string[] = []): ContactInsights {
  const contact: ContactRecord = {
    sessionId: id,
    flowId: 'bank',
    version: 1,
    channel: 'chat',
    locale: 'en-US',
    day,
    startedAt: `${day}T10:00:00.000Z`,
    endedAt: `${day}T10:02:00.000Z`,
    outcome: 'completed',
    contained: true,
    transferQueue: null,
    transferReason: null,
    endNode: 'bye',
    turns: 2,
    durationSeconds: 120,
    sentiment: 0.5,
    agentId: null,
    handleSeconds: null,
    facts: { locale: 'en-US', path: [], transactions: [], transcript: [] },
    nodes: [
      { nodeId: 'menu', visits: 1, noMatch: 1, noInput: 0, dropped: 0, millis: 4000 },
      { nodeId: 'bye', visits: 1, noMatch: 0, noInput: 0, dropped: 0, millis: 1000 },
    ],
    ...patch,
  };
  const score = contact.outcome === 'completed' ? 100 : 50;
  return {
    contact,
    categories,
    summary: { reason: 'menu: 1', actions: [], outcome: contact.outcome, openItems: [] },
    qa: {
      criteria: {
        greeting: true,
        verificationBeforeDisclosure: null,
        compliancePhrase: null,
        noCardSpoken: true,
        resolved: score === 100,
      },
      score,
    },
  };
}

/** The same checks on both databases: what is stored is what the dashboards count. */
function describeInsightsStore(name: string, open: () => Promise<{ store: InsightsStore; close(): Promise<void> }>) {
  describe(`InsightsStore on ${name} (issue 17)`, () => {
    let opened: { store: InsightsStore; close(): Promise<void> };
    beforeAll(async () => {
      opened = await open();
      await opened.store.saveContacts([
        insights('a', '2026-12-01', {}, ['balance']),
        insights('b', '2026-12-01', { channel: 'voice', sentiment: -0.5 }, ['balance', 'complaint']),
        insights(
          'c',
          '2026-12-02',
          {
            outcome: 'transferred',
            contained: false,
            transferQueue: 'care',
            transferReason: 'escalation:angry',
            sentiment: null,
            agentId: 'mei',
            handleSeconds: 90,
          },
          ['complaint'],
        ),
        insights('d', '2026-12-02', {
          outcome: 'abandoned',
          nodes: [{ nodeId: 'menu', visits: 1, noMatch: 0, noInput: 1, dropped: 1, millis: 9000 }],
        }),
        insights('e', '2026-11-01', { flowId: 'other' }),
        insights('f', '2026-10-05', {
          flowId: 'desk',
          outcome: 'transferred',
          contained: false,
          transferQueue: 'care',
          agentId: 'mei',
          handleSeconds: 30,
          sentiment: -0.4,
        }),
        insights('g', '2026-10-05', {
          flowId: 'desk',
          outcome: 'transferred',
          contained: false,
          transferQueue: 'cards',
          agentId: 'jisoo',
          handleSeconds: 200,
          sentiment: 0.2,
        }),
      ]);
      // Saving a contact again replaces it, categories and node figures included.
      await opened.store.saveContact(insights('a', '2026-12-01', {}, ['balance']));
    }, 60_000);
    afterAll(async () => {
      await opened?.close();
    });

    it('counts contacts per day, channel and outcome, containment, reasons, sentiment and categories', async () => {
      const dashboard = await opened.store.dashboard({ from: '2026-12-01', to: '2026-12-31' });
      expect(dashboard).toEqual({
        volume: [
          { day: '2026-12-01', channel: 'chat', outcome: 'completed', contacts: 1 },
          { day: '2026-12-01', channel: 'voice', outcome: 'completed', contacts: 1 },
          { day: '2026-12-02', channel: 'chat', outcome: 'abandoned', contacts: 1 },
          { day: '2026-12-02', channel: 'chat', outcome: 'transferred', contacts: 1 },
        ],
        containment: { contacts: 4, contained: 3 },
        transferReasons: [{ reason: 'escalation:angry', contacts: 1 }],
        sentiment: [
          { day: '2026-12-01', average: 0, contacts: 2 },
          { day: '2026-12-02', average: 0.5, contacts: 1 },
        ],
        topCategories: [
          { category: 'balance', contacts: 2 },
          { category: 'complaint', contacts: 2 },
        ],
      });
      const other = await opened.store.dashboard({ from: '2026-01-01', to: '2026-12-31', flowId: 'other' });
      expect(other.containment).toEqual({ contacts: 1, contained: 1 });
    });

    it('sums per node figures of a version over a range', async () => {
      const nodes = await opened.store.nodeAnalytics('bank', 1, { from: '2026-12-01', to: '2026-12-31' });
      expect(nodes).toEqual([
        { nodeId: 'bye', visits: 3, dropOffs: 0, noMatch: 0, noInput: 0, averageSeconds: 1 },
        { nodeId: 'menu', visits: 4, dropOffs: 1, noMatch: 3, noInput: 1, averageSeconds: 5.25 },
      ]);
    });

    it('averages QA per day, flow and queue, and reads a contact back', async () => {
      const qa = await opened.store.qaTrend({ from: '2026-12-02', to: '2026-12-02' });
      expect(qa).toEqual([
        { day: '2026-12-02', flowId: 'bank', queue: null, agentId: null, contacts: 1, averageScore: 50 },
        { day: '2026-12-02', flowId: 'bank', queue: 'care', agentId: 'mei', contacts: 1, averageScore: 50 },
      ]);
      expect(await opened.store.getContact('c')).toMatchObject({
        outcome: 'transferred',
        contained: false,
        categories: ['complaint'],
        summary: { reason: 'menu: 1' },
        qa: { score: 50 },
        startedAt: '2026-12-02T10:00:00.000Z',
      });
    });

    it('sums the figures per agent: contacts handled, handle time, QA and sentiment', async () => {
      const agents = await opened.store.agents({ from: '2026-10-01', to: '2026-12-31' });
      expect(agents).toEqual([
        { agentId: 'mei', handled: 2, averageHandleSeconds: 60, averageQaScore: 50, averageSentiment: -0.4 },
        { agentId: 'jisoo', handled: 1, averageHandleSeconds: 200, averageQaScore: 50, averageSentiment: 0.2 },
      ]);
      expect(await opened.store.agents({ from: '2026-12-02', to: '2026-12-02' })).toEqual([
        { agentId: 'mei', handled: 1, averageHandleSeconds: 90, averageQaScore: 50, averageSentiment: null },
      ]);
      expect(await opened.store.getContact('f')).toMatchObject({ agentId: 'mei', handleSeconds: 30 });
    });

    it('lets exactly one caller claim an alert of a contact and category', async () => {
      const claims = await Promise.all([1, 2, 3].map(() => opened.store.claimAlert('live-1', 'complaint')));
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await opened.store.claimAlert('live-1', 'fraud')).toBe(true);
      expect(await opened.store.claimAlert('live-2', 'complaint')).toBe(true);
    });

    it('stores rules per scope and replaces them', async () => {
      await opened.store.putRules('*', { rules: [] });
      await opened.store.putRules('*', { rules: [{ id: 'x' }] });
      expect(await opened.store.getRules('*')).toEqual({ rules: [{ id: 'x' }] });
      expect(await opened.store.getRules('bank')).toBeUndefined();
    });
  });
}

describeInsightsStore('SQLite', async () => {
  const flows = SqliteFlowStore.open(':memory:');
  return { store: new InsightsStore(sqliteRunner(flows.database)), close: () => flows.close() };
});

let server: TestPostgres | undefined;
describeInsightsStore('PostgreSQL 15', async () => {
  server = await startTestPostgres();
  const flows = await PostgresFlowStore.open(server.url);
  return {
    store: new InsightsStore(postgresRunner(flows.pool)),
    close: async () => {
      await flows.close();
      await server?.stop();
    },
  };
});
