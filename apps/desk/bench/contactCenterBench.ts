// `pnpm --filter @omniflow/desk bench` (part of `pnpm bench`): 500 concurrent chats handed over to 50 simulated agents
// over the runtime's real sockets and API. Measures the offer latency after an agent becomes free (target p99 < 100 ms)
// against a bot turn's round trip measured in the same run, and counts lost or doubled chat messages (target 0).
// The runtime runs in a child process (SQLite, logs at warn); this process is the load generator. Not a test.
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
const started = performance.now();
const progress = (step: string): void =>
  void process.stderr.write(
    `[desk bench ${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${step}\n`,
  );

const flow = queueFlow('bench', 'bench');

const t = await startRuntimeProcess({
  LOG_LEVEL: 'warn',
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
  const agents: { id: string; token: string; desk: SocketProbe }[] = [];
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

  progress(`${CHATS} customers chat with the bot and wait in the queue`);
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
      }),
    );
  }

  progress('agents take the chats: offer, accept, messages both ways, end, wrap-up, next offer');
  // Where the CPU goes during the agent phase: the runtime's processes against this load generator, on a machine
  // whose load average is printed beside them; and the runtime's event-loop delay (scraping resets its histogram).
  await t.api('GET', '/metrics');
  const phase = {
    at: performance.now(),
    runtimeTicks: processTreeTicks(t.pid),
    bench: process.cpuUsage(),
    load: loadAverage(),
  };
  const offerLatency: number[] = [];
  const endReply: number[] = [];
  const toDecision: number[] = [];
  const toArrival: number[] = [];
  let served = 0;
  // Resolves once every chat was offered: agents still waiting then stop instead of timing out.
  let allOffered = (): void => undefined;
  const everyChatOffered = new Promise<undefined>((settle) => (allOffered = () => settle(undefined)));
  const sentToAgent = new Map<string, string[]>();
  const sentToCustomer = new Map<string, string[]>();
  const work = agents.map(async (agent) => {
    const call = (method: string, path: string, body?: unknown) => t.api(method, path, body, { token: agent.token });
    let freeAt = performance.now();
    let freeAtWall = Date.now();
    await call('PUT', '/api/desk/state', { state: 'available' });
    for (;;) {
      if (served >= CHATS) return;
      const offer = await Promise.race([agent.desk.next('offer', {}, 60_000).catch(() => undefined), everyChatOffered]);
      if (!offer) return;
      // From the request that freed the agent to the offer's arrival (it may be read later, after the wrap-up).
      const arrived = agent.desk.arrivedAt.get(offer) ?? performance.now();
      offerLatency.push(arrived - freeAt);
      // The same clock on both sides of the socket (one machine): where the time went, in milliseconds.
      const offeredAt = Number(offer['offeredAt']);
      toDecision.push(offeredAt - freeAtWall);
      toArrival.push(Date.now() - (performance.now() - arrived) - offeredAt);
      const contactId = String(offer['contactId']);
      served += 1;
      if (served >= CHATS) allOffered();
      await call('POST', `/api/desk/offers/${contactId}/accept`);
      const customer = customers.get(contactId);
      if (!customer) throw new Error(`offer for an unknown contact ${contactId}`);
      await customer.next('agentJoined', { contactId }, 30_000);
      const toAgent: string[] = [];
      const toCustomer: string[] = [];
      for (let i = 0; i < MESSAGES_EACH_WAY; i += 1) {
        const fromCustomer = `${contactId}-c${i}`;
        customer.send({ type: 'chat', id: fromCustomer, text: `customer line ${i}` });
        toAgent.push(fromCustomer);
        const fromAgent = `${contactId}-a${i}`;
        await call('POST', `/api/desk/contacts/${contactId}/messages`, { id: fromAgent, text: `agent line ${i}` });
        toCustomer.push(fromAgent);
      }
      sentToAgent.set(contactId, toAgent);
      sentToCustomer.set(contactId, toCustomer);
      // Each side waits for the other's lines as they arrive (no polling: the generator shares the runtime's CPU).
      await Promise.all([
        linesFrom(agent.desk, contactId, 'customer', MESSAGES_EACH_WAY),
        linesFrom(customer, contactId, 'agent', MESSAGES_EACH_WAY),
      ]);
      freeAt = performance.now();
      freeAtWall = Date.now();
      await call('POST', `/api/desk/contacts/${contactId}/end`);
      endReply.push(performance.now() - freeAt);
      await call('POST', `/api/desk/contacts/${contactId}/wrap-up`, { disposition: 'done' });
    }
  });
  await Promise.all(work);
  const phaseSeconds = (performance.now() - phase.at) / 1000;
  const runtimeCpu = (processTreeTicks(t.pid) - phase.runtimeTicks) / 100 / phaseSeconds;
  const benchUsage = process.cpuUsage(phase.bench);
  const benchCpu = (benchUsage.user + benchUsage.system) / 1e6 / phaseSeconds;
  const metrics = (await t.api('GET', '/metrics')).text;
  const lag = (name: string): number =>
    Number(new RegExp(`^omniflow_nodejs_eventloop_lag_${name}_seconds (\\S+)`, 'm').exec(metrics)?.[1]) * 1000;

  let lost = 0;
  let doubled = 0;
  let delivered = 0;
  for (const [contactId, ids] of sentToAgent) {
    const agent = agents.find((a) => a.desk.received.some((m) => m['contactId'] === contactId));
    const seen = agent ? received(agent.desk, contactId, 'customer') : [];
    ({ lost, doubled, delivered } = tally(ids, seen, { lost, doubled, delivered }));
  }
  for (const [contactId, ids] of sentToCustomer) {
    const customer = customers.get(contactId);
    ({ lost, doubled, delivered } = tally(ids, customer ? received(customer, contactId, 'agent') : [], {
      lost,
      doubled,
      delivered,
    }));
  }

  const p = (values: number[], q: number): number => {
    const sorted = values.toSorted((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  };
  progress('the router alone: the same 500 contacts and 50 agents, no sockets or storage');
  const routerLatency = routerOnly(CHATS, AGENTS);
  const offerP99 = p(offerLatency, 0.99);
  const baseP99 = p(baseline, 0.99);
  console.log('\nContact center (issue 16): chats handed over to agents over the real sockets');
  const row = (values: number[]) => ({
    samples: values.length,
    p50_ms: round(p(values, 0.5)),
    p99_ms: round(p(values, 0.99)),
    ratio_to_baseline_p99: round(p(values, 0.99) / baseP99),
  });
  console.table({
    'bot turn round trip (baseline)': row(baseline),
    'offer after the agent is free': row(offerLatency),
    'the end request that frees the agent (its reply)': row(endReply),
    '  of which: request sent → router decided (runtime clock)': row(toDecision),
    '  of which: router decided → offer read by the desk': row(toArrival),
    'router alone: agent free → offer decided': row(routerLatency),
  });
  console.table({
    'agent phase': {
      seconds: round(phaseSeconds),
      'runtime CPU (cores)': round(runtimeCpu),
      'load generator CPU (cores)': round(benchCpu),
      'event-loop delay p50 ms': round(lag('p50')),
      'event-loop delay p99 ms': round(lag('p99')),
      'load average before → after': `${phase.load} → ${loadAverage()}`,
    },
  });
  console.table({
    'chat messages': { chats: served, agents: AGENTS, sent: delivered + lost, delivered, lost, doubled },
  });
  console.log(
    `offer latency p99 ${round(offerP99)} ms (target < 100 ms): ${offerP99 < 100 ? 'met' : 'NOT met'}; lost ${lost}, doubled ${doubled} (target 0)`,
  );
  await Promise.all([...customers.values(), ...agents.map((a) => a.desk)].map((probe) => probe.close()));
} finally {
  await t.close();
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

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
