// `pnpm --filter @omniflow/desk bench` (part of `pnpm bench`): 500 concurrent chats handed over to 50 simulated agents
// over the runtime's real sockets and API. Measures the offer latency after an agent becomes free (target p99 < 100 ms)
// against a bot turn's round trip measured in the same run, and counts lost or doubled chat messages (target 0).
// The runtime runs in a child process (SQLite, logs at its default level, info); this process is the load generator.
// Not a test.
//
// What "after an agent becomes free" is measured as: from the moment the agent became free to the offer's arrival on
// that agent's desk socket. Free is the agent's own "available" request being sent, the wrap-up request being sent
// during after-call work, or the after-call work running out (its end as the runtime announced it, `acwUntil`) —
// whichever came first. Nothing is left out: the request's trip, the runtime's queue, the router, the socket write.
//
// Why two agent phases. The first version of this bench ran the agents flat out: zero handle time, each agent asking
// for its next chat the moment the previous request answered, so 500 offers and 2,000 chat lines arrived within
// 2.5 s (200 chats/s from 50 agents). That is not what the issue describes: people take minutes per chat and become
// free one at a time, and a real center of 50 agents frees about one every few seconds. In that burst the runtime is
// saturated and the figure measured the queue of requests in front of the router, not the time after an agent became
// free. So the target is measured in the paced phase: the same 500 waiting chats and 50 agents, every chat with its
// lines both ways, but each chat lasting a handle time (random, 1–3 s around BENCH_HANDLE_MS = 2 s, compressed from
// minutes) and each followed by after-call work (BENCH_ACW_SECONDS = 1, compressed from the usual 30 s) that the agent
// ends by sending the wrap-up or lets run out, and agents come on shift spread over the first 2 s. That is still
// about 15 chats/s, some fifty times the rate of a real center of this size. The burst phase is kept and reported
// beside it as a stress figure (throughput, CPU per chat), not as the target.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ContactRouter } from '../../runtime/src/agents/ContactRouter.ts';
import { SocketProbe } from '../../runtime/src/agents/SocketProbe.ts';
import { jsonClient } from '../../runtime/src/testing/jsonClient.ts';
import { queueFlow } from '../../runtime/src/testing/testFlows.ts';

const CHATS = Number(process.env['BENCH_CHATS'] ?? 500);
const AGENTS = Number(process.env['BENCH_AGENTS'] ?? 50);
const MESSAGES_EACH_WAY = 2;
/** The mean handle time of a chat in the paced phase (minutes in a real center; compressed here, see the top). */
const HANDLE_MS = Number(process.env['BENCH_HANDLE_MS'] ?? 2000);
/** The queue's after-call work in the paced phase, whole seconds (30 s is common; compressed like the handle time). */
const ACW_MS = 1000 * Math.round(Number(process.env['BENCH_ACW_SECONDS'] ?? 1));
const started = performance.now();
const progress = (step: string): void =>
  void process.stderr.write(
    `[desk bench ${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${step}\n`,
  );

const flow = queueFlow('bench', 'bench');

const t = await startRuntimeProcess({
  // The runtime's default level (every routing decision is logged at info), its log going nowhere.
  LOG_LEVEL: process.env['BENCH_LOG_LEVEL'] ?? 'info',
  OMNIFLOW_MAX_SESSIONS_PER_CLIENT: '100000',
  OMNIFLOW_RATE_LIMIT_MAX: '1000000',
});
const ws = (path: string): string => `${t.url.replace('http:', 'ws:')}${path}`;
try {
  await t.api('POST', '/api/flows', { flow });
  await t.api('POST', '/api/flows/bench/publish', {});
  const channel: string = (await t.api('POST', '/api/flows/bench/channel-tokens', {})).body.token;
  await t.api('PUT', '/api/queues/bench', {
    name: 'Bench',
    afterCallWorkSeconds: 0,
    offerTimeoutSeconds: 120,
    dispositions: ['done'],
  });

  progress(`baseline: bot turn round trips over /ws/chat`);
  const baseline: number[] = [];
  for (let i = 0; i < 200; i += 1) {
    const probe = await SocketProbe.open(ws(`/ws/chat?token=${channel}`));
    const at = performance.now();
    probe.send({ type: 'start' });
    await probe.next('turn');
    baseline.push(performance.now() - at);
    await probe.close();
  }

  progress(`${AGENTS} agents sign in`);
  const agents: BenchAgent[] = [];
  for (let i = 0; i < AGENTS; i += 1) {
    const id = `agent${i}`;
    await t.api('PUT', `/api/agents/${id}`, {
      name: id,
      login: id,
      password: 'bench-password',
      maxChats: 1,
      queues: ['bench'],
    });
    const token: string = (
      await t.api('POST', '/api/desk/sign-in', { login: id, password: 'bench-password' }, { token: null })
    ).body.token;
    const desk = await SocketProbe.open(ws(`/ws/desk?token=${token}`));
    await desk.next('desk');
    agents.push({ id, token, desk });
  }
  const allCustomers: SocketProbe[] = [];

  // Two agent phases over the same runtime, each with CHATS fresh customers waiting before the agents start:
  // - paced (the target): agents take chats like people do, each chat lasting a handle time (random, mean
  //   BENCH_HANDLE_MS) with its lines spread over it, so agents become free spread over time;
  // - burst (a stress figure, not the target): zero handle time, every agent asks for the next chat the moment
  //   the previous request answers, the runtime's throughput limit.
  const phaseEnv = { channel, agents, allCustomers };
  const paced = await agentPhase('paced', { handleMs: HANDLE_MS, acwMs: ACW_MS }, phaseEnv);
  const burst = await agentPhase('burst', { handleMs: 0, acwMs: 0 }, phaseEnv);

  const p = (values: number[], q: number): number => {
    const sorted = values.toSorted((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  };
  progress('the router alone: the same 500 contacts and 50 agents, no sockets or storage');
  const routerLatency = routerOnly(CHATS, AGENTS);
  const baseP99 = p(baseline, 0.99);
  console.log('\nContact center (issue 16): chats handed over to agents over the real sockets');
  const row = (values: number[]) => ({
    samples: values.length,
    p50_ms: round(p(values, 0.5)),
    p99_ms: round(p(values, 0.99)),
    ratio_to_baseline_p99: round(p(values, 0.99) / baseP99),
  });
  const rows: Record<string, ReturnType<typeof row>> = { 'bot turn round trip (baseline)': row(baseline) };
  for (const phase of [paced, burst]) {
    rows[`${phase.name}: offer after the agent is free`] = row(phase.offerLatency);
    if (phase.byHow.size > 1)
      for (const [how, values] of phase.byHow) rows[`${phase.name}:   free by ${how}`] = row(values);
    rows[`${phase.name}:   of which request sent → router decided`] = row(phase.toDecision);
    rows[`${phase.name}:   of which router decided → offer read`] = row(phase.toArrival);
    rows[`${phase.name}: the request that frees the agent (reply)`] = row(phase.endReply);
  }
  rows['router alone: agent free → offer decided'] = row(routerLatency);
  console.table(rows);
  console.table(
    Object.fromEntries(
      [paced, burst].map((phase) => [
        `${phase.name} agent phase`,
        {
          seconds: round(phase.seconds),
          'chats/s': round(phase.served / phase.seconds),
          'runtime CPU (cores)': round(phase.runtimeCpu),
          'runtime CPU ms per chat': round((phase.runtimeCpu * phase.seconds * 1000) / phase.served),
          'load generator CPU (cores)': round(phase.benchCpu),
          'event-loop delay p50/p99 ms': `${round(phase.lag.p50)} / ${round(phase.lag.p99)}`,
          'load average before → after': phase.load,
        },
      ]),
    ),
  );
  console.table(
    Object.fromEntries(
      [paced, burst].map((phase) => [
        `${phase.name}: chat messages`,
        {
          chats: phase.served,
          agents: AGENTS,
          sent: phase.delivered + phase.lost,
          delivered: phase.delivered,
          lost: phase.lost,
          doubled: phase.doubled,
        },
      ]),
    ),
  );
  const offerP99 = p(paced.offerLatency, 0.99);
  const lost = paced.lost + burst.lost;
  const doubled = paced.doubled + burst.doubled;
  const complete = paced.served === CHATS && burst.served === CHATS;
  console.log(
    `paced offer latency p99 ${round(offerP99)} ms (target < 100 ms): ${offerP99 < 100 ? 'met' : 'NOT met'}; ` +
      `lost ${lost}, doubled ${doubled} (target 0)${complete ? '' : `; NOT every chat was served (${paced.served}, ${burst.served} of ${CHATS})`}`,
  );
  if (lost > 0 || doubled > 0 || !complete) process.exitCode = 1;
  await Promise.all([...allCustomers, ...agents.map((a) => a.desk)].map((probe) => probe.close()));
} finally {
  await t.close();
}

/**
 * Queues `CHATS` customers (each chats with the bot, which hands over), then lets the agents take them: offer, accept,
 * lines both ways, end (the agent is free: after-call work is 0), wrap-up. With `handleMs` > 0 each chat lasts a
 * random handle time around it (the lines spread over it) and agents come on shift spread over the first one, so
 * they become free spread over time; with 0 they go flat out. Measures each offer from the request that freed the
 * agent being sent to the offer's arrival on the agent's socket, and counts every chat line on the other side.
 */
async function agentPhase(
  name: string,
  { handleMs, acwMs }: { handleMs: number; acwMs: number },
  { channel, agents, allCustomers }: { channel: string; agents: BenchAgent[]; allCustomers: SocketProbe[] },
) {
  progress(`${name}: ${CHATS} customers chat with the bot and wait in the queue`);
  await t.api('PUT', '/api/queues/bench', {
    name: 'Bench',
    afterCallWorkSeconds: acwMs / 1000,
    offerTimeoutSeconds: 120,
    dispositions: ['done'],
  });
  const customers = new Map<string, SocketProbe>();
  for (let batch = 0; batch < CHATS; batch += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, CHATS - batch) }, async () => {
        const probe = await SocketProbe.open(ws(`/ws/chat?token=${channel}`));
        probe.send({ type: 'start' });
        await probe.next('turn');
        probe.send({ type: 'input', input: { type: 'text', text: 'fees' } });
        const handoff = await probe.next('handoff');
        customers.set(String(handoff['contactId']), probe);
        allCustomers.push(probe);
      }),
    );
  }
  const random = seededRandom(handleMs + 16);
  const pause = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

  progress(
    `${name}: agents take the chats (offer, accept, lines both ways, end, wrap-up)` +
      (handleMs > 0 ? `, handle time ${handleMs} ms on average` : ', no handle time'),
  );
  // Where the CPU goes during the phase: the runtime's processes against this load generator, on a machine whose
  // load average is printed beside them; and the runtime's event-loop delay (scraping resets its histogram).
  await t.api('GET', '/metrics');
  const at = performance.now();
  const runtimeTicks = processTreeTicks(t.pid);
  const bench = process.cpuUsage();
  const loadBefore = loadAverage();
  const offers: { how: string; ms: number }[] = [];
  const endReply: number[] = [];
  const toDecision: number[] = [];
  const toArrival: number[] = [];
  let served = 0;
  // Aborted once every chat was offered: agents still waiting then stop (and leave no wait behind for the next phase).
  const everyChatOffered = new AbortController();
  const servedBy = new Map<string, BenchAgent>();
  const sentToAgent = new Map<string, string[]>();
  const sentToCustomer = new Map<string, string[]>();
  const work = agents.map(async (agent) => {
    const call = (method: string, path: string, body?: unknown) => t.api(method, path, body, { token: agent.token });
    const wrapUps: Promise<unknown>[] = [];
    if (handleMs > 0) await pause(random() * handleMs);
    // When and how the agent last became free: `at` on this process's clock, `wall` on the shared wall clock.
    let free = { at: performance.now(), wall: Date.now(), how: 'available' };
    await call('PUT', '/api/desk/state', { state: 'available' });
    for (;;) {
      if (served >= CHATS) break;
      const offer = await agent.desk.next('offer', {}, 60_000, everyChatOffered.signal).catch(() => undefined);
      if (!offer) break;
      // From the moment the agent became free to the offer's arrival (it may be read later, after the wrap-up).
      const arrived = agent.desk.arrivedAt.get(offer) ?? performance.now();
      offers.push({ how: free.how, ms: arrived - free.at });
      // The same clock on both sides of the socket (one machine): where the time went, in milliseconds.
      const offeredAt = Number(offer['offeredAt']);
      toDecision.push(offeredAt - free.wall);
      toArrival.push(Date.now() - (performance.now() - arrived) - offeredAt);
      const contactId = String(offer['contactId']);
      served += 1;
      servedBy.set(contactId, agent);
      if (served >= CHATS) everyChatOffered.abort();
      await call('POST', `/api/desk/offers/${contactId}/accept`);
      const customer = customers.get(contactId);
      if (!customer) throw new Error(`offer for an unknown contact ${contactId}`);
      await customer.next('agentJoined', { contactId }, 30_000);
      // The chat's handle time, between half and one and a half times the mean, spread over its lines.
      const gap = (handleMs * (0.5 + random())) / (2 * MESSAGES_EACH_WAY);
      const toAgent: string[] = [];
      const toCustomer: string[] = [];
      sentToAgent.set(contactId, toAgent);
      sentToCustomer.set(contactId, toCustomer);
      for (let i = 0; i < MESSAGES_EACH_WAY; i += 1) {
        if (gap > 0) await pause(gap);
        const fromCustomer = `${contactId}-c${i}`;
        customer.send({ type: 'chat', id: fromCustomer, text: `customer line ${i}` });
        toAgent.push(fromCustomer);
        if (gap > 0) await pause(gap);
        const fromAgent = `${contactId}-a${i}`;
        await call('POST', `/api/desk/contacts/${contactId}/messages`, { id: fromAgent, text: `agent line ${i}` });
        toCustomer.push(fromAgent);
      }
      // Each side waits for the other's lines as they arrive (no polling: the generator shares the runtime's CPU).
      await Promise.all([
        linesFrom(agent.desk, contactId, 'customer', MESSAGES_EACH_WAY),
        linesFrom(customer, contactId, 'agent', MESSAGES_EACH_WAY),
      ]);
      const endAt = { at: performance.now(), wall: Date.now(), how: 'end of the chat (no after-call work)' };
      await call('POST', `/api/desk/contacts/${contactId}/end`);
      endReply.push(performance.now() - endAt.at);
      const wrapUp = (): Promise<unknown> =>
        call('POST', `/api/desk/contacts/${contactId}/wrap-up`, { disposition: 'done' });
      if (acwMs === 0) {
        free = endAt;
        await wrapUp();
        continue;
      }
      // After-call work: free when the agent sends the wrap-up, or when its time runs out, whichever comes first.
      const state = await agent.desk.nextWhere(
        (m) => m.type === 'state' && Reflect.get(Object(m['agent']), 'state') === 'afterCallWork',
        'after-call work',
        30_000,
      );
      const acwUntilWall = Date.parse(String(Reflect.get(Object(state['agent']), 'acwUntil')));
      const acwUntil = { at: acwUntilWall - Date.now() + performance.now(), wall: acwUntilWall };
      const thinks = random() * 2 * acwMs;
      if (thinks < acwMs) {
        await pause(thinks);
        const sent = { at: performance.now(), wall: Date.now(), how: 'wrap-up sent during after-call work' };
        free = sent.at < acwUntil.at ? sent : { ...acwUntil, how: 'after-call work ran out' };
        await wrapUp();
      } else {
        free = { ...acwUntil, how: 'after-call work ran out' };
        wrapUps.push(pause(thinks).then(wrapUp));
      }
    }
    await Promise.all(wrapUps);
    // Off shift until the next phase: its first offer is measured from the agent's own "available".
    await call('PUT', '/api/desk/state', { state: 'offline' });
  });
  await Promise.all(work);
  const seconds = (performance.now() - at) / 1000;
  const runtimeCpu = (processTreeTicks(t.pid) - runtimeTicks) / 100 / seconds;
  const benchUsage = process.cpuUsage(bench);
  const benchCpu = (benchUsage.user + benchUsage.system) / 1e6 / seconds;
  const metrics = (await t.api('GET', '/metrics')).text;
  const lag = (quantile: string): number =>
    Number(new RegExp(`^omniflow_nodejs_eventloop_lag_${quantile}_seconds (\\S+)`, 'm').exec(metrics)?.[1]) * 1000;

  let totals = { lost: 0, doubled: 0, delivered: 0 };
  for (const [contactId, ids] of sentToAgent) {
    const agent = servedBy.get(contactId);
    totals = tally(ids, agent ? received(agent.desk, contactId, 'customer') : [], totals);
  }
  for (const [contactId, ids] of sentToCustomer) {
    const customer = customers.get(contactId);
    totals = tally(ids, customer ? received(customer, contactId, 'agent') : [], totals);
  }
  return {
    name,
    offerLatency: offers.map((offer) => offer.ms),
    byHow: groupBy(offers),
    endReply,
    toDecision,
    toArrival,
    served,
    seconds,
    runtimeCpu,
    benchCpu,
    lag: { p50: lag('p50'), p99: lag('p99') },
    load: `${loadBefore} → ${loadAverage()}`,
    ...totals,
  };
}

/** Routes `chats` contacts to `agents` agents in a bare router: the time from an agent's release to the next offer. */
function routerOnly(chats: number, agents: number): number[] {
  const latencies: number[] = [];
  const offered = new Map<string, string>();
  const router = new ContactRouter({
    now: () => Date.now(),
    decide: (decision) => {
      if (decision.kind === 'offered') offered.set(decision.agentId, decision.contactId);
    },
  });
  router.setQueue({
    id: 'bench',
    name: 'Bench',
    skills: [],
    priority: 5,
    maxWaitSeconds: 3600,
    offerTimeoutSeconds: 120,
    afterCallWorkSeconds: 0,
    dispositions: ['done'],
  });
  for (let i = 0; i < agents; i += 1)
    router.setAgent({
      id: `a${i}`,
      name: `a${i}`,
      login: `a${i}`,
      role: 'agent',
      skills: [],
      languages: ['en'],
      maxChats: 1,
      queues: ['bench'],
    });
  for (let i = 0; i < chats; i += 1) router.enqueue({ contactId: `c${i}`, queueId: 'bench', locale: 'en-US' });
  for (let i = 0; i < agents; i += 1) router.setState(`a${i}`, 'available');
  for (let served = 0; served < chats;) {
    for (let i = 0; i < agents && served < chats; i += 1) {
      const contactId = offered.get(`a${i}`);
      if (!contactId) continue;
      offered.delete(`a${i}`);
      router.accept(`a${i}`, contactId);
      served += 1;
      const at = performance.now();
      router.release(`a${i}`, contactId, { afterCallWorkMs: 0 });
      if (offered.has(`a${i}`)) latencies.push(performance.now() - at);
    }
  }
  return latencies;
}

/** Spawns `tsx apps/runtime/src/main.ts` on a free port with a throwaway data dir and waits until it answers. */
async function startRuntimeProcess(env: Record<string, string>) {
  const runtimeDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../runtime');
  const dataDir = mkdtempSync(join(tmpdir(), 'omniflow-desk-bench-'));
  const port = await new Promise<number>((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
  const adminToken = 'desk-bench-admin-token-0123456789';
  // BENCH_PROFILE_DIR=<dir> writes a CPU profile of the runtime there (where its time goes under this load).
  const profile = process.env['BENCH_PROFILE_DIR'];
  const nodeArgs = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [];
  const child = spawn(join(runtimeDir, '../../node_modules/.bin/tsx'), [...nodeArgs, 'src/main.ts'], {
    cwd: runtimeDir,
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      OMNIFLOW_ADMIN_TOKEN: adminToken,
      OMNIFLOW_PLUGINS: '',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // Never leave the runtime behind, whatever ends this process.
  process.once('exit', () => child.kill('SIGKILL'));
  const url = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries += 1) {
    if (child.exitCode !== null) throw new Error(`the runtime exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (tries > 600) throw new Error('the runtime did not answer within 60 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    pid: child.pid ?? 0,
    api: jsonClient(url, adminToken),
    async close() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function received(probe: SocketProbe, contactId: string, sender: string): string[] {
  return probe.received.flatMap((m) => {
    const message = m['message'] as { id: string; sender: string; contactId: string } | undefined;
    return m.type === 'message' && message?.contactId === contactId && message.sender === sender ? [message.id] : [];
  });
}

function tally(sent: string[], seen: string[], totals: { lost: number; doubled: number; delivered: number }) {
  const counts = new Map<string, number>();
  for (const id of seen) counts.set(id, (counts.get(id) ?? 0) + 1);
  let { lost, doubled, delivered } = totals;
  for (const id of sent) {
    const count = counts.get(id) ?? 0;
    if (count === 0) lost += 1;
    else delivered += 1;
    if (count > 1) doubled += count - 1;
  }
  return { lost, doubled, delivered };
}

/** Resolves once `probe` has received `count` chat lines of `sender` for the contact. */
async function linesFrom(probe: SocketProbe, contactId: string, sender: string, count: number): Promise<void> {
  for (let seen = 0; seen < count; seen += 1)
    await probe.nextWhere(
      (m) => {
        const message = m['message'] as { sender: string; contactId: string } | undefined;
        return m.type === 'message' && message?.contactId === contactId && message.sender === sender;
      },
      `a chat line from the ${sender} of ${contactId}`,
      30_000,
    );
}

/** CPU ticks (1/100 s) used so far by a process and its descendants (the tsx wrapper runs the runtime as its child). */
function processTreeTicks(pid: number): number {
  let ticks = 0;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    ticks += Number(fields[11]) + Number(fields[12]);
    for (const task of readdirSync(`/proc/${pid}/task`))
      for (const child of readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' '))
        if (child.trim() !== '') ticks += processTreeTicks(Number(child));
  } catch {
    // The process ended between listing and reading: it uses no CPU any more.
    return ticks;
  }
  return ticks;
}

/** The machine's 1-minute load average (other work on a shared machine competes with both processes). */
function loadAverage(): string {
  return readFileSync('/proc/loadavg', 'utf8').split(' ')[0] ?? '?';
}

/** Offer latencies by how the agent became free. */
function groupBy(offers: { how: string; ms: number }[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const offer of offers) {
    const group = groups.get(offer.how) ?? [];
    group.push(offer.ms);
    groups.set(offer.how, group);
  }
  return groups;
}

/** A simulated agent: signed in, with its desk socket open. */
interface BenchAgent {
  id: string;
  token: string;
  desk: SocketProbe;
}

/** A small seeded generator (mulberry32): the same handle times and shift starts on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
