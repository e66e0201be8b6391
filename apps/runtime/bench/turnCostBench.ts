// `npx tsx bench/turnCostBench.ts`: CPU time of one turn inside the runtime, without HTTP, split into its parts
// (engine, snapshot, seal, store), so a slow p99 can be pinned on the code or on the machine. Not a test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createBuiltInRegistry, FlowSession } from '@omniflow/flow-engine';
import { pino } from 'pino';
import { RuntimeMetrics } from '../src/observability/RuntimeMetrics.ts';
import { FlowCompiler } from '../src/sessions/FlowCompiler.ts';
import { SessionService } from '../src/sessions/SessionService.ts';
import { SnapshotCipher } from '../src/sessions/SnapshotCipher.ts';
import { SqliteFlowStore } from '../src/store/SqliteFlowStore.ts';
import { benchMenuLoop } from './benchMenuLoop.ts';
import { noSubflows } from '../src/testing/noSubflows.ts';

const TURNS = Number(process.env['BENCH_TURNS'] ?? 20_000);
const SESSIONS = 256;
const dataDir = mkdtempSync(join(tmpdir(), 'omniflow-turncost-'));
// The contact-search indexer runs on its own below, so the turn rows hold only the turn's own work.
const store = SqliteFlowStore.open(dataDir, { contactIndexIntervalMs: 3_600_000 });
const registry = createBuiltInRegistry();
const compiler = new FlowCompiler(store, registry);
const cipher = new SnapshotCipher(randomBytes(32));
// Production logs at info (buffered, asynchronous; a turn's own line is at debug since issue 13); here into /dev/null.
const logger = pino({ level: 'info' }, pino.destination({ dest: '/dev/null', sync: false, minLength: 4096 }));
const sessions = new SessionService({
  store,
  compiler,
  logger,
  metrics: new RuntimeMetrics(async () => 0, { defaultMetrics: false }),
  secrets: () => undefined,
  cipher,
});
await store.createFlow('bench', 'bench', benchMenuLoop);
await store.publish('bench', noSubflows(benchMenuLoop), 'bench', 'bench');

/** CPU microseconds per operation of `work`, run `n` times (awaited one by one). */
async function cpuPerOp(n: number, work: (i: number) => unknown): Promise<number> {
  for (let i = 0; i < Math.min(2000, n); i++) await work(i);
  const before = process.cpuUsage();
  for (let i = 0; i < n; i++) await work(i);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / n;
}

try {
  const ids: string[] = [];
  for (let i = 0; i < SESSIONS; i++) ids.push((await sessions.start({ flowId: 'bench', channel: 'chat' })).sessionId);
  const text = (i: number) => ({ type: 'text' as const, text: i % 2 ? '1' : '2' });

  store.contacts.indexPending();
  const full = await cpuPerOp(TURNS, (i) => sessions.input(ids[i % SESSIONS] ?? '', text(i)));
  const indexStart = process.cpuUsage();
  store.contacts.indexPending();
  const indexed = process.cpuUsage(indexStart);
  // The warm-up turns of cpuPerOp were indexed too: 2000 of them plus the TURNS measured.
  const indexPerTurn = (indexed.user + indexed.system) / (TURNS + Math.min(2000, TURNS));
  const concurrent = await (async () => {
    const before = process.cpuUsage();
    for (let i = 0; i < TURNS; i += SESSIONS) await Promise.all(ids.map((id, j) => sessions.input(id, text(i + j))));
    const used = process.cpuUsage(before);
    return (used.user + used.system) / TURNS;
  })();

  const compiled = await compiler.version('bench', 1);
  const { session } = await FlowSession.start(compiled, { sessionId: 'probe', channel: 'chat' });
  const engine = await cpuPerOp(TURNS, (i) => session.send(text(i)));
  const snapshot = await cpuPerOp(TURNS, () => session.snapshot());
  const sample = session.snapshot();
  const json = await cpuPerOp(TURNS, () => JSON.stringify(sample));
  const seal = await cpuPerOp(TURNS, (i) => cipher.seal(sample, { sessionId: 'probe', turn: i }));
  const child = logger.child({ sessionId: 'probe', flowId: 'bench', version: 1 });
  const log = await cpuPerOp(TURNS, () =>
    child.info({ channel: 'chat', input: 'text', status: 'active', nodeId: 'menu', outputs: 2 }, 'turn'),
  );
  const head = await cpuPerOp(TURNS, (i) => store.getSession(ids[i % SESSIONS] ?? '', { snapshot: false }));
  const mark = await cpuPerOp(TURNS, () => store.sessionsMark());

  const rows: [string, number][] = [
    ['whole turn, one at a time (SessionService.input: head check, engine, snapshot, seal, commit)', full],
    [`whole turn, ${SESSIONS} at once (group commit)`, concurrent],
    ['  contact search text index of one turn (batched every second, off the turn path)', indexPerTurn],
    ['  engine: FlowSession.send (menu answer, message, back to the menu)', engine],
    ['  engine: FlowSession.snapshot()', snapshot],
    [`  JSON.stringify of the snapshot (${JSON.stringify(sample).length} bytes)`, json],
    ['  seal (JSON + AES-256-GCM + base64url)', seal],
    ['  store: read the session head (turn counter; only when the session is not cached or may have moved on)', head],
    ['  store: sessions mark (SQLite data_version), what a cached session checks instead', mark],
    ['  a log line at info (pino), what each turn paid before its line moved to debug', log],
  ];
  process.stdout.write(
    `\nCPU per turn inside the runtime (no HTTP), ${TURNS} turns over ${SESSIONS} sessions, SQLite WAL synchronous=NORMAL\n\n`,
  );
  const width = Math.max(...rows.map((r) => r[0].length));
  for (const [name, us] of rows) process.stdout.write(`${name.padEnd(width)}  ${us.toFixed(1).padStart(7)} µs\n`);
} finally {
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
}
