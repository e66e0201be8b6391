// `pnpm bench`: chat turns over HTTP against the runtime (every snapshot persisted) vs a bare express echo and
// Node-RED 4 answering the same menu turn statelessly. The servers run in child processes; this process is the load
// generator. Prints progress to stderr and a table to stdout; not a test.
import { spawn, type ChildProcess } from 'node:child_process';
import { request, Agent } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { startIdleProbe } from './idleProbe.ts';
import type { ServerStats } from './processStats.ts';

type LoadResult = Awaited<ReturnType<typeof autocannon>>;

const SESSIONS_OPEN_LOOP = 1000;
const TURN_INTERVAL_MS = 2000;
const OPEN_LOOP_SECONDS = Number(process.env['BENCH_OPEN_LOOP_SECONDS'] ?? 8);
const OPEN_LOOP_ROUNDS = Number(process.env['BENCH_OPEN_LOOP_ROUNDS'] ?? 3);
const WARMUP_SECONDS = 3;
// e.g. BENCH_SERVER_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" or "--trace-gc" to look inside the server process.
const SERVER_ARGS = (process.env['BENCH_SERVER_ARGS'] ?? '').split(' ').filter((a) => a.length > 0);
const MAX_SECONDS = Number(process.env['BENCH_SECONDS'] ?? 12);
// More rounds give a steadier median when other work shares the machine.
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const IDLE_SESSIONS = 2000;
// e.g. BENCH_PHASES=open to profile the open loop alone; the table then shows only the rows of the phases run.
const PHASES = new Set((process.env['BENCH_PHASES'] ?? 'throughput,open,memory').split(','));
const TURN_BODY = (text: string) => JSON.stringify({ input: { type: 'text', text } });

const benchStarted = performance.now();
/** One progress line on stderr, so that a run of several minutes shows where it is. */
const progress = (step: string): void =>
  void process.stderr.write(
    `[bench ${((performance.now() - benchStarted) / 1000).toFixed(0).padStart(3)} s] ${step}\n`,
  );

/** Starts a bench server script in a child process and resolves with the JSON line it prints once it listens. */
function startServerProcess<T>(
  script: string,
  firstKey: string,
  args: string[] = [],
): Promise<{ child: ChildProcess; info: T }> {
  const child = spawn(process.execPath, [...args, '--import', 'tsx', fileURLToPath(new URL(script, import.meta.url))], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let buffer: string | null = '';
    // The runtime logs at info, as in production (a turn's line is at debug); once the URLs are known the lines are discarded.
    child.stdout?.on('data', (chunk: Buffer) => {
      if (buffer === null) return;
      buffer += chunk.toString();
      const line = buffer.split('\n').find((l) => l.startsWith(`{"${firstKey}"`));
      if (line) {
        buffer = null;
        resolve({ child, info: JSON.parse(line) });
      }
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

const startLoad = loadavg();
progress('starting the runtime (with the echo servers) and Node-RED, each in a process of its own');
const [
  {
    child: server,
    info: { runtimeUrl, echoUrl, nodeEchoUrl, token },
  },
  {
    child: nodeRedProcess,
    info: { nodeRedUrl, statsUrl: nodeRedStatsUrl },
  },
] = await Promise.all([
  startServerProcess<{ runtimeUrl: string; echoUrl: string; nodeEchoUrl: string; token: string }>(
    './benchServer.ts',
    'runtimeUrl',
    [...SERVER_ARGS, '--expose-gc'],
  ),
  startServerProcess<{ nodeRedUrl: string; statsUrl: string }>('./nodeRedServer.ts', 'nodeRedUrl'),
]);
const probe = startIdleProbe();

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
        fetch(`${runtimeUrl}/api/sessions`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ flowId: 'bench', channel: 'chat' }),
        }).then((r) => r.json() as Promise<{ session: { sessionId: string } }>),
      ),
    );
    ids.push(...batch.map((b) => b.session.sessionId));
  }
  return ids;
}

// The runtime's process serves its stats beside the echoes; Node-RED's process on a port of its own.
const resetServerStats = (base = echoUrl) => fetch(`${base}/stats/reset`, { method: 'POST' }).then((r) => r.json());
const serverStats = (base = echoUrl) => fetch(`${base}/stats`).then((r) => r.json() as Promise<ServerStats>);

/** Where an open loop sends its turns: the runtime (a path per session) or Node-RED (one stateless URL). */
interface OpenLoopTarget {
  url: string;
  pathOf(session: string): string;
  statsUrl: string;
}
const RUNTIME_TARGET: OpenLoopTarget = {
  url: runtimeUrl,
  pathOf: (id) => `/api/sessions/${id}/input`,
  statsUrl: echoUrl,
};
const NODE_RED_TARGET: OpenLoopTarget = {
  url: nodeRedUrl,
  pathOf: () => new URL(nodeRedUrl).pathname,
  statsUrl: nodeRedStatsUrl,
};

/** One open-loop round: every session takes a turn every 2 s, latency counted from the scheduled send time. */
async function openLoopRound(
  sessions: string[],
  agent: Agent,
  seconds = OPEN_LOOP_SECONDS,
  to = RUNTIME_TARGET,
): Promise<{
  latencies: number[];
  failures: number;
  stats: ServerStats;
  generatorDelayP99: number;
  generatorDelayMax: number;
  machine: { p99: number; max: number };
}> {
  const latencies: number[] = [];
  let failures = 0;
  const target = new URL(to.url);
  await resetServerStats(to.statsUrl);
  probe.reset();
  // The generator's own event-loop delay: a late timer here would be blamed on the server.
  const generatorDelay = monitorEventLoopDelay({ resolution: 5 });
  generatorDelay.enable();
  const started = performance.now() + 100;
  const end = started + seconds * 1000;
  await new Promise<void>((resolveAll) => {
    let finished = 0;
    const fire = (id: string, due: number, turn: number): void => {
      if (due >= end) {
        finished += 1;
        if (finished === sessions.length) resolveAll();
        return;
      }
      setTimeout(
        () => {
          const body = TURN_BODY(turn % 2 ? '1' : '2');
          const req = request(
            {
              host: target.hostname,
              port: target.port,
              path: to.pathOf(id),
              method: 'POST',
              agent,
              headers: { ...headers, 'content-length': Buffer.byteLength(body) },
            },
            (res) => {
              res.resume();
              res.on('end', () => {
                if (res.statusCode === 200) latencies.push(performance.now() - due);
                else failures += 1;
                fire(id, due + TURN_INTERVAL_MS, turn + 1);
              });
            },
          );
          req.on('error', () => {
            failures += 1;
            fire(id, due + TURN_INTERVAL_MS, turn + 1);
          });
          req.end(body);
        },
        Math.max(0, due - performance.now()),
      );
    };
    sessions.forEach((id, i) => fire(id, started + (i * TURN_INTERVAL_MS) / sessions.length, 0));
  });
  generatorDelay.disable();
  const stats = await serverStats(to.statsUrl);
  const machine = await probe.read();
  latencies.sort((a, b) => a - b);
  return {
    latencies,
    failures,
    stats,
    generatorDelayP99: generatorDelay.percentile(99) / 1e6,
    generatorDelayMax: generatorDelay.max / 1e6,
    machine,
  };
}

const median = (values: number[]): number => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const pct = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

type Row = [string, string, string];
const ms = (n: number) => `${n.toFixed(1)} ms`;

/** A closed-loop round's load result and the CPU time its server process spent on it. */
interface Measured {
  load: LoadResult;
  stats: ServerStats;
}
const cpuMsPerRequest = (m: Measured): number => m.stats.cpuMs / (m.load.requests.total || 1);

/** 1. Maximum throughput, closed loop: autocannon with 64 connections, each request a turn of some session. */
async function throughputPhase(): Promise<Row[]> {
  // The four servers alternate in short rounds so that load from elsewhere on the machine hits them alike.
  progress('throughput: starting 256 sessions');
  const throughputSessions = await startSessions(256);
  let next = 0;
  const runtimeRound = (seconds: number) =>
    autocannon({
      url: runtimeUrl,
      connections: 64,
      duration: seconds,
      requests: [
        {
          method: 'POST',
          headers,
          setupRequest: (req) => ({
            ...req,
            path: `/api/sessions/${throughputSessions[next++ % throughputSessions.length]}/input`,
            body: TURN_BODY(next % 2 ? '1' : '2'),
          }),
        },
      ],
    });
  let nodeRedNext = 0;
  // Node-RED gets the same bodies (digits 1 and 2 in turn) and the same headers, token included, which it ignores.
  const nodeRedRound = (seconds: number) =>
    autocannon({
      url: nodeRedUrl,
      connections: 64,
      duration: seconds,
      requests: [
        {
          method: 'POST',
          headers,
          setupRequest: (req) => ({ ...req, body: TURN_BODY(nodeRedNext++ % 2 ? '1' : '2') }),
        },
      ],
    });
  const echoRound = (seconds: number) =>
    autocannon({
      url: `${echoUrl}/echo`,
      connections: 64,
      duration: seconds,
      method: 'POST',
      headers,
      body: TURN_BODY('1'),
    });
  const nodeEchoRound = (seconds: number) =>
    autocannon({
      url: `${nodeEchoUrl}/echo`,
      connections: 64,
      duration: seconds,
      method: 'POST',
      headers,
      body: TURN_BODY('1'),
    });
  const servers = [
    { name: 'express echo', run: echoRound, statsUrl: echoUrl },
    { name: 'node:http echo', run: nodeEchoRound, statsUrl: echoUrl },
    { name: 'Node-RED menu turn', run: nodeRedRound, statsUrl: nodeRedStatsUrl },
    { name: 'runtime chat turn', run: runtimeRound, statsUrl: echoUrl },
  ] as const;
  // Warm-up: JIT, SQLite page cache, sockets.
  for (const s of servers) {
    progress(`throughput warm-up: ${s.name}, ${WARMUP_SECONDS} s`);
    await s.run(WARMUP_SECONDS);
  }
  const turnTimeBefore = await serverTurnTime();
  const rounds: { echo: Measured; nodeEcho: Measured; nodeRed: Measured; turns: Measured }[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const measured: Measured[] = [];
    for (const s of servers) {
      progress(`throughput round ${round + 1}/${ROUNDS}: ${s.name}, ${(MAX_SECONDS / ROUNDS).toFixed(0)} s`);
      await resetServerStats(s.statsUrl);
      const load = await s.run(MAX_SECONDS / ROUNDS);
      measured.push({ load, stats: await serverStats(s.statsUrl) });
    }
    const [echo, nodeEcho, nodeRed, turns] = measured;
    if (!echo || !nodeEcho || !nodeRed || !turns)
      throw new Error('a throughput round measured fewer servers than it ran');
    rounds.push({ echo, nodeEcho, nodeRed, turns });
  }
  const ratioOf = (r: { echo: Measured; turns: Measured }) =>
    r.turns.load.requests.average / r.echo.load.requests.average;
  const ratios = rounds.map(ratioOf);
  const best = rounds.reduce((a, b) => (ratioOf(b) > ratioOf(a) ? b : a));
  const turnTimeAfter = await serverTurnTime();
  const serverMsPerTurn =
    ((turnTimeAfter.sum - turnTimeBefore.sum) / (turnTimeAfter.count - turnTimeBefore.count)) * 1000;
  // CPU time per request is far steadier than requests per second when other work shares the machine.
  const cpuMs = (pick: (r: (typeof rounds)[number]) => Measured) => median(rounds.map((r) => cpuMsPerRequest(pick(r))));
  const cpuMsPerTurn = cpuMs((r) => r.turns);
  const cpuMsPerEcho = cpuMs((r) => r.echo);
  const cpuMsPerNodeEcho = cpuMs((r) => r.nodeEcho);
  const cpuMsPerNodeRed = cpuMs((r) => r.nodeRed);
  const perSecond = (pick: (r: (typeof rounds)[number]) => Measured) =>
    median(rounds.map((r) => pick(r).load.requests.average));
  const nodeRedErrors = rounds.reduce((n, r) => n + r.nodeRed.load.errors + r.nodeRed.load.non2xx, 0);
  // Turns per CPU-second of the runtime over those of a baseline: the same as the baseline's CPU per request over the turn's.
  const perCpuSecond = (baselineCpuMs: number) => `${(baselineCpuMs / cpuMsPerTurn).toFixed(2)} ×`;
  const nodeRedRatio = cpuMsPerNodeRed / cpuMsPerTurn;
  // Per round, so that the spread says how far one run can be trusted when other work shares the machine.
  const nodeRedRatios = rounds.map((r) => cpuMsPerRequest(r.nodeRed) / cpuMsPerRequest(r.turns));
  return [
    [
      'bare express echo, max req/s (64 conns, best round)',
      best.echo.load.requests.average.toFixed(0),
      `median round ${perSecond((r) => r.echo).toFixed(0)}`,
    ],
    [
      'Node-RED 4 stateless menu turn, max req/s (64 conns, median round)',
      perSecond((r) => r.nodeRed).toFixed(0),
      `http-in → function → http-response; errors ${nodeRedErrors}`,
    ],
    [
      'runtime chat turns, max turns/s (64 conns, snapshot persisted)',
      best.turns.load.requests.average.toFixed(0),
      `median round ${perSecond((r) => r.turns).toFixed(0)}; errors ${rounds.reduce((n, r) => n + r.turns.load.errors + r.turns.load.non2xx, 0)}`,
    ],
    [
      `throughput ratio runtime / echo (best of ${ROUNDS} rounds)`,
      `${(Math.max(...ratios) * 100).toFixed(1)} %`,
      `${Math.max(...ratios) >= 0.5 ? 'target ≥ 50 %: met' : 'target ≥ 50 %: NOT met'}; median ${(median(ratios) * 100).toFixed(1)} %`,
    ],
    [
      'server CPU per request: express echo / node:http echo / Node-RED / runtime turn',
      `${[cpuMsPerEcho, cpuMsPerNodeEcho, cpuMsPerNodeRed, cpuMsPerTurn].map((v) => v.toFixed(3)).join(' / ')} ms`,
      'median round; steadier than req/s under outside load',
    ],
    [
      'turns per CPU-second: runtime / Node-RED menu turn',
      perCpuSecond(cpuMsPerNodeRed),
      `${nodeRedRatio >= 1.2 ? 'target ≥ 1.2 ×: met' : 'target ≥ 1.2 ×: NOT met'}; rounds ${nodeRedRatios.map((v) => v.toFixed(2)).join(' / ')}; req/s ratio (median round) ${(perSecond((r) => r.turns) / perSecond((r) => r.nodeRed)).toFixed(2)} ×`,
    ],
    [
      'turns per CPU-second: runtime / express echo',
      perCpuSecond(cpuMsPerEcho),
      `req/s ratio (median round) ${(perSecond((r) => r.turns) / perSecond((r) => r.echo)).toFixed(2)} ×`,
    ],
    [
      'turns per CPU-second: runtime / bare node:http echo',
      perCpuSecond(cpuMsPerNodeEcho),
      `req/s ratio (median round) ${(perSecond((r) => r.turns) / perSecond((r) => r.nodeEcho)).toFixed(2)} ×`,
    ],
    [
      'server time inside a turn (engine + store), mean',
      ms(serverMsPerTurn),
      'from omniflow_turn_duration_seconds (includes waiting for the loop)',
    ],
    [
      'runtime p99 latency at max throughput (best round)',
      ms(best.turns.load.latency.p99),
      `p50 ${ms(best.turns.load.latency.p50)}`,
    ],
  ];
}

/** 2. Open loop: 1,000 sessions each taking a turn every 2 s (500 turns/s), several rounds. */
async function openLoopPhase(): Promise<Row[]> {
  progress(`open loop: starting ${SESSIONS_OPEN_LOOP} sessions`);
  const openSessions = await startSessions(SESSIONS_OPEN_LOOP);
  // One keep-alive pool for every pass, as long-lived clients (a chat gateway, a load balancer) keep their connections:
  // the warm-up opens them, so the counted rounds measure turns rather than TCP and HTTP connection set-up.
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  // A warm-up pass (new keep-alive sockets, the open-loop path's JIT, garbage left by the closed loop), shown apart.
  progress(`open loop warm-up: runtime, ${WARMUP_SECONDS} s`);
  const warmOpen = await openLoopRound(openSessions, agent, WARMUP_SECONDS);
  const openRounds = [];
  for (let round = 0; round < OPEN_LOOP_ROUNDS; round++) {
    progress(`open loop round ${round + 1}/${OPEN_LOOP_ROUNDS}: runtime, ${OPEN_LOOP_SECONDS} s at 500 turns/s`);
    openRounds.push(await openLoopRound(openSessions, agent));
  }
  // Node-RED on the same schedule (one request per "session" every 2 s), after a warm-up of its own: one round, for scale.
  progress(`open loop: Node-RED, warm-up ${WARMUP_SECONDS} s and one round of ${OPEN_LOOP_SECONDS} s`);
  await openLoopRound(openSessions, agent, WARMUP_SECONDS, NODE_RED_TARGET);
  const nodeRedOpen = await openLoopRound(openSessions, agent, OPEN_LOOP_SECONDS, NODE_RED_TARGET);
  agent.destroy();
  const p99s = openRounds.map((r) => pct(r.latencies, 99));
  const probeP99s = openRounds.map((r) => r.machine.p99);
  const bestOpen = openRounds.reduce((a, b) => (pct(b.latencies, 99) < pct(a.latencies, 99) ? b : a));
  const failures = openRounds.reduce((n, r) => n + r.failures, 0);
  const achievedRate = median(openRounds.map((r) => r.latencies.length / OPEN_LOOP_SECONDS));
  const openCpuMsPerTurn = median(openRounds.map((r) => r.stats.cpuMs / (r.latencies.length || 1)));
  const serverBusy = median(openRounds.map((r) => r.stats.cpuMs / r.stats.wallMs));
  return [
    [
      `open loop: ${SESSIONS_OPEN_LOOP} sessions, a turn every 2 s`,
      `${achievedRate.toFixed(0)} turns/s`,
      `failures ${failures}; ${OPEN_LOOP_ROUNDS} rounds of ${OPEN_LOOP_SECONDS} s`,
    ],
    [
      'open loop p50 / p99 / max turn latency (best round)',
      `${ms(pct(bestOpen.latencies, 50))} / ${ms(pct(bestOpen.latencies, 99))} / ${ms(bestOpen.latencies.at(-1) ?? NaN)}`,
      pct(bestOpen.latencies, 99) < 20 ? 'target p99 < 20 ms: met' : 'target p99 < 20 ms: NOT met',
    ],
    [
      'open loop p99 per round',
      p99s.map((p) => p.toFixed(1)).join(' / ') + ' ms',
      `median ${ms(median(p99s))}; idle probe p99 per round ${probeP99s.map((p) => p.toFixed(1)).join(' / ')} ms; warm-up pass (${WARMUP_SECONDS} s, not counted) p99 ${ms(pct(warmOpen.latencies, 99))}`,
    ],
    [
      'open loop verdict',
      median(probeP99s) >= 10 ? 'machine too loaded' : median(p99s) < 20 ? 'p99 < 20 ms' : 'p99 ≥ 20 ms',
      median(probeP99s) >= 10
        ? `the idle probe's own median p99 is ${ms(median(probeP99s))}, half the target or more: the runtime's p99 cannot be judged here`
        : `idle probe median p99 ${ms(median(probeP99s))}, well below the target: the runtime's p99 is its own`,
    ],
    [
      'Node-RED menu turn on the same open loop: p50 / p99 (one round)',
      `${ms(pct(nodeRedOpen.latencies, 50))} / ${ms(pct(nodeRedOpen.latencies, 99))}`,
      `failures ${nodeRedOpen.failures}; CPU per request ${(nodeRedOpen.stats.cpuMs / (nodeRedOpen.latencies.length || 1)).toFixed(3)} ms; idle probe p99 ${ms(nodeRedOpen.machine.p99)}`,
    ],
    [
      'open loop server CPU per turn / busy share of one core',
      `${openCpuMsPerTurn.toFixed(3)} ms`,
      `${(serverBusy * 100).toFixed(0)} % (median round)`,
    ],
    [
      'open loop server event-loop delay p99 / max (best round)',
      `${ms(bestOpen.stats.loopDelayMs.p99)} / ${ms(bestOpen.stats.loopDelayMs.max)}`,
      `generator's own loop delay p99 ${ms(bestOpen.generatorDelayP99)}`,
    ],
    [
      'open loop server GC per round: total / major / longest pause',
      openRounds
        .map((r) => `${r.stats.gcMs.toFixed(0)}/${r.stats.gcMajorMs.toFixed(0)}/${r.stats.gcMaxMs.toFixed(0)}`)
        .join('  ') + ' ms',
      `heap ${bestOpen.stats.heapMb.toFixed(0)} MB; wall time, inflated when the machine preempts the GC`,
    ],
    [
      'open loop event-loop delay max per round: server / generator / idle probe',
      openRounds
        .map(
          (r) => `${r.stats.loopDelayMs.max.toFixed(0)}/${r.generatorDelayMax.toFixed(0)}/${r.machine.max.toFixed(0)}`,
        )
        .join('  ') + ' ms',
      `p99 server ${openRounds.map((r) => r.stats.loopDelayMs.p99.toFixed(0)).join(' / ')} ms, probe ${openRounds.map((r) => r.machine.p99.toFixed(0)).join(' / ')} ms`,
    ],
    [
      "machine: an idle process's timer delay p99 / max (best round)",
      `${ms(bestOpen.machine.p99)} / ${ms(bestOpen.machine.max)}`,
      `median p99 over rounds ${ms(median(openRounds.map((r) => r.machine.p99)))}: the floor no code change removes`,
    ],
  ];
}

/** 3. Memory per idle session, measured in the server process after a forced GC. */
async function memoryPhase(): Promise<Row[]> {
  progress(`memory: starting ${IDLE_SESSIONS} idle sessions`);
  const memory = async () =>
    (await fetch(`${echoUrl}/memory`).then((r) => r.json())) as { heapUsed: number; rss: number };
  const before = await memory();
  await startSessions(IDLE_SESSIONS);
  const after = await memory();
  const perSessionKb = (after.heapUsed - before.heapUsed) / IDLE_SESSIONS / 1024;
  return [
    [
      `memory per idle session (${IDLE_SESSIONS} in memory)`,
      `${perSessionKb.toFixed(1)} KiB heap`,
      `rss ${after.rss >= before.rss ? '+' : ''}${((after.rss - before.rss) / 1024 / 1024).toFixed(1)} MiB (noisy)`,
    ],
  ];
}

try {
  const rows: Row[] = [];
  if (PHASES.has('throughput')) rows.push(...(await throughputPhase()));
  if (PHASES.has('open')) rows.push(...(await openLoopPhase()));
  if (PHASES.has('memory')) rows.push(...(await memoryPhase()));
  const width = Math.max(...rows.map((r) => r[0].length));
  const valueWidth = Math.max(...rows.map((r) => r[1].length));
  process.stdout.write(
    `\nOmniflow runtime benchmark (SQLite, WAL, synchronous=NORMAL, snapshots sealed; load generator in a separate process)\n`,
  );
  // Other work on the machine skews every number below; the load average says how much.
  const fmtLoad = (l: number[]) => l.map((v) => v.toFixed(1)).join(' / ');
  process.stdout.write(
    `machine: ${cpus().length} cores, load average (1 / 5 / 15 min) at the start ${fmtLoad(startLoad)}, at the end ${fmtLoad(loadavg())}\n\n`,
  );
  for (const [name, value, note] of rows)
    process.stdout.write(`${name.padEnd(width)}  ${value.padStart(valueWidth)}  ${note}\n`);
} finally {
  probe.stop();
  // Wait for the servers to close (the runtime its store) and remove their data dirs (their stdout stays drained until then).
  const exited = Promise.all(
    [server, nodeRedProcess].map((child) => new Promise((resolve) => child.once('exit', resolve))),
  );
  server.kill('SIGTERM');
  nodeRedProcess.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000).unref())]);
}
