import type Database from 'better-sqlite3';
import type { Param, Row, SqlRunner } from './AgentStore.ts';
import { groupCommit } from '../store/groupCommit.ts';

/** A statement waiting for the next group commit. */
interface PendingWrite {
  statement: Database.Statement;
  values: Param[];
  returnsRows: boolean;
}

type WriteResult = { ok: Row[] | number } | { failed: unknown };

/**
 * The agent store's statements on SQLite, with PostgreSQL's `$n` placeholders. Writes issued in the same tick (the
 * chat lines, hand-over states and audit entries of every session at once) are committed together in one
 * transaction, and each caller gets its answer only after that commit: as durable as a commit per statement, at
 * the cost of one. A read first commits the writes waiting before it, so everything reads what was written before.
 */
export function sqliteRunner(db: Database.Database): SqlRunner {
  const statements = new Map<string, { statement: Database.Statement; order: number[] }>();
  const prepared = (sql: string): { statement: Database.Statement; order: number[] } => {
    let entry = statements.get(sql);
    if (!entry) {
      // better-sqlite3 binds `?` by position: each `$n` becomes a `?` bound to the nth value, repeats included.
      const order: number[] = [];
      const statement = db.prepare(
        sql.replaceAll(/\$(\d+)/g, (_match, n: string) => {
          order.push(Number(n) - 1);
          return '?';
        }),
      );
      entry = { statement, order };
      statements.set(sql, entry);
    }
    return entry;
  };
  const bind = (order: number[], params: Param[]): Param[] => order.map((index) => params[index] ?? null);

  const commit = db.transaction((batch: PendingWrite[]) =>
    batch.map((write): WriteResult => {
      try {
        const { statement, values } = write;
        return { ok: write.returnsRows ? (statement.all(...values) as Row[]) : statement.run(...values).changes };
      } catch (error) {
        // A refused statement (a constraint) is undone alone and the others commit; anything that ended the
        // transaction fails the whole group.
        if (!db.inTransaction) throw error;
        return { failed: error };
      }
    }),
  );
  const writes = groupCommit((batch: PendingWrite[]) => commit.immediate(batch));
  const write = async (
    statement: Database.Statement,
    values: Param[],
    returnsRows: boolean,
  ): Promise<Row[] | number> => {
    const result = await writes.add({ statement, values, returnsRows });
    if ('failed' in result) throw result.failed;
    return result.ok;
  };
  const flush = (): void => writes.flush();

  return {
    async all(sql, params) {
      const { statement, order } = prepared(sql);
      if (!statement.readonly) return rowsOf(await write(statement, bind(order, params), true));
      flush();
      return statement.all(...bind(order, params)) as Row[];
    },
    async run(sql, params) {
      const { statement, order } = prepared(sql);
      if (!statement.readonly) return changesOf(await write(statement, bind(order, params), false));
      flush();
      return statement.run(...bind(order, params)).changes;
    },
  };
}

function rowsOf(result: Row[] | number): Row[] {
  return typeof result === 'number' ? [] : result;
}

function changesOf(result: Row[] | number): number {
  return typeof result === 'number' ? result : result.length;
}
