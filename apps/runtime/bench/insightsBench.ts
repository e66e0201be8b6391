// `pnpm --filter @omniflow/runtime exec tsx bench/insightsBench.ts` (part of `pnpm bench`): the dashboard and the
// canvas overlay's queries over a store of ≥ 100,000 finished contacts (issue 17), as ratios against a baseline
// measured in the same run on the same database: one plain scan that reads every contact's outcome once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InsightsStore, type ContactInsights } from '../src/insights/InsightsStore.ts';
import { sqliteRunner } from '../src/insights/SqlRunner.ts';
import { SqliteFlowStore } from '../src/store/SqliteFlowStore.ts';

const CONTACTS = Number(process.env['BENCH_CONTACTS'] ?? 100_000);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 15);
const DAYS = 90;
const FLOWS = ['card-activation', 'bank-main-menu', 'loan-status', 'flight-change', 'survey'];
const NODES = ['start', 'welcome', 'menu', 'askCard', 'activate', 'bye', 'agent'];
const OUTCOMES = ['completed', 'completed', 'completed', 'transferred', 'abandoned', 'error'];
const CHANNELS = ['chat', 'voice', 'dtmf'];
const AGENTS = ['mei', 'jisoo', 'alex', 'sam', 'li', 'minho'];
const CATEGORIES = ['complaint', 'fraud', 'card', 'balance', 'escalate', 'praise'];

/** A fixed-seed generator (mulberry32): the same store every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function contact(i: number, next: () => number): ContactInsights {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const ended = Date.UTC(2026, 8, 1) + Math.floor(next() * DAYS * 86_400_000);
  const outcome = pick(OUTCOMES);
  const steps = 3 + Math.floor(next() * 4);
  const nodes = NODES.slice(0, steps).map((nodeId, n) => ({
    nodeId,
    visits: 1 + (next() < 0.1 ? 1 : 0),
    noMatch: next() < 0.15 ? 1 : 0,
    noInput: next() < 0.05 ? 1 : 0,
    dropped: outcome === 'abandoned' && n === steps - 1 ? 1 : 0,
    millis: Math.floor(next() * 20_000),
  }));
  const day = new Date(ended).toISOString().slice(0, 10);
  return {
    contact: {
      sessionId: `s${i}`,
      flowId: pick(FLOWS),
      version: 1 + Math.floor(next() * 2),
      channel: pick(CHANNELS),
      locale: 'en-US',
      day,
      startedAt: new Date(ended - 120_000).toISOString(),
      endedAt: new Date(ended).toISOString(),
      outcome,
      contained: outcome !== 'transferred',
      transferQueue: outcome === 'transferred' ? 'cards' : null,
      transferReason: outcome === 'transferred' ? pick(['escalation:angry', 'intent:agent', 'To an agent']) : null,
      endNode: nodes.at(-1)?.nodeId ?? null,
      turns: steps,
      durationSeconds: 120,
      sentiment: next() < 0.8 ? Math.round((next() * 2 - 1) * 1000) / 1000 : null,
      agentId: outcome === 'transferred' ? pick(AGENTS) : null,
      handleSeconds: outcome === 'transferred' ? 60 + Math.floor(next() * 600) : null,
      facts: { locale: 'en-US', path: [], transactions: [], transcript: [] },
      nodes,
    },
    categories: CATEGORIES.filter(() => next() < 0.12),
    summary: { reason: 'menu: 1', actions: [], outcome, openItems: [] },
    qa: {
      criteria: {
        greeting: true,
        verificationBeforeDisclosure: null,
        compliancePhrase: null,
        noCardSpoken: true,
        resolved: outcome === 'completed',
      },
      score: outcome === 'completed' ? 100 : 67,
    },
  };
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function median(values: number[]): number {
  const sorted = values.toSorted((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const dir = mkdtempSync(join(tmpdir(), 'omniflow-insights-bench-'));
const flowStore = SqliteFlowStore.open(dir);
try {
  const sql = sqliteRunner(flowStore.database);
  const store = new InsightsStore(sql);
  const next = random(17);
  const started = Date.now();
  const BATCH = 5000;
  for (let from = 0; from < CONTACTS; from += BATCH) {
    const batch: ContactInsights[] = [];
    for (let i = from; i < Math.min(CONTACTS, from + BATCH); i++) batch.push(contact(i, next));
    await store.saveContacts(batch);
    process.stderr.write(`\rstoring contacts: ${Math.min(CONTACTS, from + BATCH)} / ${CONTACTS}`);
  }
  process.stderr.write(`\rstored ${CONTACTS} contacts in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);

  const month = { from: '2026-10-01', to: '2026-10-30' };
  const cases: { name: string; run: () => Promise<unknown> }[] = [
    // The baseline: what touching every contact once costs on this machine and database right now.
    { name: 'baseline: scan every contact', run: () => sql.all('SELECT outcome FROM contact_insights') },
    { name: 'dashboard, 30 days, all flows', run: () => store.dashboard(month) },
    { name: 'dashboard, 90 days, all flows', run: () => store.dashboard({ from: '2026-09-01', to: '2026-11-29' }) },
    { name: 'dashboard, 30 days, one flow', run: () => store.dashboard({ ...month, flowId: 'bank-main-menu' }) },
    { name: 'canvas overlay, 30 days, one version', run: () => store.nodeAnalytics('bank-main-menu', 1, month) },
    { name: 'QA trend, 30 days', run: () => store.qaTrend(month) },
    { name: 'agent figures, 30 days', run: () => store.agents(month) },
  ];
  const results = new Map<string, number[]>(cases.map((c) => [c.name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    // Interleaved rounds, so a busy moment on the shared machine hits every case alike.
    for (const c of cases) results.get(c.name)?.push(await timed(c.run));
    process.stderr.write(`\rround ${round + 1} / ${ROUNDS}`);
  }
  process.stderr.write('\n');
  const baseline = median(results.get(cases[0]?.name ?? '') ?? []);
  console.log(`insights queries over ${CONTACTS} contacts (SQLite, median of ${ROUNDS} rounds)`);
  console.table(
    cases.map((c) => {
      const ms = median(results.get(c.name) ?? []);
      return { query: c.name, 'median ms': ms.toFixed(1), 'ratio to baseline': (ms / baseline).toFixed(2) };
    }),
  );
} finally {
  await flowStore.close();
  rmSync(dir, { recursive: true, force: true });
}
