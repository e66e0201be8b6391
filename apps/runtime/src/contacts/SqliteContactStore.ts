import type Database from 'better-sqlite3';
import { contactFromRow, type ContactRow } from './contactFromRow.ts';
import type {
  ContactCursor,
  ContactFilter,
  ContactPage,
  ContactRecord,
  ContactStart,
  ContactStore,
  ContactTurn,
} from './ContactStore.ts';
import { contactConditions, contactSearchSql } from './contactConditions.ts';
import { appendedPath, characterPairs, isShortText, shortTextQuery } from './searchText.ts';

/** Transcript rows indexed per indexing transaction (about 25 µs each: one batch stays well under 100 ms). */
const INDEX_BATCH = 2000;

/** The text of a transcript row that search reads: what the caller and the bot said, not the ports taken. */
const SEARCHED_TEXT = `CASE WHEN json_extract(entry, '$.from') = 'system' THEN '' ELSE COALESCE(json_extract(entry, '$.text'), '') END`;

/** A word with fewer matching transcript entries than this is answered by sorting all its matches. */
export const MATCHED_ENTRIES = 1000;

/** How many of the newest contacts a search for a common word checks one by one (see SqliteContactStore.search). */
const RECENT_WINDOW = 1000;

/**
 * Contacts on the embedded SQLite file, sharing the flow store's connection: the flow store calls {@link writeStart}
 * and {@link writeTurn} inside its own session transactions, so a turn commits its contact with it.
 *
 * The transcript text index is filled off the turn path: a trigram insert costs ~50 µs per entry inside a turn's
 * transaction (it more than doubled a turn's CPU) but half that in batches, so new transcript rows are indexed every
 * `indexIntervalMs` and, to never miss one, right before any text search.
 */
export class SqliteContactStore implements ContactStore {
  readonly #db: Database.Database;
  readonly #stmt: ReturnType<typeof prepare>;
  readonly #searches = new Map<string, Database.Statement>();
  readonly #indexBatch: Database.Transaction<() => number>;
  #indexer: NodeJS.Timeout | undefined;

  readonly #paused: () => boolean;

  readonly #matchedEntries: number;
  readonly #window: number;

  /** `matchedEntries` and `recentWindow` are for tests, which reach the walk of common words with a few contacts. */
  constructor(
    db: Database.Database,
    options: { indexIntervalMs?: number; paused?: () => boolean; matchedEntries?: number; recentWindow?: number } = {},
  ) {
    this.#db = db;
    this.#matchedEntries = options.matchedEntries ?? MATCHED_ENTRIES;
    this.#window = options.recentWindow ?? RECENT_WINDOW;
    // While the flow store rewinds the WAL it holds its own writes back; the indexer waits too, or the rewind fails.
    this.#paused = options.paused ?? (() => false);
    db.function('contact_pairs', { deterministic: true }, (text) => characterPairs(String(text)));
    db.function('contact_holds', { deterministic: true }, (text, lowered) =>
      String(text).toLowerCase().includes(String(lowered)) ? 1 : 0,
    );
    this.#stmt = prepare(db);
    // Transcript rows only get larger rowids, and the index holds exactly the rows up to its largest (a deleted
    // transcript row takes its index row with it), so everything past that is what is left to index.
    // The mark is the index's largest rowid, read each batch (cheap): transcript rows only get larger rowids, and a
    // deleted transcript row takes its index rows with it, so everything past the mark is what is left to index. Every
    // row gets index rows (system entries with no text) so the mark always moves on.
    this.#indexBatch = db.transaction(() => {
      const mark = (this.#stmt.indexedMark.get() as number | null) ?? 0;
      const upTo = this.#stmt.batchEnd.get(mark, INDEX_BATCH) as number | null;
      if (upTo === null) return 0;
      this.#stmt.indexText.run(mark, upTo);
      return this.#stmt.indexPairs.run(mark, upTo).changes;
    });
    this.#indexer = setInterval(() => {
      if (this.#db.open) this.#indexInBackground();
    }, options.indexIntervalMs ?? 1000);
    this.#indexer.unref();
  }

  /** Indexes the transcript text not yet searchable, about `maxRows` transcript rows at most; answers how many entries. */
  indexPending(maxRows = Number.POSITIVE_INFINITY): number {
    if (this.#paused()) return 0;
    let total = 0;
    for (let rows = 0; rows < maxRows; rows += INDEX_BATCH) {
      const added = this.#indexBatch.immediate();
      total += added;
      if (added === 0) break;
    }
    return total;
  }

  /**
   * The timer's pass: another connection holding the write lock past the busy timeout (a long transaction of a second
   * process) only delays indexing to the next pass; a search indexes what is pending itself before it reads.
   */
  #indexInBackground(): void {
    try {
      this.indexPending();
    } catch (error) {
      if (!isBusy(error)) throw error;
    }
  }

  /** Stops the background indexer (the flow store closes the connection). */
  close(): void {
    clearInterval(this.#indexer);
    this.#indexer = undefined;
  }

  /** Inserts the contact of a starting session; call inside the session's insert transaction. */
  writeStart(start: ContactStart, turn: ContactTurn | undefined, now: string): void {
    this.#stmt.insert.run({
      id: start.id,
      flowId: start.flowId,
      version: start.version,
      channel: start.channel,
      direction: start.direction,
      caller: start.callerNumber,
      dialed: start.dialedNumber,
      locale: start.locale,
      now,
    });
    if (turn) this.writeTurn(start.id, { ...turn, input: false }, now);
  }

  /** Adds a turn's path, count and (on the last turn) outcome; call inside the turn's transaction. */
  writeTurn(id: string, turn: ContactTurn, now: string): void {
    const path = appendedPath(turn.path);
    this.#stmt.turn.run({
      id,
      first: turn.path[0] ?? null,
      all: path.all,
      rest: path.rest,
      last: turn.path.at(-1) ?? null,
      turns: turn.input ? 1 : 0,
      ended: turn.end ? 1 : 0,
      outcome: turn.end?.outcome ?? null,
      endNode: turn.end?.endNode ?? null,
      queue: turn.end?.transferQueue ?? null,
      now,
    });
  }

  /** Marks the contacts of sessions about to expire as abandoned; call inside the expiry's transaction. */
  abandonExpired(before: string, now: string): void {
    this.#stmt.abandon.run({ before, now });
  }

  /**
   * Text search, exact (every entry the text index matches, see the runtime README): a word with fewer than
   * {@link MATCHED_ENTRIES} matching entries is answered from the index, all its matches sorted. A more common one
   * walks the newest {@link RECENT_WINDOW} contacts passing the other filters in time order, checking each one's
   * entries by a lowercased substring test, and stops at a full page; when those hold less than a page and older contacts exist,
   * all matches are sorted after all.
   */
  async search(filter: ContactFilter, page: { limit: number; after?: ContactCursor }): Promise<ContactPage> {
    const text = filter.text;
    const query = new SqliteSearch(filter, page.after);
    if (text === undefined) return this.#page(query, [], page.limit);
    this.indexPending();
    // Three characters or more: the trigram index, the text bound as one quoted FTS5 phrase (never syntax). Fewer
    // (a two-character Chinese or Korean word has no trigram): the character-pair index, the query spelled by
    // shortTextQuery from code points only.
    const [table, column, match] = isShortText(text)
      ? ['transcript_pairs', 'pairs', shortTextQuery(text)]
      : ['transcript_text', 'text', `"${text.replace(/"/g, '""')}"`];
    const matches = `SELECT rowid FROM ${table} WHERE ${column} MATCH ?`;
    // One character is a prefix query, which merges every pair it starts before it answers at all (~50 ms at
    // 1,000,000 entries): it is taken as common without counting.
    const counted =
      [...text].length > 1 &&
      Number(this.#statement(`SELECT COUNT(*) FROM (${matches} LIMIT ${this.#matchedEntries})`).pluck().get(match)) <
        this.#matchedEntries;
    if (counted) return this.#allMatches(query, matches, match, page.limit);

    const boundary = this.#statement(
      `SELECT c.started_at, c.id FROM contacts c ${query.whereSql()}
       ORDER BY c.started_at DESC, c.id DESC LIMIT 1 OFFSET ${this.#window - 1}`,
    ).get(...query.params) as { started_at: string; id: string } | undefined;
    // Each entry is tested by a lowercased substring test, not the index: FTS5 looks a single rowid up at ~250 µs.
    const walk = `EXISTS (SELECT 1 FROM transcripts t WHERE t.session_id = c.id AND contact_holds(${SEARCHED_TEXT}, ?))`;
    const lowered = text.toLowerCase();
    const recent = this.#page(
      query,
      boundary ? ['(c.started_at, c.id) >= (?, ?)', walk] : [walk],
      page.limit,
      boundary ? [boundary.started_at, boundary.id, lowered] : [lowered],
    );
    if (recent.next !== undefined || boundary === undefined) return recent;
    return this.#allMatches(query, matches, match, page.limit);
  }

  /**
   * The page among all contacts with an entry in `matches`. CROSS JOIN keeps the matches as the outer loop: the
   * planner would otherwise walk every contact of a flow filter and probe the matches for each.
   */
  #allMatches(query: SqliteSearch, matches: string, match: string, limit: number): ContactPage {
    const sql = `SELECT c.* FROM (SELECT DISTINCT t.session_id AS id FROM transcripts t WHERE t.rowid IN (${matches})) m
      CROSS JOIN contacts c ON c.id = m.id ${query.whereSql()} ORDER BY c.started_at DESC, c.id DESC LIMIT ?`;
    const rows = this.#statement(sql).all(match, ...query.params, limit + 1) as ContactRow[];
    return pageOf(rows.map(contactFromRow), limit);
  }

  /** One page of `query` with `more` conditions, whose parameters `moreParams` follow the query's own. */
  #page(query: SqliteSearch, more: string[], limit: number, moreParams: (string | number)[] = []): ContactPage {
    const sql = contactSearchSql([...query.where, ...more], '?');
    const rows = this.#statement(sql).all(...query.params, ...moreParams, limit + 1) as ContactRow[];
    return pageOf(rows.map(contactFromRow), limit);
  }

  async get(id: string): Promise<ContactRecord | undefined> {
    const row = this.#stmt.get.get(id) as ContactRow | undefined;
    return row ? contactFromRow(row) : undefined;
  }

  async previousContacts(callerNumber: string, since: Date): Promise<number> {
    return this.#stmt.previous.get(callerNumber, since.toISOString()) as number;
  }

  async deleteBatchOlderThan(before: Date, batchSize: number): Promise<number> {
    // Transcripts, their text index rows (trigger) and contacts go with their session (foreign keys cascade).
    return this.#stmt.deleteBatch.run(before.toISOString(), batchSize).changes;
  }

  #statement(sql: string): Database.Statement {
    let statement = this.#searches.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      this.#searches.set(sql, statement);
    }
    return statement;
  }
}

/** Cuts a fetched `limit + 1` rows into a page and the cursor of its last contact when more follow. */
export function pageOf(contacts: ContactRecord[], limit: number): ContactPage {
  if (contacts.length <= limit) return { contacts };
  const shown = contacts.slice(0, limit);
  const last = shown[shown.length - 1];
  return last ? { contacts: shown, next: { startedAt: last.startedAt, id: last.id } } : { contacts: shown };
}

function prepare(db: Database.Database) {
  return {
    insert: db.prepare(
      `INSERT INTO contacts (id, flow_id, version, channel, direction, caller_number, dialed_number, locale, started_at)
       VALUES (@id, @flowId, @version, @channel, @direction, @caller, @dialed, @locale, @now)`,
    ),
    turn: db.prepare(
      `UPDATE contacts SET
         path = CASE WHEN @all IS NULL THEN path
           ELSE (SELECT CASE WHEN piece IS NULL THEN path WHEN path = '[]' THEN '[' || piece || ']'
             ELSE substr(path, 1, length(path) - 1) || ',' || piece || ']' END
             FROM (SELECT CASE WHEN last_node = @first THEN @rest ELSE @all END AS piece)) END,
         last_node = COALESCE(@last, last_node),
         turns = turns + @turns,
         ended_at = CASE WHEN @ended = 1 THEN @now ELSE ended_at END,
         outcome = CASE WHEN @ended = 1 THEN @outcome ELSE outcome END,
         end_node = CASE WHEN @ended = 1 THEN @endNode ELSE end_node END,
         transfer_queue = CASE WHEN @ended = 1 THEN @queue ELSE transfer_queue END,
         duration_ms = CASE WHEN @ended = 1 THEN CAST(round((julianday(@now) - julianday(started_at)) * 86400000) AS INTEGER)
           ELSE duration_ms END
       WHERE id = @id`,
    ),
    abandon: db.prepare(
      `UPDATE contacts SET outcome = 'abandoned', ended_at = @now, end_node = last_node,
         duration_ms = CAST(round((julianday(@now) - julianday(started_at)) * 86400000) AS INTEGER)
       WHERE outcome IS NULL AND id IN (SELECT id FROM sessions WHERE status = 'active' AND updated_at < @before)`,
    ),
    get: db.prepare('SELECT * FROM contacts WHERE id = ?'),
    previous: db.prepare('SELECT COUNT(*) FROM contacts WHERE caller_number = ? AND started_at >= ?').pluck(),
    indexedMark: db.prepare('SELECT MAX(rowid) FROM transcript_text').pluck(),
    batchEnd: db
      .prepare('SELECT MAX(rowid) FROM (SELECT rowid FROM transcripts WHERE rowid > ? ORDER BY rowid LIMIT ?)')
      .pluck(),
    indexText: db.prepare(
      `INSERT INTO transcript_text (rowid, session_id, text) SELECT rowid, session_id, ${SEARCHED_TEXT}
         FROM transcripts WHERE rowid > ? AND rowid <= ?`,
    ),
    indexPairs: db.prepare(
      `INSERT INTO transcript_pairs (rowid, pairs) SELECT rowid, contact_pairs(${SEARCHED_TEXT})
         FROM transcripts WHERE rowid > ? AND rowid <= ?`,
    ),
    deleteBatch: db.prepare(
      `DELETE FROM sessions WHERE id IN
         (SELECT id FROM sessions WHERE status = 'ended' AND updated_at < ? ORDER BY updated_at LIMIT ?)`,
    ),
  };
}

/** A search's conditions other than the text, with their bound parameters. */
class SqliteSearch {
  readonly params: (string | number)[] = [];
  readonly where: string[];

  constructor(filter: ContactFilter, after: ContactCursor | undefined) {
    this.where = contactConditions(filter, after, (value) => {
      this.params.push(value);
      return '?';
    });
  }

  whereSql(): string {
    return this.where.length > 0 ? `WHERE ${this.where.join(' AND ')}` : '';
  }
}

/** True for SQLite's "database is locked" (another connection holds the lock past the busy timeout). */
function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}
