import Database from 'better-sqlite3';
import { SEED_CUSTOMERS } from './seedCustomers.ts';

/** An open core-banking database handle (better-sqlite3). */
export type CoreBankingDatabase = Database.Database;

/** Ordered schema migrations; `PRAGMA user_version` records how many have run. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE customers (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     date_of_birth TEXT NOT NULL,
     currency TEXT NOT NULL,
     balance_minor INTEGER NOT NULL
   );
   CREATE TABLE cards (
     customer_id TEXT NOT NULL REFERENCES customers(id),
     last_four TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('active', 'inactive', 'lost')),
     pin_hash TEXT,
     replacement_eta TEXT,
     PRIMARY KEY (customer_id, last_four)
   );
   CREATE TABLE transactions (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     customer_id TEXT NOT NULL REFERENCES customers(id),
     posted_at TEXT NOT NULL,
     description TEXT NOT NULL,
     amount_minor INTEGER NOT NULL
   );
   CREATE INDEX transactions_by_customer ON transactions (customer_id, posted_at);`,
  `CREATE TABLE idempotent_responses (
     key TEXT PRIMARY KEY,
     fingerprint TEXT NOT NULL,
     status INTEGER NOT NULL,
     body TEXT NOT NULL,
     created_at TEXT NOT NULL
   );`,
];

/** Opens (creating if needed) the database at `file` (or `:memory:`), migrates it and seeds an empty one. */
export function openCoreBankingDatabase(file: string): CoreBankingDatabase {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  migrate(db);
  seedIfEmpty(db);
  return db;
}

function migrate(db: CoreBankingDatabase): void {
  const current = Number(db.pragma('user_version', { simple: true }));
  db.transaction(() => {
    for (let version = current; version < MIGRATIONS.length; version++) {
      db.exec(MIGRATIONS[version] ?? '');
    }
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  })();
}

function seedIfEmpty(db: CoreBankingDatabase): void {
  const row = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM customers').get();
  if ((row?.n ?? 0) > 0) return;
  const insertCustomer = db.prepare(
    'INSERT INTO customers (id, name, date_of_birth, currency, balance_minor) VALUES (?, ?, ?, ?, ?)',
  );
  const insertCard = db.prepare('INSERT INTO cards (customer_id, last_four, status) VALUES (?, ?, ?)');
  const insertTransaction = db.prepare(
    'INSERT INTO transactions (customer_id, posted_at, description, amount_minor) VALUES (?, ?, ?, ?)',
  );
  db.transaction(() => {
    for (const c of SEED_CUSTOMERS) {
      insertCustomer.run(c.id, c.name, c.dateOfBirth, c.currency, c.balanceMinor);
      for (const card of c.cards) insertCard.run(c.id, card.lastFour, card.status);
      for (const t of c.transactions) insertTransaction.run(c.id, t.postedAt, t.description, t.amountMinor);
    }
  })();
}
