// Part of `pnpm bench` (issue 18): a campaign of OMNIFLOW_CAMPAIGN_BENCH_CONTACTS (10,000) contacts on the line
// simulator with 20 lines, on one runtime started in this process (SQLite, the real runner and claims).
// What is real: the store, the claims, pacing, windows, leases, the simulator's durable key log; every 200th contact
// answers through the real voice gateway (TTS, the flow, a key press); the others are scripted ring-no-answer calls of
// OMNIFLOW_SIMULATOR_RING_MS (200 ms) that the simulator ends without audio, to keep 10,000 calls within minutes.
// Contacts are split between a zone whose window is open now (Asia/Seoul) and one whose window is closed all run
// (America/New_York, 13–14 hours away). Prints progress, then three ratios: the measured start rate over the
// configured one (target 1 ± 0.05), calls placed outside a contact's window (target 0), and heap at the end over heap
// at a quarter of the run (flat: target below 1.2). Exits 1 when a target is missed. Run with --expose-gc.
// OMNIFLOW_CAMPAIGN_BENCH_STORE=postgres runs the same campaign on a PostgreSQL 15 it starts (campaign tables in
// PostgreSQL, the due attempts as pg-boss jobs) instead of the default SQLite.
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isWindowOpen } from '../src/campaigns/callingWindow.ts';
import { publishReminder } from '../src/campaigns/campaignTestKit.ts';
import { loadConfig } from '../src/config/loadConfig.ts';
import { startRuntime } from '../src/startRuntime.ts';
import { jsonClient } from '../src/testing/jsonClient.ts';
import { startTestPostgres } from '../src/testing/startTestPostgres.ts';

const CONTACTS = Number(process.env['OMNIFLOW_CAMPAIGN_BENCH_CONTACTS'] ?? 10_000);
const LINES = 20;
const RATE = Number(process.env['OMNIFLOW_CAMPAIGN_BENCH_CPS'] ?? 20);
const ADMIN = 'campaign-bench-admin-0123456789';
const OPEN_ZONE = 'Asia/Seoul';
const CLOSED_ZONE = 'America/New_York';

const dataDir = mkdtempSync(join(tmpdir(), 'omniflow-campaign-bench-'));
const postgres = process.env['OMNIFLOW_CAMPAIGN_BENCH_STORE'] === 'postgres' ? await startTestPostgres() : undefined;
const runtime = await startRuntime(
  loadConfig({
    ...(postgres
      ? { STORE: 'postgres', DATABASE_URL: postgres.url, OMNIFLOW_SNAPSHOT_KEY: randomBytes(32).toString('base64') }
      : {}),
    PORT: '0',
    DATA_DIR: dataDir,
    OMNIFLOW_ADMIN_TOKEN: ADMIN,
    LOG_LEVEL: 'error',
    OMNIFLOW_PLUGINS: '',
    OMNIFLOW_RATE_LIMIT_MAX: '1000000000',
    OMNIFLOW_SIMULATOR_RING_MS: process.env['OMNIFLOW_SIMULATOR_RING_MS'] ?? '200',
  }),
);
const api = jsonClient(runtime.url, ADMIN);
let failed = false;
try {
  await publishReminder(api);
  const hour = Number(
    new Intl.DateTimeFormat('en-US', { timeZone: OPEN_ZONE, hour: 'numeric', hourCycle: 'h23' }).format(new Date()),
  );
  const from = Math.max(0, Math.min(hour - 1, 21));
  const window = { start: `${String(from).padStart(2, '0')}:00`, end: `${String(from + 3).padStart(2, '0')}:00` };
  const schedule = {
    startAt: new Date(Date.now() - 60_000).toISOString(),
    endAt: new Date(Date.now() + 86_400_000).toISOString(),
    window,
  };
  const openCount = Math.round(CONTACTS * 0.8);
  const rows = ['name,phone,tz,sim'];
  for (let i = 0; i < CONTACTS; i++) {
    const open = i < openCount;
    const phone = open ? `+8210${String(10_000_000 + i)}` : `+1212${String(2_000_000 + i)}`;
    rows.push(`C${i},${phone},${open ? OPEN_ZONE : CLOSED_ZONE},${i % 200 === 0 ? 'press:1' : 'noAnswer'}`);
  }
  const created = await api('POST', '/api/campaigns', {
    name: 'bench',
    flowId: 'reminder',
    locale: 'en-US',
    defaultRegion: 'KR',
    schedule,
    pacing: { maxConcurrent: LINES, callsPerSecond: RATE },
    strategy: { rules: { noAnswer: { retryAfterMinutes: 60, maxAttempts: 1, smsFallback: false } } },
  });
  const id: string = created.body.campaign.id;
  const upload = await api('PUT', `/api/campaigns/${id}/list`, undefined, {
    raw: rows.join('\n'),
    headers: { 'content-type': 'text/csv' },
  });
  if (upload.body.contactCount !== CONTACTS) throw new Error(`list upload: ${upload.text.slice(0, 500)}`);
  console.log(
    `campaign bench (${postgres ? 'PostgreSQL, pg-boss' : 'SQLite'}): ${CONTACTS} contacts (${openCount} in ${OPEN_ZONE}, window ${window.start}–${window.end} local), ${LINES} lines, ${RATE} calls/s`,
  );

  const heap = (): number => {
    globalThis.gc?.();
    return process.memoryUsage().heapUsed / 1e6;
  };
  await api('POST', `/api/campaigns/${id}/start`);
  const started = Date.now();
  let quarterHeap: number | undefined;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const { progress } = (await api('GET', `/api/campaigns/${id}`)).body;
    const seconds = (Date.now() - started) / 1000;
    const done = progress.finished as number;
    const mb = heap();
    if (quarterHeap === undefined && done >= openCount / 4) quarterHeap = mb;
    console.log(
      `  ${seconds.toFixed(0)} s: ${done}/${openCount} callable contacts finished, ${progress.attempts} attempts, ${progress.inProgress} on a line, heap ${mb.toFixed(1)} MB`,
    );
    if (done >= openCount) break;
  }
  const endHeap = heap();

  const attempts = (await attemptRows(id)).map((row) => ({ at: Number(row.at), zones: String(row.zones) }));
  const config = (await api('GET', `/api/campaigns/${id}`)).body.campaign.config;
  const outside = attempts.filter((a) => !isWindowOpen(config.schedule, JSON.parse(a.zones), new Date(a.at))).length;
  const closedDialed = attempts.filter((a) => a.zones.includes(CLOSED_ZONE)).length;
  // Steady state: leave out the first and last 5% of starts (ramp-up, the tail).
  const skip = Math.floor(attempts.length * 0.05);
  const steady = attempts.slice(skip, attempts.length - skip);
  const first = steady[0]?.at ?? 0;
  const last = steady.at(-1)?.at ?? 0;
  const measured = ((steady.length - 1) * 1000) / Math.max(1, last - first);
  const pacing = measured / RATE;
  const gaps = steady.slice(1).map((a, i) => a.at - (steady[i]?.at ?? 0));
  const long = gaps.filter((g) => g > 2000 / RATE);
  console.log(`  starts later than two intervals: ${long.length} of ${gaps.length}`);
  const memory = endHeap / (quarterHeap ?? endHeap);
  console.log(
    `  pacing: ${measured.toFixed(2)} calls/s over ${RATE} configured = ${pacing.toFixed(3)} (target 0.95–1.05)`,
  );
  console.log(
    `  window: ${outside} of ${attempts.length} calls outside their window; ${closedDialed} calls to the closed zone (target 0)`,
  );
  console.log(
    `  memory: heap ${endHeap.toFixed(1)} MB at the end / ${(quarterHeap ?? endHeap).toFixed(1)} MB at a quarter = ${memory.toFixed(2)} (target < 1.2)`,
  );
  failed = pacing < 0.95 || pacing > 1.05 || outside > 0 || closedDialed > 0 || memory >= 1.2;
} finally {
  await runtime.close();
  await postgres?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
/** Every attempt's claim time and its contact's zones (JSON text), in claim order, from the store the runtime used. */
async function attemptRows(id: string): Promise<{ at: unknown; zones: unknown }[]> {
  const sql = `SELECT a.claimed_at AS at, c.time_zones AS zones FROM campaign_attempts a JOIN campaign_contacts c
     ON c.campaign_id = a.campaign_id AND c.seq = a.seq WHERE a.campaign_id = $1 ORDER BY a.claimed_at`;
  if (!postgres) {
    const db = new Database(join(dataDir, 'omniflow.db'), { readonly: true });
    try {
      return db.prepare(sql.replace('$1', '?')).all(id) as { at: unknown; zones: unknown }[];
    } finally {
      db.close();
    }
  }
  const client = new Client({ connectionString: postgres.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ at: string; zones: unknown }>(sql, [id]);
    return rows.map((row) => ({ at: row.at, zones: JSON.stringify(row.zones) }));
  } finally {
    await client.end();
  }
}

if (failed) {
  console.error('campaign bench: a target was missed');
  process.exitCode = 1;
}
