import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

const PG_BIN = process.env['OMNIFLOW_PG_BIN'] ?? '/usr/lib/postgresql/15/bin';

/** A throwaway PostgreSQL 15 server started for a test. */
export interface TestPostgres {
  url: string;
  /** The same database over the server's Unix-domain socket (no TCP), as a runtime on the database's machine may use. */
  socketUrl: string;
  /** Stops the server (fast shutdown, connections dropped) and keeps its data, for {@link TestPostgres.resume}. */
  halt(): Promise<void>;
  /** Starts the halted server again on the same port and data. */
  resume(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Initializes a temp cluster and starts `postgres` on a free 127.0.0.1 port (as the `postgres` user when
 * running as root), with extra server `settings` (`-c name=value`). Throws, naming the Debian package, when the binaries are missing: the test must fail, not skip.
 */
export async function startTestPostgres(options: { settings?: Record<string, string> } = {}): Promise<TestPostgres> {
  if (!existsSync(join(PG_BIN, 'postgres')) || !existsSync(join(PG_BIN, 'initdb'))) {
    throw new Error(
      `PostgreSQL 15 binaries not found in ${PG_BIN}: install the Debian package "postgresql-15" (apt-get install postgresql-15).`,
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'omniflow-pg-'));
  const dataDir = join(dir, 'data');
  // The server refuses to run as root: when we are root, run it as the `postgres` user (or `nobody`).
  const user: { uid?: number; gid?: number } = process.getuid?.() === 0 ? unprivilegedUser() : {};
  if (user.uid !== undefined && user.gid !== undefined) chownSync(dir, user.uid, user.gid);
  const init = spawnSync(
    join(PG_BIN, 'initdb'),
    ['-D', dataDir, '-A', 'trust', '-U', 'omniflow', '--no-sync', '-E', 'UTF8'],
    {
      encoding: 'utf8',
      cwd: dir,
      ...user,
    },
  );
  if (init.status !== 0) throw new Error(`initdb failed (${init.status}): ${init.stderr || init.stdout}`);
  const port = await freePort();
  const args = [
    '-D',
    dataDir,
    '-p',
    String(port),
    '-h',
    '127.0.0.1',
    '-k',
    dir,
    '-c',
    'fsync=off',
    '-c',
    'max_connections=60',
    ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
  ];
  const url = `postgres://omniflow@127.0.0.1:${port}/postgres`;
  let child = await launch(args, dir, user, url);
  const halt = async (): Promise<void> => {
    const running = child;
    await new Promise<void>((resolve) => {
      if (running.exitCode !== null) return resolve();
      running.once('exit', () => resolve());
      running.kill('SIGINT'); // fast shutdown
    });
  };
  return {
    url,
    socketUrl: `postgres://omniflow@/postgres?host=${encodeURIComponent(dir)}&port=${port}`,
    halt,
    async resume() {
      child = await launch(args, dir, user, url);
    },
    async stop() {
      await halt();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function launch(
  args: string[],
  dir: string,
  user: { uid?: number; gid?: number },
  url: string,
): Promise<ChildProcess> {
  const child = spawn(join(PG_BIN, 'postgres'), args, { stdio: ['ignore', 'ignore', 'pipe'], cwd: dir, ...user });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  try {
    await waitUntilReady(url, child, () => stderr);
  } catch (error) {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return child;
}

function unprivilegedUser(): { uid: number; gid: number } {
  for (const name of ['postgres', 'nobody']) {
    const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
    if (uid.status === 0 && gid.status === 0) return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  }
  throw new Error('Running as root and neither a "postgres" nor a "nobody" user exists to run the PostgreSQL server.');
}

async function waitUntilReady(url: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`postgres exited with ${child.exitCode}: ${stderr()}`);
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline)
        throw new Error(`postgres did not accept connections in 20 s\n${stderr()}`, { cause: error });
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** A port that was free a moment ago on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
