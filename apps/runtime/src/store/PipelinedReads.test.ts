import { Client } from 'pg';
import { describe, expect, it } from 'vitest';
import { useTestPostgres } from '../testing/useTestPostgres.ts';
import { PipelinedReads } from './PipelinedReads.ts';

const freshDatabase = useTestPostgres();

describe('PipelinedReads', () => {
  it('answers reads sent together on one connection, each its own, and opens a new one after it was killed', async () => {
    const url = await freshDatabase('pipelined_reads');
    const reads = new PipelinedReads({ connectionString: url });
    const admin = new Client({ connectionString: url });
    await admin.connect();
    try {
      const ask = (n: number) =>
        reads.query<{ n: number; pid: number }>({
          name: 'pipelined-test',
          text: 'SELECT $1::int AS n, pg_backend_pid() AS pid',
          values: [n],
        });
      const answers = await Promise.all(Array.from({ length: 50 }, (_, n) => ask(n)));
      expect(answers.map((a) => a.rows[0]?.n)).toEqual(Array.from({ length: 50 }, (_, n) => n));
      const pids = new Set(answers.map((a) => a.rows[0]?.pid));
      expect(pids.size).toBe(1);
      const [pid] = pids;

      await admin.query('SELECT pg_terminate_backend($1)', [pid]);
      // The reads on the killed connection fail (the caller answers 503); a later read gets a new connection.
      await expect
        .poll(
          async () =>
            (
              await ask(7).then(
                (a) => a.rows[0],
                () => undefined,
              )
            )?.n,
          { timeout: 15_000 },
        )
        .toBe(7);
      const after = (await ask(8)).rows[0]?.pid;
      expect(after).not.toBe(pid);
      // A failing statement fails alone; the reads behind it are answered.
      const mixed = await Promise.allSettled([ask(1), reads.query({ text: 'SELECT 1/0' }), ask(2)]);
      expect(mixed.map((m) => m.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    } finally {
      await admin.end();
      await reads.close();
    }
    await expect(reads.query({ text: 'SELECT 1' })).rejects.toThrow('closed');
  });
});
