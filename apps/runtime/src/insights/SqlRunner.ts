import type Database from 'better-sqlite3';
import type { Pool } from 'pg';

/** One statement with `?` placeholders. */
export interface SqlStatement {
  sql: string;
  params: readonly unknown[];
}

/**
 * The few SQL calls the insights tables need, on the flow store's own connection (SQLite) or pool (PostgreSQL):
 * statements are written once with `?` placeholders in the SQL both dialects share.
 */
export interface SqlRunner {
  readonly dialect: 'sqlite' | 'postgres';
  all<Row>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs the statements in one transaction. */
  batch(statements: readonly SqlStatement[]): Promise<void>;
}

/** A runner over a better-sqlite3 connection; statements are prepared once per SQL text. */
export function sqliteRunner(db: Database.Database): SqlRunner {
  const prepared = new Map<string, Database.Statement>();
  const statement = (sql: string): Database.Statement => {
    let found = prepared.get(sql);
    if (found === undefined) {
      found = db.prepare(sql);
      prepared.set(sql, found);
    }
    return found;
  };
  const transaction = db.transaction((statements: readonly SqlStatement[]) => {
    for (const { sql, params } of statements) statement(sql).run(...params);
  });
  return {
    dialect: 'sqlite',
    all: async <Row>(sql: string, params: readonly unknown[] = []) => statement(sql).all(...params) as Row[],
    batch: async (statements) => void transaction(statements),
  };
}

/** A runner over a pg pool; `?` placeholders become `$1`, `$2` … */
export function postgresRunner(pool: Pool): SqlRunner {
  return {
    dialect: 'postgres',
    async all<Row>(sql: string, params: readonly unknown[] = []) {
      const { rows } = await pool.query(numbered(sql), [...params]);
      return rows as Row[];
    },
    async batch(statements) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        for (const { sql, params } of statements) await client.query(numbered(sql), [...params]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}
