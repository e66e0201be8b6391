// `npx tsx bench/contactSearchBench.ts`: contact search over 1,000,000 stored transcript entries (issue 15: < 200 ms),
// in English, Chinese and Korean, first and later pages, against a baseline measured in the same run (the plain indexed
// page of one flow), on SQLite and then on a throwaway PostgreSQL 15. BENCH_CONTACT_ENTRIES sets the size;
// BENCH_CONTACT_PG=0 leaves PostgreSQL out, BENCH_CONTACT_SQLITE=0 SQLite. Not a test.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { ContactCursor, ContactFilter, ContactStore } from '../src/contacts/ContactStore.ts';
import { characterTerms } from '../src/contacts/searchText.ts';
import { PostgresFlowStore } from '../src/store/PostgresFlowStore.ts';
import { startTestPostgres } from '../src/testing/startTestPostgres.ts';
import { SqliteFlowStore } from '../src/store/SqliteFlowStore.ts';

const ENTRIES = Number(process.env['BENCH_CONTACT_ENTRIES'] ?? 1_000_000);
const PER_CONTACT = 10;
const CONTACTS = Math.ceil(ENTRIES / PER_CONTACT);
const RUNS = 40;
const TARGET_MS = 200;

const CALLER = [
  '我想查询信用卡余额',
  '我的银行卡丢了，需要挂失',
  '请帮我转人工服务',
  '最近一笔交易是多少钱',
  '카드 잔액을 확인하고 싶어요',
  '카드를 분실했어요',
  '상담원 연결해 주세요',
  'I want to check my balance',
  'my card was stolen yesterday',
  'please transfer me to an agent',
];
const BOT = ['您好，请问有什么可以帮您？', '무엇을 도와드릴까요?', 'Main menu. Balance or cards?', '请输入您的卡号'];
// A rare phrase in one contact out of ~5,000: the index has to find the needle, not stop at the first page.
const RARE = '外币汇款手续费';

// BENCH_CONTACT_SQLITE=0 leaves SQLite out (a PostgreSQL-only run).
if (process.env['BENCH_CONTACT_SQLITE'] !== '0') {
  const dir = mkdtempSync(join(tmpdir(), 'omniflow-contact-search-'));
  try {
    SqliteFlowStore.open(dir).close();
    const built = build(join(dir, 'omniflow.db'));
    const store = SqliteFlowStore.open(dir);
    try {
      const indexStart = performance.now();
      let indexed = 0;
      for (let added = -1; added !== 0;) {
        added = store.contacts.indexPending(100_000);
        indexed += added;
        process.stdout.write(`\r  indexing: ${indexed.toLocaleString()} entries`);
      }
      process.stdout.write('\n');
      const indexMs = performance.now() - indexStart;
      process.stdout.write(`  text index: ${indexed.toLocaleString()} entries in ${(indexMs / 1000).toFixed(1)} s`);
      process.stdout.write(
        ` (${((indexMs * 1000) / Math.max(indexed, 1)).toFixed(1)} µs an entry, off the turn path)\n`,
      );

      await report('SQLite', built.entries, store.contacts);
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// The same searches on a throwaway PostgreSQL 15 (its term index), filled with INSERT … SELECT statements.
if (process.env['BENCH_CONTACT_PG'] !== '0') {
  const server = await startTestPostgres();
  try {
    const store = await PostgresFlowStore.open(server.url);
    try {
      process.stdout.write(
        `\n  PostgreSQL: building ${ENTRIES.toLocaleString()} transcript entries and their term index…\n`,
      );
      await buildPostgres(server.url);
      await report('PostgreSQL 15', ENTRIES, store.contacts);
    } finally {
      await store.close();
    }
  } finally {
    await server.stop();
  }
}

async function buildPostgres(url: string): Promise<void> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const n = CONTACTS;
    const literal = (list: string[]) => `(ARRAY[${list.map((t) => `'${t.replace(/'/g, "''")}'`).join(',')}])`;
    await db.query(`INSERT INTO sessions SELECT 'bench-' || c, 'flow-' || (c % 10), 1, NULL, (ARRAY['chat','voice','dtmf'])[c % 3 + 1],
      'zh-CN', 'ended', '{}'::jsonb, 5, t, t
      FROM generate_series(0, ${n - 1}) c, date_trunc('milliseconds', now() - (${n} - c) * interval '1 second') t`);
    await db.query(`INSERT INTO contacts (id, flow_id, version, channel, direction, caller_number, locale, started_at, ended_at,
        outcome, end_node, path, last_node, turns, duration_ms)
      SELECT id, flow_id, 1, channel, 'inbound', '+86138' || lpad(substr(id, 7), 8, '0'), 'zh-CN', created_at, created_at,
        (ARRAY['completed','transferred','abandoned','failed'])[(substr(id, 7)::int) % 4 + 1], 'menu', '["menu"]', 'menu', 5, 60000
      FROM sessions WHERE id LIKE 'bench-%'`);
    // Without the term index, built afterwards as on a database migrated with its transcripts in place (one
    // statement through the index would keep its pending list growing the whole time). Each distinct text's terms
    // come from the runtime's tokenizer, as the store writes them, joined on the text.
    const index = await db.query<{ def: string }>(
      "SELECT indexdef AS def FROM pg_indexes WHERE indexname = 'transcripts_terms'",
    );
    await db.query('DROP INDEX transcripts_terms');
    const texts = [...CALLER, ...CALLER.map((t) => `${t}，${RARE}`), ...BOT];
    await db.query('CREATE TEMPORARY TABLE bench_terms (text TEXT PRIMARY KEY, terms TEXT[] NOT NULL)');
    await db.query(
      `INSERT INTO bench_terms SELECT t, string_to_array(terms, ' ') FROM unnest($1::text[], $2::text[]) AS u(t, terms)`,
      [texts, texts.map((t) => characterTerms(t).join(' '))],
    );
    await db.query(`INSERT INTO transcripts (session_id, seq, entry, terms)
      SELECT e.id, e.s, jsonb_build_object('at', '', 'from', e.from, 'nodeId', 'menu', 'text', e.text), b.terms
      FROM (SELECT 'bench-' || c AS id, s, CASE WHEN s % 2 = 1 THEN 'caller' ELSE 'bot' END AS from,
          CASE WHEN s % 2 = 1 THEN ${literal(CALLER)}[(c * 7919 + s * 104729) % ${CALLER.length} + 1]
            || CASE WHEN (c * 31 + s) % 25000 = 7 THEN '，${RARE}' ELSE '' END
          ELSE ${literal(BOT)}[(c * 13 + s) % ${BOT.length} + 1] END AS text
        FROM generate_series(0, ${n - 1}) c, generate_series(0, ${PER_CONTACT - 1}) s) e
      JOIN bench_terms b ON b.text = e.text`);
    const start = performance.now();
    const ticker = setInterval(() => process.stdout.write('.'), 5000);
    try {
      await db.query(index.rows[0]?.def ?? 'missing transcripts_terms');
    } finally {
      clearInterval(ticker);
    }
    const ms = performance.now() - start;
    process.stdout.write(
      `  term index: built in ${(ms / 1000).toFixed(1)} s (${((ms * 1000) / ENTRIES).toFixed(1)} µs an entry)\n`,
    );
    await db.query('ANALYZE');
  } finally {
    await db.end();
  }
}

/** Times varied searches against the indexed page of one flow, measured in the same run, and prints the table. */
async function report(name: string, entries: number, contacts: ContactStore): Promise<void> {
  const middle = await contacts.get(`bench-${Math.floor(CONTACTS / 2)}`);
  const halfWay: ContactCursor | undefined = middle && { startedAt: middle.startedAt, id: middle.id };
  const second = async (filter: ContactFilter) => (await contacts.search(filter, { limit: 25 })).next;
  const cases: [string, ContactFilter, ContactCursor?][] = [
    ['baseline: one flow, newest page (indexed lookup)', { flowId: 'flow-3' }],
    ['zh, 5 chars, common (信用卡余额)', { text: '信用卡余额' }],
    ['zh, 4 chars, rare (外币汇款, ~1 in 5,000)', { text: '外币汇款' }],
    ['zh, 2 chars, common (挂失)', { text: '挂失' }],
    ['zh, 2 chars, rare (汇款)', { text: '汇款' }],
    ['zh, 1 char, common (卡)', { text: '卡' }],
    ['ko, 3 chars (잔액을)', { text: '잔액을' }],
    ['ko, 2 chars, common (분실)', { text: '분실' }],
    ['en, phrase (card was stolen)', { text: 'card was stolen' }],
    ['zh + flow + outcome filter (人工服务)', { text: '人工服务', flowId: 'flow-1', outcome: 'transferred' }],
    ['zh, 2 chars, rare + flow filter (汇款)', { text: '汇款', flowId: 'flow-7' }],
    ['no match (不存在的词语)', { text: '不存在的词语' }],
    ['no match, 2 chars (汇费)', { text: '汇费' }],
    ['zh, 2 chars, common, page 2 (挂失)', { text: '挂失' }, await second({ text: '挂失' })],
    ['en, common, page 2 (card was stolen)', { text: 'card was stolen' }, await second({ text: 'card was stolen' })],
    ['zh, 2 chars, common, from half-way back (挂失)', { text: '挂失' }, halfWay],
    ['zh, 2 chars, rare, from half-way back (汇款)', { text: '汇款' }, halfWay],
    ['ko + outcome filter, from half-way back (분실)', { text: '분실', outcome: 'completed' }, halfWay],
  ];
  const rows: [string, number, number, number][] = [];
  for (const [label, filter, after] of cases) {
    const times: number[] = [];
    let found = 0;
    // One untimed run first: the first text search reads the index statistics (once a minute) and plans cold.
    await contacts.search(filter, { limit: 25, ...(after ? { after } : {}) });
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      found = (await contacts.search(filter, { limit: 25, ...(after ? { after } : {}) })).contacts.length;
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    rows.push([label, quantile(times, 0.5), quantile(times, 0.99), found]);
  }
  const baseline = rows[0]?.[1] ?? 1;
  process.stdout.write(
    `\nContact search over ${entries.toLocaleString()} transcript entries (${CONTACTS.toLocaleString()} contacts), ${name}, ${RUNS} runs each, page of 25\n\n`,
  );
  const width = Math.max(...rows.map((r) => r[0].length));
  process.stdout.write(`${'query'.padEnd(width)}  found    p50 ms    p99 ms  p50/baseline  p99 < ${TARGET_MS} ms\n`);
  for (const [label, p50, p99, found] of rows)
    process.stdout.write(
      `${label.padEnd(width)}  ${String(found).padStart(5)}  ${p50.toFixed(2).padStart(8)}  ${p99.toFixed(2).padStart(8)}  ${(p50 / baseline).toFixed(1).padStart(11)}x  ${p99 < TARGET_MS ? 'yes' : 'NO'}\n`,
    );
}

/** Fills sessions, contacts and transcripts with bulk inserts through a second connection, showing progress. */
function build(file: string): { entries: number } {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const session = db.prepare(
    `INSERT INTO sessions (id, flow_id, version, draft_document, channel, locale, status, snapshot, turn, created_at, updated_at)
     VALUES (?, ?, 1, NULL, ?, 'zh-CN', 'ended', '{}', ?, ?, ?)`,
  );
  const contact = db.prepare(
    `INSERT INTO contacts (id, flow_id, version, channel, direction, caller_number, locale, started_at, ended_at, outcome,
       end_node, path, last_node, turns, duration_ms) VALUES (?, ?, 1, ?, 'inbound', ?, 'zh-CN', ?, ?, ?, 'menu', '["menu"]', 'menu', ?, 60000)`,
  );
  const entry = db.prepare('INSERT INTO transcripts (session_id, seq, entry) VALUES (?, ?, ?)');
  const channels = ['chat', 'voice', 'dtmf'];
  const outcomes = ['completed', 'transferred', 'abandoned', 'failed'];
  let entries = 0;
  let seed = 42;
  // mulberry32: a small deterministic generator, so every run stores the same texts.
  const random = (n: number): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) % n;
  };
  const started = Date.now() - CONTACTS * 1000;
  const chunk = db.transaction((from: number, to: number) => {
    for (let c = from; c < to; c++) {
      const id = `bench-${c}`;
      const at = new Date(started + c * 1000).toISOString();
      const flow = `flow-${c % 10}`;
      const channel = channels[c % 3] ?? 'chat';
      session.run(id, flow, channel, PER_CONTACT / 2, at, at);
      contact.run(
        id,
        flow,
        channel,
        `+86138${String(c).padStart(8, '0')}`,
        at,
        at,
        outcomes[c % 4] ?? 'completed',
        PER_CONTACT / 2,
      );
      for (let s = 0; s < PER_CONTACT && entries < ENTRIES; s++, entries++) {
        const caller = s % 2 === 1;
        let text = caller ? (CALLER[random(CALLER.length)] ?? '') : (BOT[random(BOT.length)] ?? '');
        if (caller && random(5000 * (PER_CONTACT / 2)) === 0) text = `${text}，${RARE}`;
        entry.run(id, s, JSON.stringify({ at, from: caller ? 'caller' : 'bot', nodeId: 'menu', text }));
      }
    }
  });
  const step = 10_000;
  for (let from = 0; from < CONTACTS; from += step) {
    chunk(from, Math.min(CONTACTS, from + step));
    process.stdout.write(`\r  building: ${entries.toLocaleString()} / ${ENTRIES.toLocaleString()} transcript entries`);
  }
  process.stdout.write('\n');
  db.close();
  return { entries };
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}
