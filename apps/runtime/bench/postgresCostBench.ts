// `npx tsx bench/postgresCostBench.ts` (part of `pnpm bench`): CPU per turn of two runtime processes on one
// PostgreSQL 15 against one runtime on SQLite, the database's own processes included (issue 22, point 6), and the
// latency of an open-loop load of BENCH_RATE turns/s. Every input carries an Idempotency-Key, as the shipped clients
// send them. Not a test: it prints a table (progress on stderr).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgresRuntimeEnv, spawnRuntime, type SpawnedRuntime } from '../src/testing/spawnRuntime.ts';
import { startTestPostgres } from '../src/testing/startTestPostgres.ts';
import { benchMenuLoop } from './benchMenuLoop.ts';

const RATE = Number(process.env['BENCH_RATE'] ?? 500);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const SESSIONS = 200;
const ADMIN = 'bench-admin-token-0123456789';
const CLOCK_TICKS = 100; // USER_HZ on Linux (getconf CLK_TCK)
const agent = new Agent({ keepAlive: true, maxSockets: 64 });
const dirs: string[] = [];

/** user + system CPU seconds of a process so far, from /proc/<pid>/stat; 0 once it is gone. */
function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

/** The PostgreSQL server listening on `port` and its backends and helpers: every process under its postmaster. */
function postgresPids(port: string): number[] {
  const all = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number);
  const info = all.flatMap((pid) => {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      return [{ pid, ppid, cmd }];
    } catch {
      return [];
    }
  });
  const postmaster = info.find((p) => p.cmd[0]?.endsWith('/postgres') && p.cmd.includes(port));
  if (!postmaster) throw new Error(`no postgres server on port ${port}`);
  return [postmaster.pid, ...info.filter((p) => p.ppid === postmaster.pid).map((p) => p.pid)];
}

function post(base: string, path: string, body: unknown, key?: string): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const req = request(
      `${base}${path}`,
      {
        method: 'POST',
        agent,
        headers: {
          authorization: `Bearer ${ADMIN}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          ...(key ? { 'idempotency-key': key } : {}),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : undefined }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

interface Measured {
  turns: number;
  errors: number;
  p50: number;
  p99: number;
  runtimeCpu: number;
  databaseCpu: number;
}

/** Starts SESSIONS sessions, then sends RATE inputs/s for SECONDS round-robin over sessions and processes. */
async function measure(label: string, bases: string[], pids: () => { runtime: number[]; database: number[] }) {
  const first = bases[0] ?? '';
  await post(first, '/api/flows', { flow: benchMenuLoop });
  await post(first, '/api/flows/bench/publish', {});
  const ids: string[] = [];
  for (let i = 0; i < SESSIONS; i++)
    ids.push(
      sessionIdOf(
        (await post(bases[i % bases.length] ?? '', '/api/sessions', { flowId: 'bench', channel: 'chat' })).json,
      ),
    );

  let seq = 0;
  const send = (i: number) =>
    post(
      bases[i % bases.length] ?? '',
      `/api/sessions/${ids[i % SESSIONS]}/input`,
      {
        input: { type: 'text', text: i % 2 ? '1' : '2' },
      },
      `${label}-${seq++}`,
    );
  // Warm-up: JIT, pools, caches.
  for (let i = 0; i < 2000; i += 50) await Promise.all(Array.from({ length: 50 }, (_, j) => send(i + j)));
  const sum = (list: number[]) => list.reduce((total, pid) => total + cpuSeconds(pid), 0);
  const before = { runtime: sum(pids().runtime), database: sum(pids().database) };
  const latencies: number[] = [];
  let errors = 0;
  const total = RATE * SECONDS;
  const startedAt = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    // Open loop: each request leaves at its scheduled time, whether or not earlier ones were answered.
    const due = startedAt + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const sentAt = performance.now();
    inFlight.push(
      send(i).then(
        (reply) => {
          if (reply.status !== 200) errors += 1;
          latencies.push(performance.now() - Math.max(sentAt, due));
        },
        () => void (errors += 1),
      ),
    );
    if (i % RATE === 0) process.stderr.write(`  ${label}: ${i}/${total}\n`);
  }
  await Promise.all(inFlight);
  const after = { runtime: sum(pids().runtime), database: sum(pids().database) };
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return {
    turns: total,
    errors,
    p50: at(0.5),
    p99: at(0.99),
    runtimeCpu: ((after.runtime - before.runtime) / total) * 1e6,
    databaseCpu: ((after.database - before.database) / total) * 1e6,
  } satisfies Measured;
}

/** The session id of a `POST /api/sessions` reply. */
function sessionIdOf(json: unknown): string {
  const session: unknown = typeof json === 'object' && json !== null ? Reflect.get(json, 'session') : undefined;
  const id: unknown = typeof session === 'object' && session !== null ? Reflect.get(session, 'sessionId') : undefined;
  if (typeof id !== 'string') throw new Error(`no session started: ${JSON.stringify(json)}`);
  return id;
}

const runtimes: SpawnedRuntime[] = [];
const pg = await startTestPostgres();
try {
  process.stderr.write('SQLite: one runtime process\n');
  const sqliteDir = mkdtempSync(join(tmpdir(), 'omniflow-bench-sqlite-'));
  dirs.push(sqliteDir);
  const quiet = { LOG_LEVEL: 'warn', OMNIFLOW_RATE_LIMIT_MAX: '1000000' };
  const sqlite = await spawnRuntime({
    DATA_DIR: sqliteDir,
    OMNIFLOW_ADMIN_TOKEN: ADMIN,
    OMNIFLOW_PLUGINS: '',
    ...quiet,
  });
  runtimes.push(sqlite);
  const sqlitePid = sqlite.child.pid ?? 0;
  const onSqlite = await measure('sqlite', [sqlite.url], () => ({ runtime: [sqlitePid], database: [] }));
  await sqlite.stop();

  process.stderr.write('PostgreSQL: two runtime processes\n');
  const key = randomBytes(32).toString('base64');
  const started: SpawnedRuntime[] = [];
  for (let i = 0; i < 2; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'omniflow-bench-pg-'));
    dirs.push(dir);
    const env = postgresRuntimeEnv({ databaseUrl: pg.url, dataDir: dir, adminToken: ADMIN, snapshotKey: key });
    started.push(await spawnRuntime({ ...env, ...quiet }));
  }
  runtimes.push(...started);
  const port = new URL(pg.url).port;
  const onPostgres = await measure(
    'postgres',
    started.map((r) => r.url),
    () => ({ runtime: started.map((r) => r.child.pid ?? 0), database: postgresPids(port) }),
  );

  const row = (name: string, m: Measured) =>
    `| ${name} | ${m.runtimeCpu.toFixed(0)} | ${m.databaseCpu.toFixed(0)} | ${(m.runtimeCpu + m.databaseCpu).toFixed(0)} | ${m.p50.toFixed(1)} | ${m.p99.toFixed(1)} | ${m.errors} |`;
  const ratio = (onPostgres.runtimeCpu + onPostgres.databaseCpu) / (onSqlite.runtimeCpu + onSqlite.databaseCpu);
  console.log(`\nOpen loop, ${RATE} turns/s for ${SECONDS} s, ${SESSIONS} sessions, keyed inputs, logs at warn`);
  console.log('| store | runtime CPU µs/turn | database CPU µs/turn | total µs/turn | p50 ms | p99 ms | errors |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  console.log(row('SQLite, 1 process', onSqlite));
  console.log(row('PostgreSQL, 2 processes', onPostgres));
  console.log(`PostgreSQL / SQLite CPU per turn: ${ratio.toFixed(2)}× (target ≤ 1.5×); p99 target < 20 ms`);
} finally {
  for (const r of runtimes) await r.stop();
  await pg.stop();
  agent.destroy();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}
