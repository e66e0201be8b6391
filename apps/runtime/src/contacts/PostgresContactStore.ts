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
import { appendedPath, containsPattern, isShortText } from './searchText.ts';
import { pageOf } from './SqliteContactStore.ts';

/** The transcript entries search reads (what the caller and the bot said, not the ports taken); the text index's predicate. */
const SEARCHED = `(entry->>'from') IS DISTINCT FROM 'system'`;

/** How many of the newest contacts a text search tries first (see {@link PostgresContactStore.search}). */
const RECENT_WINDOW = 2000;

/**
 * Contacts on the shared PostgreSQL database, through the flow store's pool: the flow store calls {@link writeStart}
 * and {@link writeTurn} with its transaction's client, so a turn commits its contact with it.
 */
export class PostgresContactStore implements ContactStore {
  readonly #pool: Pool;

  constructor(pool: Pool) {
    this.#pool = pool;
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

  async search(filter: ContactFilter, page: { limit: number; after?: ContactCursor }): Promise<ContactPage> {
    if (filter.text === undefined) return this.#search(filter, page);
    // A common word fills a page from the newest contacts: when the newest RECENT_WINDOW contacts passing the other
    // filters hold more than a page of matches, that page is exactly the answer. Otherwise (a rare word) the text
    // index answers over all contacts.
    const recent = await this.#search(filter, page, RECENT_WINDOW);
    return recent.next === undefined ? this.#search(filter, page) : recent;
  }

  async #search(
    filter: ContactFilter,
    page: { limit: number; after?: ContactCursor },
    window?: number,
  ): Promise<ContactPage> {
    const params: (string | number)[] = [];
    const bind = (value: string | number): string => `$${params.push(value)}`;
    const where = contactConditions(filter, page.after, bind);
    const text: string[] = [];
    if (filter.text !== undefined) {
      // Three characters or more: ILIKE with the text's wildcards escaped, which the pg_trgm index answers. Fewer: no
      // trigram exists, so each contact, newest first, is checked by plain substring search.
      text.push(
        isShortText(filter.text)
          ? `EXISTS (SELECT 1 FROM transcripts t WHERE t.session_id = c.id
               AND ${SEARCHED} AND strpos(lower(t.entry->>'text'), lower(${bind(filter.text)})) > 0)`
          : `EXISTS (SELECT 1 FROM transcripts t WHERE t.session_id = c.id
               AND ${SEARCHED} AND (t.entry->>'text') ILIKE ${bind(containsPattern(filter.text))})`,
      );
    }
    const sql =
      window === undefined
        ? contactSearchSql([...where, ...text], bind(page.limit + 1))
        : `SELECT c.* FROM (${contactSearchSql(where, bind(window))}) c WHERE ${text.join(' AND ')}
           ORDER BY c.started_at DESC, c.id DESC LIMIT ${bind(page.limit + 1)}`;
    const { rows } = await this.#pool.query<ContactRow>(sql, params);
    return pageOf(rows.map(contactFromRow), page.limit);
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
