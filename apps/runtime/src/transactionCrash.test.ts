import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { exampleFlowsDir } from '@omniflow/examples';
import { jsonClient } from './testing/jsonClient.ts';
import { spawnRuntime, type SpawnedRuntime } from './testing/spawnRuntime.ts';

const ADMIN = 'transaction-crash-admin-token';
const BANK_KEY = 'transaction-crash-bank-key';
const BANK_DIR = fileURLToPath(new URL('../../../examples/core-banking', import.meta.url));
/** The bank holds each state-changing reply this long after committing it: the window in which the runtime dies. */
const REPLY_DELAY_MS = 2_500;
const PIN = '7395';

const runtimeDir = mkdtempSync(join(tmpdir(), 'omniflow-txcrash-runtime-'));
const bankDir = mkdtempSync(join(tmpdir(), 'omniflow-txcrash-bank-'));
const bankDb = join(bankDir, 'core-banking.sqlite');
const stops: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const stop of stops.toReversed()) await stop();
  rmSync(runtimeDir, { recursive: true, force: true });
  rmSync(bankDir, { recursive: true, force: true });
});

/** Starts the sample core-banking service as its own process (`src/main.ts`) and resolves with its URL. */
async function spawnBank(): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: BANK_DIR,
    env: {
      ...process.env,
      PORT: '0',
      CORE_BANKING_DATA_DIR: bankDir,
      CORE_BANKING_API_KEY: BANK_KEY,
      CORE_BANKING_REPLY_DELAY_MS: String(REPLY_DELAY_MS),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  stops.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  });
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    void exited.then(() => reject(new Error(`core-banking exited before listening:\n${output}`)));
  });
}

/** Reads the bank's own database (read-only, beside the running service; WAL allows it). */
function readBank<T>(query: (db: Database.Database) => T): T {
  const db = new Database(bankDb, { readonly: true, fileMustExist: true });
  try {
    return query(db);
  } finally {
    db.close();
  }
}

interface StoredReply {
  key: string;
  status: number;
  body: string;
}

/** The bank's stored replies to activation calls made by this session's `activate` node. */
function activationReplies(sessionId: string): StoredReply[] {
  return readBank((db) =>
    db
      .prepare<[string], StoredReply>(
        "SELECT key, status, body FROM idempotent_responses WHERE key LIKE ? || ':activate:%'",
      )
      .all(sessionId),
  );
}

async function waitFor(what: string, check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const saidIn = (body: { session: { outputs: { type: string; text?: string }[] } }): string =>
  body.session.outputs.flatMap((o) => (o.type === 'say' || o.type === 'prompt' ? [o.text ?? ''] : [])).join(' ');

describe('kill -9 of the runtime mid-transaction (#7)', () => {
  it('re-runs the in-flight card activation with the same idempotency key after a restart: one activation, success prompt, PIN never logged', async () => {
    const bankUrl = await spawnBank();
    const env = {
      DATA_DIR: runtimeDir,
      OMNIFLOW_ADMIN_TOKEN: ADMIN,
      OMNIFLOW_SEED_DIR: exampleFlowsDir,
      OMNIFLOW_SECRET_CORE_BANKING_URL: bankUrl,
      OMNIFLOW_SECRET_CORE_BANKING_API_KEY: BANK_KEY,
      OMNIFLOW_SECRET_CORE_BANKING_URL_ALLOW: bankUrl,
      OMNIFLOW_SECRET_CORE_BANKING_API_KEY_ALLOW: bankUrl,
      LOG_LEVEL: 'debug',
    };
    const first: SpawnedRuntime = await spawnRuntime(env);
    stops.push(() => first.stop('SIGKILL'));
    const api1 = jsonClient(first.url, ADMIN);

    const started = await api1('POST', '/api/sessions', { flowId: 'card-activation', channel: 'dtmf' });
    expect(started.status).toBe(201);
    const id: string = started.body.session.sessionId;
    const send = (api: typeof api1, digits: string) =>
      api('POST', `/api/sessions/${id}/input`, { input: { type: 'dtmf', digits } });
    await send(api1, '4821');
    const verified = await send(api1, '19850314');
    expect(saidIn(verified.body)).toMatch(/Thank you, Alice Chen/);
    expect((await send(api1, PIN)).body.session.nodeId).toBe('askConfirmPin');

    // The confirmation runs set-PIN then activation; the runtime dies once the bank committed the activation
    // but before its (delayed) reply arrives.
    let answered = false;
    const inFlight = send(api1, PIN).then(
      () => (answered = true),
      () => 'connection lost',
    );
    await waitFor('the bank to commit the activation', () => activationReplies(id).length > 0);
    expect(answered).toBe(false);
    first.child.kill('SIGKILL');
    await first.stop('SIGKILL');
    expect(await inFlight).toBe('connection lost');
    const firstOutput = first.output();

    const second = await spawnRuntime(env);
    stops.push(() => second.stop('SIGKILL'));
    const api2 = jsonClient(second.url, ADMIN);
    // The last stored turn is the one before the crash: the caller's confirmation is delivered again.
    const resumed = await send(api2, PIN);
    expect(resumed.status).toBe(200);
    expect(saidIn(resumed.body)).toMatch(/ending in 4821 is now active/);
    expect(saidIn(resumed.body)).not.toMatch(/already active/);
    expect(resumed.body.session.status).toBe('ended');

    const replies = activationReplies(id);
    expect(replies).toHaveLength(1);
    expect(replies[0]?.status).toBe(200);
    expect(JSON.parse(replies[0]?.body ?? '{}')).toEqual({ status: 'activated', cardLastFour: '4821' });
    // Any other activation of this card (another key, a keyless call) would have stored an `alreadyActive` reply.
    const cardActivations = readBank((db) =>
      db
        .prepare<[], { n: number }>(
          'SELECT count(*) AS n FROM idempotent_responses WHERE body LIKE \'%"cardLastFour":"4821"%\' OR body LIKE \'%alreadyActive%\'',
        )
        .get(),
    );
    expect(cardActivations?.n).toBe(1);
    expect(
      readBank(
        (db) =>
          db
            .prepare<[], { status: string }>(
              "SELECT status FROM cards WHERE customer_id = 'C-1001' AND last_four = '4821'",
            )
            .get()?.status,
      ),
    ).toBe('active');

    const transcript = await api2('GET', `/api/sessions/${id}/transcript`);
    expect(transcript.status).toBe(200);
    const logs = firstOutput + second.output();
    // The logs are not empty (debug level logs every request and turn), and hold the PIN nowhere as a token of its own.
    expect(logs).toContain('askConfirmPin');
    const pinToken = new RegExp(`(?<![0-9a-f])${PIN}(?![0-9a-f])`, 'i');
    expect(logs).not.toMatch(pinToken);
    expect(transcript.text).not.toMatch(pinToken);

    expect(await second.stop('SIGTERM')).toBe(0);
  }, 90_000);
});
