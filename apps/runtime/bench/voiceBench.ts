/**
 * Voice gateway benchmark (not a test): end-of-speech → first prompt byte, voice-to-voice, recognizer real-time
 * factor, synthesizer time per second of audio, and concurrent real-time calls in one process. Prints a table.
 * The gateway part runs twice in the same run: the baseline (one pocketsphinx process per utterance and pass, end of
 * speech after the full 600 ms) and the pooled decoders with the grammar-aware end of speech (issue 19).
 * Run: `pnpm --filter @omniflow/runtime exec tsx bench/voiceBench.ts [--quick] [--pooled-only] [--processes=N]`.
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { EspeakSynthesizer } from '../src/voice/EspeakSynthesizer.ts';
import { FliteSynthesizer } from '../src/voice/FliteSynthesizer.ts';
import { powerDbfs } from '../src/voice/pcm.ts';
import { PocketsphinxDecoderPool } from '../src/voice/PocketsphinxDecoderPool.ts';
import { PocketsphinxRecognizer } from '../src/voice/PocketsphinxRecognizer.ts';
import { fliteSpeech, overThePhone } from '../src/voice/testAudio.ts';
import { bankFlow, type EngineCall, FakePhone, startEngineGateway } from '../src/voice/voiceTestHarness.ts';

const quick = process.argv.includes('--quick');
const pooledOnly = process.argv.includes('--pooled-only');
const processesArg = process.argv.find((arg) => arg.startsWith('--processes='));
const pool = new PocketsphinxDecoderPool(
  processesArg === undefined ? {} : { processes: Number(processesArg.slice('--processes='.length)) },
);
if (!pool.available()) throw new Error('build the decoder helper first: make -C apps/runtime/native');
const breakdown: { recognize: number; respond: number }[] = [];
const rows: [string, string, string][] = [];
const never = new AbortController().signal;
const MENU = '#JSGF V1.0; grammar m; public <m> = balance | check my balance | card activation | activate my card;';
const PARAMS = { flowId: 'bank', token: 'good-token', locale: 'en-US' };

function percentile(values: number[], p: number): number {
  const sorted = values.toSorted((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}
const ms = (v: number) => `${Math.round(v)} ms`;
const loadAtStart = loadavg()
  .map((l) => l.toFixed(1))
  .join(' ');

/** Milliseconds from the start of `pcm` to the end of its last voiced 10 ms frame. */
function lastVoiceMs(pcm: Int16Array, rate: number): number {
  const frame = rate / 100;
  let last = 0;
  for (let at = 0; at + frame <= pcm.length; at += frame) if (powerDbfs(pcm, at, at + frame) > -45) last = at + frame;
  return (last * 1000) / rate;
}

async function recognizerRtf(): Promise<void> {
  const recognizer = new PocketsphinxRecognizer();
  const phrases = [
    'activate my card',
    'card activation',
    'check my balance',
    'balance',
    'what is the weather like today',
  ];
  const rtfs: number[] = [];
  const cpuBefore = cpuSeconds();
  let audioSeconds = 0;
  for (let round = 0; round < (quick ? 1 : 3); round++) {
    for (const phrase of phrases) {
      const pcm = overThePhone(phrase);
      const started = performance.now();
      await recognizer.recognize(pcm, MENU, 'en-US', never);
      rtfs.push((performance.now() - started) / ((pcm.length * 1000) / 16000));
      audioSeconds += pcm.length / 16000;
    }
  }
  // CPU time does not depend on how busy the machine is; wall time above does.
  rows.push([
    'recognizer CPU per second of speech (both passes, all processes)',
    `${((cpuSeconds() - cpuBefore) / audioSeconds).toFixed(2)} s`,
    'load-independent',
  ]);
  rows.unshift([
    'recognizer real-time factor, wall clock (pocketsphinx, 2 passes)',
    `median ${percentile(rtfs, 50).toFixed(2)}, p95 ${percentile(rtfs, 95).toFixed(2)}`,
    '< 1 (real time)',
  ]);
  // What the gateway does: decoders started at the first word and fed in real time; only the tail is left at the end.
  const tails: number[] = [];
  for (const phrase of quick ? phrases.slice(0, 2) : phrases) {
    const pcm = overThePhone(phrase);
    const stream = recognizer.startStream(MENU, 'en-US', never);
    if (stream === null) throw new Error('pocketsphinx does not stream en-US');
    const started = performance.now();
    for (let at = 0; at < pcm.length; at += 320) {
      stream.write(pcm.subarray(at, at + 320));
      const due = started + ((at + 320) * 1000) / 16000 - performance.now();
      if (due > 0) await new Promise((resolve) => setTimeout(resolve, due));
    }
    const ended = performance.now();
    await stream.finish();
    tails.push(performance.now() - ended);
  }
  rows.splice(1, 0, [
    'recognizer streamed in real time: end of audio → result',
    `median ${ms(percentile(tails, 50))}, p95 ${ms(percentile(tails, 95))}`,
    'what the gateway waits for',
  ]);
}

async function synthesizerSpeed(): Promise<void> {
  const cases: [string, { synthesize: FliteSynthesizer['synthesize'] }, string, string[]][] = [
    [
      'flite en-US',
      new FliteSynthesizer(),
      'en-US',
      [
        'Welcome to Omni Bank.',
        'Main menu. You can say balance or card activation.',
        'Please enter the last four digits of your card.',
      ],
    ],
    [
      'espeak-ng zh-CN',
      new EspeakSynthesizer(),
      'zh-CN',
      ['欢迎致电欧米银行。', '主菜单。您可以说余额查询或激活银行卡。'],
    ],
    [
      'espeak-ng ko-KR',
      new EspeakSynthesizer(),
      'ko-KR',
      ['옴니 은행에 오신 것을 환영합니다.', '주 메뉴입니다. 잔액 조회 또는 카드 활성화라고 말씀하세요.'],
    ],
  ];
  for (const [name, engine, locale, texts] of cases) {
    let spent = 0;
    let audio = 0;
    for (const text of texts) {
      const started = performance.now();
      const out = await engine.synthesize(text, locale, never);
      spent += performance.now() - started;
      audio += out.durationMs / 1000;
    }
    rows.push([`synthesizer time per second of audio (${name}, uncached)`, ms(spent / audio), '']);
  }
}

type Gateway = Awaited<ReturnType<typeof startEngineGateway>>;

const spoken = new Map<string, Int16Array>();
/** Caller speech made once up front: synthesizing it mid-measurement would block the event loop being measured. */
function callerAudio(phrase: string): Int16Array {
  let pcm = spoken.get(phrase);
  if (pcm === undefined) {
    pcm = fliteSpeech(phrase, 8000);
    spoken.set(phrase, pcm);
  }
  return pcm;
}

/** One caller on a live gateway: listens to the menu, says `phrase`, measures until the next prompt's first byte. */
async function oneTurn(
  url: string,
  calls: EngineCall[],
  phrase: string,
  listenFirst: boolean,
): Promise<{ eos: number; v2v: number } | null> {
  const phone = await FakePhone.dial(url, 'twilio', PARAMS);
  const call = () => calls.find((c) => c.parameters.streamSid === phone.streamSid);
  if (listenFirst) await phone.waitFor(() => call()?.events.some((e) => e.type === 'listening') ?? false);
  else await phone.waitFor(() => false, { audioMs: 1000 + Math.random() * 3000 });
  phone.pace = 'realtime';
  phone.takeHeard();
  const speech = callerAudio(phrase);
  const sendStart = performance.now();
  await phone.say(speech);
  const lastWordAt = sendStart + lastVoiceMs(speech, 8000);
  phone.takeHeard();
  await phone.waitFor(() => phone.firstAudioAt !== null, { audioMs: 8000, realMs: 15_000 });
  const firstByte = phone.firstAudioAt;
  const c = call();
  const endIndex = c?.events.findIndex((e) => e.type === 'speechEnd') ?? -1;
  phone.hangUp();
  if (firstByte === null || c === undefined || endIndex < 0) return null;
  const endAt = c.eventWallMs[endIndex] ?? 0;
  const recognizedAt = c.eventWallMs[c.events.findIndex((e) => e.type === 'recognized')] ?? endAt;
  breakdown.push({ recognize: recognizedAt - endAt, respond: firstByte - recognizedAt });
  return { eos: firstByte - endAt, v2v: firstByte - lastWordAt };
}

async function latency(gw: Gateway, label: string): Promise<number> {
  const eos: number[] = [];
  const v2v: number[] = [];
  const runs = quick ? 4 : 12;
  let cold: { eos: number; v2v: number } | null = null;
  for (let i = 0; i < runs; i++) {
    const result = await oneTurn(gw.url, gw.calls, i % 2 === 0 ? 'activate my card' : 'check my balance', true);
    if (result === null) continue;
    if (i < 2) cold ??= result;
    if (i >= 2) {
      eos.push(result.eos);
      v2v.push(result.v2v);
    }
  }
  rows.push([`${label}:`, '', '']);
  rows.push([
    'end of speech decision → first prompt byte (warm cache)',
    `median ${ms(percentile(eos, 50))}, p95 ${ms(percentile(eos, 95))}`,
    'median < 250 ms',
  ]);
  rows.push([
    'voice-to-voice, last word → first prompt byte',
    `median ${ms(percentile(v2v, 50))}, p95 ${ms(percentile(v2v, 95))}`,
    'median ≤ 450 ms, p95 ≤ 700 ms (issue 19)',
  ]);
  rows.push([
    '  of which: recognition / engine + synthesis + send',
    `median ${ms(
      percentile(
        breakdown.map((b) => b.recognize),
        50,
      ),
    )} / ${ms(
      percentile(
        breakdown.map((b) => b.respond),
        50,
      ),
    )}`,
    '',
  ]);
  if (cold) rows.push(['  first call (prompt not yet cached)', `EOS→byte ${ms(cold.eos)}, v2v ${ms(cold.v2v)}`, '']);
  breakdown.length = 0;
  return percentile(v2v, 50);
}

/**
 * CPU seconds used by this process, the recognizer/synthesizer processes it has waited for, and the pooled decoder
 * helpers (which run on) (Linux).
 */
function cpuSeconds(): number {
  const of = (pid: number | 'self'): number => {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime, stime, cutime, cstime are fields 14–17 of /proc/<pid>/stat (11–14 after the command name).
    return [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i] ?? 0), 0) / 100;
  };
  return of('self') + pool.pids.reduce((sum, pid) => sum + of(pid), 0);
}

async function concurrency(gw: Gateway, steps: readonly number[]): Promise<number> {
  let held = 0;
  let cpuPerCallSecond = Number.NaN;
  for (const n of steps) {
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    const cpuBefore = cpuSeconds();
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        oneTurn(gw.url, gw.calls, i % 2 === 0 ? 'activate my card' : 'check my balance', false),
      ),
    );
    const wall = (performance.now() - started) / 1000;
    const cpu = cpuSeconds() - cpuBefore;
    lag.disable();
    const ok = results.filter((r) => r !== null);
    const p95 = percentile(
      ok.map((r) => r.v2v),
      95,
    );
    const lagP99 = lag.percentile(99) / 1e6;
    const realTime = ok.length === n && p95 <= 1200;
    cpuPerCallSecond = cpu / (n * wall);
    rows.push([
      `${n} concurrent calls (each speaks once, staggered over 1–4 s)`,
      `${ok.length}/${n} answered, v2v p95 ${ms(p95)}, loop p99 ${lagP99.toFixed(0)} ms, CPU ${(cpuPerCallSecond * 100).toFixed(1)}%/call`,
      realTime ? 'real time' : 'falls behind',
    ]);
    if (!realTime) break;
    held = n;
  }
  rows.push([
    'concurrent calls held in real time, measured (v2v p95 ≤ 1.2 s)',
    `${held}`,
    `shared machine, load ${loadavg()[0]?.toFixed(1)}`,
  ]);
  rows.push([
    '  CPU-bound estimate for this machine (all cores, talking calls)',
    `${Math.floor(cpus().length / cpuPerCallSecond)}`,
    'cores ÷ CPU per call',
  ]);
  return held;
}

await recognizerRtf();
await synthesizerSpeed();
const steps = quick ? [2, 4, 8] : [2, 4, 8, 16, 24, 32, 40, 48, 56];
const measured: { label: string; v2v: number; held: number }[] = [];
for (const [label, recognizer] of [
  [
    'baseline: a pocketsphinx process per utterance and pass, 600 ms end of speech',
    new PocketsphinxRecognizer({ decoders: null }),
  ],
  [
    'pooled decoders (omniflow-psdecoder) + grammar-aware end of speech',
    new PocketsphinxRecognizer({ decoders: pool }),
  ],
] as const) {
  if (pooledOnly && label.startsWith('baseline')) continue;
  // One gateway per configuration, as in the runtime; its first call pays the one-off dictionary load and cold caches.
  const gateway = await startEngineGateway(bankFlow, { recognizer });
  const v2v = await latency(gateway, label);
  const held = await concurrency(gateway, steps);
  measured.push({ label, v2v, held });
  await gateway.close();
}
const [before, after] = measured;
if (before !== undefined && after !== undefined)
  rows.push([
    'pooled ÷ baseline, same run',
    `v2v median ×${(after.v2v / before.v2v).toFixed(2)}, concurrent calls held ×${(after.held / Math.max(1, before.held)).toFixed(1)}`,
    '',
  ]);
pool.close();
rows.push([
  'machine',
  `${cpus().length} cores, load average ${loadAtStart} at start, ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} at end`,
  '',
]);
const width = [Math.max(...rows.map((r) => r[0].length)), Math.max(...rows.map((r) => r[1].length))];
console.log(`\nvoice gateway bench (${new Date().toISOString()}, ${quick ? 'quick' : 'full'})\n`);
for (const [what, value, target] of rows)
  console.log(`${what.padEnd(width[0] ?? 0)}  ${value.padEnd(width[1] ?? 0)}  ${target}`);
process.exit(0);
