// `npx tsx bench/turnAbBench.ts <other benchServer.ts>`: an A/B of the chat turn's CPU between this tree's bench server
// and another checkout's (e.g. `git archive <commit> apps/runtime/src apps/runtime/bench` unpacked beside this one), both
// running at once and loaded in alternating closed-loop rounds, so other load on the machine hits both alike. Prints
// each round's CPU per turn and the median of the paired ratios (this tree / the other). Not a test.
import { spawn, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import type { ServerStats } from './processStats.ts';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 10);
const SECONDS = Number(process.env['BENCH_ROUND_SECONDS'] ?? 3);
const other = process.argv[2];
if (other === undefined) throw new Error('Name the other bench server: npx tsx bench/turnAbBench.ts <benchServer.ts>');

interface Server {
  name: string;
  child: ChildProcess;
  runtimeUrl: string;
  echoUrl: string;
  token: string;
  sessions: string[];
  next: number;
}

/** Starts a bench server in a child process; resolves once it printed its URLs. */
function startServer(name: string, script: string): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolveServer, reject) => {
    let buffer: string | null = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      if (buffer === null) return;
      buffer += chunk.toString();
      const line = buffer.split('\n').find((l) => l.startsWith('{"runtimeUrl"'));
      if (!line) return;
      buffer = null;
      const info = JSON.parse(line) as { runtimeUrl: string; echoUrl: string; token: string };
      resolveServer({ name, child, ...info, sessions: [], next: 0 });
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

const headersOf = (s: Server) => ({ authorization: `Bearer ${s.token}`, 'content-type': 'application/json' });

async function startSessions(s: Server, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const reply = await fetch(`${s.runtimeUrl}/api/sessions`, {
      method: 'POST',
      headers: headersOf(s),
      body: JSON.stringify({ flowId: 'bench', channel: 'chat' }),
    });
    s.sessions.push(((await reply.json()) as { session: { sessionId: string } }).session.sessionId);
  }
}

/** One closed-loop round of turns on `s`: its server process's CPU per turn in ms. */
async function round(s: Server, seconds: number): Promise<number> {
  await fetch(`${s.echoUrl}/stats/reset`, { method: 'POST' });
  const load = await autocannon({
    url: s.runtimeUrl,
    connections: 64,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        headers: headersOf(s),
        setupRequest: (req) => ({
          ...req,
          path: `/api/sessions/${s.sessions[s.next++ % s.sessions.length]}/input`,
          body: JSON.stringify({ input: { type: 'text', text: s.next % 2 ? '1' : '2' } }),
        }),
      },
    ],
  });
  if (load.non2xx > 0 || load.errors > 0) throw new Error(`${s.name}: ${load.non2xx} non-2xx, ${load.errors} errors`);
  const stats = (await fetch(`${s.echoUrl}/stats`).then((r) => r.json())) as ServerStats;
  return stats.cpuMs / (load.requests.total || 1);
}

const median = (values: number[]): number => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const startLoad = loadavg()[0] ?? NaN;
const servers = await Promise.all([
  startServer('this tree', fileURLToPath(new URL('./benchServer.ts', import.meta.url))),
  startServer('other', resolve(other)),
]);
const [mine, theirs] = servers;
try {
  if (!mine || !theirs) throw new Error('both servers must start');
  await Promise.all(servers.map((s) => startSessions(s, 256)));
  for (const s of servers) await round(s, 3);
  const rows: { mine: number; theirs: number }[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    // The order alternates, so neither server always runs right after the other's garbage.
    const first = i % 2 === 0 ? mine : theirs;
    const second = first === mine ? theirs : mine;
    const a = await round(first, SECONDS);
    const b = await round(second, SECONDS);
    const row = first === mine ? { mine: a, theirs: b } : { mine: b, theirs: a };
    rows.push(row);
    process.stderr.write(
      `[ab] round ${i + 1}/${ROUNDS}: this tree ${row.mine.toFixed(3)} ms, other ${row.theirs.toFixed(3)} ms per turn\n`,
    );
  }
  const ratios = rows.map((r) => r.mine / r.theirs);
  process.stdout.write(
    `CPU per turn, this tree / other: median of ${ROUNDS} paired ratios ${median(ratios).toFixed(3)} ` +
      `(rounds ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}); medians ` +
      `${median(rows.map((r) => r.mine)).toFixed(3)} / ${median(rows.map((r) => r.theirs)).toFixed(3)} ms; ` +
      `load average ${startLoad.toFixed(1)} → ${(loadavg()[0] ?? NaN).toFixed(1)}\n`,
  );
} finally {
  const exited = servers.map((s) => new Promise((done) => s.child.once('exit', done)));
  for (const s of servers) s.child.kill('SIGTERM');
  await Promise.race([Promise.all(exited), new Promise((done) => setTimeout(done, 15_000).unref())]);
}
