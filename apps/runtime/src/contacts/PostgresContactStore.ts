import type { Pool, PoolClient } from 'pg';
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
import { appendedPath, characterTerms, searchTerms } from './searchText.ts';
import { pageOf } from './SqliteContactStore.ts';

/** The transcript entries search reads (what the caller and the bot said, not the ports taken); the text index's predicate. */
const SEARCHED = `(t.entry->>'from') IS DISTINCT FROM 'system'`;

/**
 * How many of the newest contacts passing the other filters a text search checks one by one before it asks the text
 * index (see {@link PostgresContactStore.search}): a word in more than ~3% of recent contacts fills a page from them.
 */
const RECENT_WINDOW = 1000;

/** A word the index statistics put in fewer entries than this is gathered from the index without a walk first. */
const RARE_ENTRIES = 5000;

/** How long the index statistics are trusted before they are read again. */
const STATS_MAX_AGE_MS = 60_000;

/**
 * Contacts on the shared PostgreSQL database, through the flow store's pool: the flow store calls {@link writeStart}
 * and {@link writeTurn} with its transaction's client, so a turn commits its contact with it.
 */
export class PostgresContactStore implements ContactStore {
  readonly #pool: Pool;
  readonly #window: number;
  #stats: { readAt: number; entries: number; shares: Map<string, number>; floor: number } | undefined;

  /** `recentWindow` is for tests, which reach the term index with a handful of contacts. */
  constructor(pool: Pool, options: { recentWindow?: number } = {}) {
    this.#pool = pool;
    this.#window = options.recentWindow ?? RECENT_WINDOW;
  }

  /**
   * Inserts the contact of a starting session with its first path; run on the session's insert transaction. The start
   * is kept to the millisecond, the precision of the ISO times a page cursor carries.
   */
  async writeStart(client: PoolClient, start: ContactStart, turn: ContactTurn | undefined): Promise<void> {
    const path = turn?.path ?? [];
    await client.query(
      `INSERT INTO contacts (id, flow_id, version, channel, direction, caller_number, dialed_number, locale, started_at,
         path, last_node) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, date_trunc('milliseconds', now()), $9, $10)`,
      [
        start.id,
        start.flowId,
        start.version,
        start.channel,
        start.direction,
        start.callerNumber,
        start.dialedNumber,
        start.locale,
        JSON.stringify(path),
        path.at(-1) ?? null,
      ],
    );
    if (turn?.end) await this.writeTurn(client, start.id, { path: [], end: turn.end });
  }

  /** Adds a turn's path, count and (on the last turn) outcome; run on the turn's transaction. */
  async writeTurn(client: PoolClient, id: string, turn: ContactTurn): Promise<void> {
    await client.query(contactTurnUpdate(1, 'id = $1'), contactTurnValues(id, turn));
  }

  /** Marks the contacts of sessions about to expire as abandoned; run on the expiry's transaction. */
  async abandonExpired(client: PoolClient, before: Date): Promise<void> {
    await client.query(
      `UPDATE contacts SET outcome = 'abandoned', ended_at = now(), end_node = last_node,
         duration_ms = round(extract(epoch FROM now() - started_at) * 1000)
       WHERE outcome IS NULL AND id IN (SELECT id FROM sessions WHERE status = 'active' AND updated_at < $1)`,
      [before.toISOString()],
    );
  }

  /**
   * Text search in two ways, both exact (the entries whose lowercased text holds the lowercased search text). A word
   * the index statistics call rare (see {@link #likelyRare}) is gathered from the term index, all its matches sorted.
   * Otherwise the newest {@link RECENT_WINDOW} contacts passing the other filters are walked in time order, each
   * checked on its own entries, and the walk stops at a full page: a common word costs a few dozen contacts whatever
   * its total count. When the window holds less than a page and older contacts exist, all matches are sorted after all.
   */
  async search(filter: ContactFilter, page: { limit: number; after?: ContactCursor }): Promise<ContactPage> {
    const text = filter.text;
    const query = new SearchQuery(filter, page.after);
    if (text === undefined) return this.#page(query.sql(page.limit), query.params, page.limit);

    if (!(await this.#likelyRare(text))) {
      const walk = new SearchQuery(filter, page.after);
      const window = contactSearchSql(walk.where, walk.bind(this.#window));
      const recent = await this.#page(
        `SELECT c.* FROM (${window}) c WHERE (SELECT true FROM transcripts t WHERE t.session_id = c.id AND ${SEARCHED}
           AND strpos(lower(t.entry->>'text'), lower(${walk.bind(text)})) > 0 LIMIT 1)
         ORDER BY c.started_at DESC, c.id DESC LIMIT ${walk.bind(page.limit + 1)}`,
        walk.params,
        page.limit,
      );
      if (recent.next !== undefined || !(await this.#windowFull(filter, page.after))) return recent;
    }

    // All matches first, then the newest, each contact looked up by its id (LATERAL … OFFSET 0 stays a nested loop):
    // left to itself the planner joined a rare word's matches by reading every contact (~70 ms at 100,000), or walked
    // the contacts in time order for a page, probing each.
    const q = query.bind(text);
    const terms = query.bind(searchTerms(text));
    const matched = `SELECT DISTINCT t.session_id AS id FROM transcripts t
      WHERE t.terms @> ${terms}::text[] AND ${SEARCHED} AND strpos(lower(t.entry->>'text'), lower(${q})) > 0`;
    return this.#page(
      `WITH matched AS MATERIALIZED (${matched})
       SELECT c.* FROM matched m CROSS JOIN LATERAL (SELECT * FROM contacts c
         WHERE ${['c.id = m.id', ...query.where].join(' AND ')} OFFSET 0) c
       ORDER BY c.started_at DESC, c.id DESC LIMIT ${query.bind(page.limit + 1)}`,
      query.params,
      page.limit,
    );
  }

  /**
   * Whether the statistics ANALYZE keeps of the term index (its most common terms and their share of the entries)
   * say that fewer than {@link RARE_ENTRIES} entries hold `text`: no more than hold its least common term, a term off
   * the list being rarer than those on it (it was not even in ANALYZE's sample). Read at most once a minute; without statistics (a new database) no word is
   * called rare, and the walk serves it.
   */
  async #likelyRare(text: string): Promise<boolean> {
    if (this.#stats === undefined || Date.now() - this.#stats.readAt > STATS_MAX_AGE_MS) {
      const { rows } = await this.#pool.query<{ elems: string[] | null; freqs: number[] | null; rows: number }>(
        // The table's row count: a GIN index's own counts its terms.
        `SELECT s.most_common_elems::text::text[] AS elems, s.most_common_elem_freqs AS freqs,
           (SELECT reltuples FROM pg_class WHERE relname = 'transcripts') AS rows
         FROM pg_stats s WHERE s.tablename = 'transcripts' AND s.attname = 'terms'`,
      );
      const row = rows[0];
      const elems = row?.elems ?? [];
      const freqs = row?.freqs ?? [];
      this.#stats = {
        readAt: Date.now(),
        entries: Math.max(0, row?.rows ?? 0),
        shares: new Map(elems.map((term, i) => [term, freqs[i] ?? 0])),
        // After the terms' shares come the least and largest of them, then the share of empty arrays. A term off the
        // list is taken at half the least share, at most 0.2%: ANALYZE lists every term that makes up more than about
        // 1 in 16,000 of the terms in its sample (~0.16% of the entries at ~25 terms an entry), so one left out is rarer.
        floor: elems.length > 0 ? Math.min(0.002, (freqs[elems.length] ?? 0) / 2) : Number.NaN,
      };
    }
    const { entries, shares, floor } = this.#stats;
    if (Number.isNaN(floor)) return false;
    const share = Math.min(...searchTerms(text).map((term) => shares.get(term) ?? floor));
    return share * entries < RARE_ENTRIES;
  }

  async #page(sql: string, params: unknown[], limit: number): Promise<ContactPage> {
    const { rows } = await this.#pool.query<ContactRow>(sql, params);
    return pageOf(rows.map(contactFromRow), limit);
  }

  /** Whether the window is full: at least its size of contacts pass the filters other than the text. */
  async #windowFull(filter: ContactFilter, after: ContactCursor | undefined): Promise<boolean> {
    const query = new SearchQuery(filter, after);
    const { rows } = await this.#pool.query<{ n: string }>(
      `SELECT COUNT(*) AS n FROM (SELECT 1 FROM contacts c ${query.where.length > 0 ? `WHERE ${query.where.join(' AND ')}` : ''}
         LIMIT ${query.bind(this.#window)}) w`,
      query.params,
    );
    return Number(rows[0]?.n ?? 0) >= this.#window;
  }

  async get(id: string): Promise<ContactRecord | undefined> {
    const { rows } = await this.#pool.query<ContactRow>('SELECT * FROM contacts WHERE id = $1', [id]);
    return rows[0] ? contactFromRow(rows[0]) : undefined;
  }

  async previousContacts(callerNumber: string, since: Date): Promise<number> {
    const { rows } = await this.#pool.query<{ n: string }>(
      'SELECT COUNT(*) AS n FROM contacts WHERE caller_number = $1 AND started_at >= $2',
      [callerNumber, since.toISOString()],
    );
    return Number(rows[0]?.n ?? 0);
  }

  async deleteBatchOlderThan(before: Date, batchSize: number): Promise<number> {
    // Transcripts and contacts go with their session (foreign keys cascade).
    const result = await this.#pool.query(
      `DELETE FROM sessions WHERE id IN
         (SELECT id FROM sessions WHERE status = 'ended' AND updated_at < $1 ORDER BY updated_at LIMIT $2)`,
      [before.toISOString(), batchSize],
    );
    return result.rowCount ?? 0;
  }
}

/**
 * The UPDATE that adds one turn to a contact, its parameters numbered from `$first` (the contact id first, see
 * {@link contactTurnValues}) and limited by `where`, so the flow store can run it inside its one-statement turn write.
 */
export function contactTurnUpdate(first: number, where: string): string {
  const $ = (n: number) => `$${first + n - 1}`;
  return `UPDATE contacts SET
         path = path || (CASE WHEN last_node = ${$(2)} THEN ${$(3)} ELSE ${$(4)} END)::jsonb,
         last_node = COALESCE(${$(5)}, last_node),
         turns = turns + ${$(6)},
         ended_at = CASE WHEN ${$(7)} THEN now() ELSE ended_at END,
         outcome = CASE WHEN ${$(7)} THEN ${$(8)} ELSE outcome END,
         end_node = CASE WHEN ${$(7)} THEN ${$(9)} ELSE end_node END,
         transfer_queue = CASE WHEN ${$(7)} THEN ${$(10)} ELSE transfer_queue END,
         duration_ms = CASE WHEN ${$(7)} THEN round(extract(epoch FROM now() - started_at) * 1000) ELSE duration_ms END
       WHERE ${where}`;
}

/** The parameters of {@link contactTurnUpdate}, in order. */
export function contactTurnValues(id: string | null, turn: ContactTurn): unknown[] {
  const path = appendedPath(turn.path);
  return [
    id,
    turn.path[0] ?? null,
    `[${path.rest ?? ''}]`,
    `[${path.all ?? ''}]`,
    turn.path.at(-1) ?? null,
    turn.input ? 1 : 0,
    turn.end !== undefined,
    turn.end?.outcome ?? null,
    turn.end?.endNode ?? null,
    turn.end?.transferQueue ?? null,
  ];
}

/** A search's bound parameters and its conditions other than the text. */
class SearchQuery {
  readonly params: unknown[] = [];
  readonly where: string[];

  constructor(filter: ContactFilter, after: ContactCursor | undefined) {
    this.where = contactConditions(filter, after, (value) => this.bind(value));
  }

  /** Adds a parameter and answers its placeholder. */
  bind(value: string | number | readonly string[]): string {
    return `$${this.params.push(value)}`;
  }

  /** The page statement. */
  sql(limit: number): string {
    return contactSearchSql(this.where, this.bind(limit + 1));
  }
}

/**
 * The `transcripts.terms` of each entry, joined by spaces (`string_to_array(…, ' ')` in SQL): the {@link characterTerms}
 * of what the caller or the bot said, none for system entries (not searched) or entries without text. Computed here,
 * by the tokenizer the search uses, rather than by the database for every stored entry (issue 22, cost of a turn).
 */
export function transcriptTerms(entries: readonly unknown[]): (string | null)[] {
  return entries.map((entry) => {
    if (typeof entry !== 'object' || entry === null) return null;
    const text: unknown = Reflect.get(entry, 'text');
    return Reflect.get(entry, 'from') === 'system' || typeof text !== 'string' ? null : characterTerms(text).join(' ');
  });
}
