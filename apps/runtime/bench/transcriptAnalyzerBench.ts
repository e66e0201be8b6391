// `npx tsx bench/transcriptAnalyzerBench.ts`: what redaction and sentiment add to a turn (issue 17 target: p99 < 1 ms
// per turn), on the analytics package's realistic turns, next to the CPU of a whole in-process turn. Not a test.
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createBuiltInRegistry, type TranscriptEntry } from '@omniflow/flow-engine';
import { pino } from 'pino';
import { RuntimeMetrics } from '../src/observability/RuntimeMetrics.ts';
import { FlowCompiler } from '../src/sessions/FlowCompiler.ts';
import { SessionService } from '../src/sessions/SessionService.ts';
import { SnapshotCipher } from '../src/sessions/SnapshotCipher.ts';
import { TranscriptAnalyzer } from '../src/sessions/TranscriptAnalyzer.ts';
import { SqliteFlowStore } from '../src/store/SqliteFlowStore.ts';
import { benchMenuLoop } from './benchMenuLoop.ts';
import { noSubflows } from '../src/testing/noSubflows.ts';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 20);
const TURNS = Number(process.env['BENCH_TURNS'] ?? 10_000);
const data = (file: string) => new URL(`../../../packages/analytics/data/${file}`, import.meta.url);
const turns: { text: string; locale: string }[] = [];
for (const file of [
  'sentimentSet.en.jsonl',
  'sentimentSet.zh-CN.jsonl',
  'sentimentSet.ko-KR.jsonl',
  'redactionSet.jsonl',
]) {
  const fallback = file.replace(/^sentimentSet\.|\.jsonl$/g, '');
  for (const line of readFileSync(data(file), 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const row: { text: string; locale?: string } = JSON.parse(line);
    turns.push({
      text: row.text,
      locale:
        row.locale === undefined || row.locale === 'en'
          ? fallback === 'redactionSet'
            ? 'en-US'
            : fallback === 'en'
              ? 'en-US'
              : fallback
          : row.locale,
    });
  }
}

/** What the analyzer does for one chat turn: redact the caller's line and the bot's two lines, then score the caller's. */
function analyzeTurn(analyzer: TranscriptAnalyzer, text: string, locale: string): TranscriptEntry[] {
  const redact = analyzer.redact ?? ((t: string) => t);
  const at = '2026-12-07T00:00:00.000Z';
  const entries: TranscriptEntry[] = [
    { at, from: 'caller', kind: 'text', text: redact(text, locale) },
    { at, from: 'bot', nodeId: 'menu', text: redact('Thanks. Anything else? Say balance or agent.', locale) },
    { at, from: 'system', nodeId: 'menu', text: 'port noMatch', port: 'noMatch' },
  ];
  return analyzer.annotate(entries, locale);
}

const quantile = (sorted: number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;

const analyzer = new TranscriptAnalyzer({ enabled: true, accountPatterns: [] });
for (const turn of turns) analyzeTurn(analyzer, turn.text, turn.locale);
const wall: number[] = [];
const cpuBefore = process.cpuUsage();
for (let round = 0; round < ROUNDS; round++) {
  for (const turn of turns) {
    const start = performance.now();
    analyzeTurn(analyzer, turn.text, turn.locale);
    wall.push(performance.now() - start);
  }
}
const cpu = process.cpuUsage(cpuBefore);
wall.sort((a, b) => a - b);
const analysisCpuUs = (cpu.user + cpu.system) / wall.length;

// The whole in-process turn (engine, snapshot, seal, store) with the analyzer, for the ratio.
const dataDir = mkdtempSync(join(tmpdir(), 'omniflow-analyzerbench-'));
const store = SqliteFlowStore.open(dataDir);
try {
  const compiler = new FlowCompiler(store, createBuiltInRegistry());
  const logger = pino({ level: 'info' }, pino.destination({ dest: '/dev/null', sync: false, minLength: 4096 }));
  const sessions = new SessionService({
    store,
    compiler,
    logger,
    metrics: new RuntimeMetrics(async () => 0, { defaultMetrics: false }),
    secrets: () => undefined,
    cipher: new SnapshotCipher(randomBytes(32)),
    analyzer,
  });
  await store.createFlow('bench', 'bench', benchMenuLoop);
  await store.publish('bench', noSubflows(benchMenuLoop), 'bench', 'bench');
  const ids: string[] = [];
  for (let i = 0; i < 64; i++) ids.push((await sessions.start({ flowId: 'bench', channel: 'chat' })).sessionId);
  const send = (i: number) => sessions.input(ids[i % ids.length] ?? '', { type: 'text', text: i % 2 ? '1' : '2' });
  for (let i = 0; i < 2000; i++) await send(i);
  const before = process.cpuUsage();
  for (let i = 0; i < TURNS; i++) await send(i);
  const used = process.cpuUsage(before);
  const turnCpuUs = (used.user + used.system) / TURNS;
  const ms = (x: number) => `${x.toFixed(3)} ms`;
  process.stdout.write(
    `\nRedaction + sentiment per chat turn: ${turns.length} realistic turns × ${ROUNDS} rounds (caller line + 2 bot/system lines)\n`,
  );
  process.stdout.write(
    `  wall p50 ${ms(quantile(wall, 0.5))}  p99 ${ms(quantile(wall, 0.99))}  p99.9 ${ms(quantile(wall, 0.999))}  max ${ms(wall.at(-1) ?? 0)}\n`,
  );
  process.stdout.write(`  CPU mean ${(analysisCpuUs / 1000).toFixed(3)} ms\n`);
  process.stdout.write(
    `Whole in-process turn (SessionService.input, menu loop, SQLite): CPU mean ${(turnCpuUs / 1000).toFixed(3)} ms\n`,
  );
  process.stdout.write(
    `Added cost / whole turn: mean ${(analysisCpuUs / turnCpuUs).toFixed(2)}×, p99 ${((quantile(wall, 0.99) * 1000) / turnCpuUs).toFixed(2)}×\n`,
  );
} finally {
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
}
