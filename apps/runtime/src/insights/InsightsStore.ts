import type { QaScore, ContactSummary } from '@omniflow/analytics';
import type { ContactRecord } from './deriveContact.ts';
import type { SqlRunner, SqlStatement } from './SqlRunner.ts';

/** A finished contact's stored insights: the record's figures, its categories, summary and QA score. */
export interface ContactInsights {
  contact: ContactRecord;
  categories: readonly string[];
  summary: ContactSummary;
  qa: QaScore;
}

/** The filter every dashboard query takes: UTC days `from`..`to` (inclusive, YYYY-MM-DD), optionally one flow. */
export interface InsightsRange {
  from: string;
  to: string;
  flowId?: string;
}

/** What the dashboards show for a range. */
export interface Dashboard {
  /** Contacts per day, channel and outcome. */
  volume: { day: string; channel: string; outcome: string; contacts: number }[];
  containment: { contacts: number; contained: number };
  transferReasons: { reason: string; contacts: number }[];
  /** Per day: the average caller sentiment and the contacts with a score. */
  sentiment: { day: string; average: number; contacts: number }[];
  topCategories: { category: string; contacts: number }[];
}

/** Per node of one flow version: sums over the contacts in the range. */
export interface NodeAnalytics {
  nodeId: string;
  visits: number;
  dropOffs: number;
  noMatch: number;
  noInput: number;
  averageSeconds: number;
}

/** The QA figures per day, flow, transfer queue and agent (null: the bot alone handled the contact). */
export interface QaTrend {
  day: string;
  flowId: string;
  queue: string | null;
  agentId: string | null;
  contacts: number;
  averageScore: number;
}

/** One agent's figures over a range: contacts handled, average handle time, QA score and caller sentiment. */
export interface AgentFigures {
  agentId: string;
  handled: number;
  averageHandleSeconds: number;
  averageQaScore: number;
  /** The average caller sentiment of the agent's contacts with a score, or null. */
  averageSentiment: number | null;
}

const TOP = 10;

/**
 * The insights tables (issue 17) on the flow store's database: rules per flow or global, and one row per finished
 * contact with its categories and per-node figures. Every dashboard figure is one indexed GROUP BY over them.
 */
export class InsightsStore {
  readonly #sql: SqlRunner;

  constructor(sql: SqlRunner) {
    this.#sql = sql;
  }

  /** The rule document of a scope (a flow id, or `*` for every flow), or undefined. */
  async getRules(scope: string): Promise<unknown> {
    const [row] = await this.#sql.all<{ body: unknown }>('SELECT body FROM insight_rules WHERE scope = ?', [scope]);
    return row === undefined ? undefined : this.#json(row.body);
  }

  async putRules(scope: string, body: unknown): Promise<void> {
    await this.#sql.batch([
      {
        sql: `INSERT INTO insight_rules (scope, body, updated_at) VALUES (?, ?, ?)
              ON CONFLICT (scope) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`,
        params: [scope, JSON.stringify(body), new Date().toISOString()],
      },
    ]);
  }

  /** Stores (or replaces) a finished contact's insights in one transaction. */
  async saveContact(insights: ContactInsights): Promise<void> {
    await this.#sql.batch(contactStatements(insights));
  }

  /** Stores many contacts in one transaction (imports, the benchmark). */
  async saveContacts(list: readonly ContactInsights[]): Promise<void> {
    await this.#sql.batch(list.flatMap(contactStatements));
  }

  async getContact(sessionId: string): Promise<Record<string, unknown> | undefined> {
    const [row] = await this.#sql.all<Record<string, unknown>>(
      `SELECT session_id, flow_id, version, channel, locale, day, started_at, ended_at, outcome, contained, transfer_queue,
              transfer_reason, end_node, turns, duration_seconds, sentiment, qa_score, summary, qa, categories, agent_id,
              handle_seconds
         FROM contact_insights WHERE session_id = ?`,
      [sessionId],
    );
    if (row === undefined) return undefined;
    return {
      sessionId: row['session_id'],
      flowId: row['flow_id'],
      version: Number(row['version']),
      channel: row['channel'],
      locale: row['locale'],
      startedAt: iso(row['started_at']),
      endedAt: iso(row['ended_at']),
      outcome: row['outcome'],
      contained: Number(row['contained']) === 1,
      transferQueue: row['transfer_queue'],
      transferReason: row['transfer_reason'],
      endNode: row['end_node'],
      turns: Number(row['turns']),
      durationSeconds: Number(row['duration_seconds']),
      sentiment: row['sentiment'] === null ? null : Number(row['sentiment']),
      agentId: row['agent_id'] ?? null,
      handleSeconds: row['handle_seconds'] === null ? null : Number(row['handle_seconds']),
      summary: this.#json(row['summary']),
      qa: this.#json(row['qa']),
      categories: this.#json(row['categories']),
    };
  }

  /** The dashboard of a range: five grouped queries over the day index. */
  async dashboard(range: InsightsRange): Promise<Dashboard> {
    const { where, params } = rangeFilter(range);
    const [volume, containment, reasons, sentiment, categories] = await Promise.all([
      this.#sql.all<{ day: string; channel: string; outcome: string; contacts: number | string }>(
        `SELECT day, channel, outcome, COUNT(*) AS contacts FROM contact_insights WHERE ${where}
          GROUP BY day, channel, outcome ORDER BY day, channel, outcome`,
        params,
      ),
      this.#sql.all<{ contacts: number | string; contained: number | string | null }>(
        `SELECT COUNT(*) AS contacts, SUM(contained) AS contained FROM contact_insights WHERE ${where}`,
        params,
      ),
      this.#sql.all<{ reason: string; contacts: number | string }>(
        `SELECT transfer_reason AS reason, COUNT(*) AS contacts FROM contact_insights
          WHERE ${where} AND transfer_reason IS NOT NULL GROUP BY transfer_reason ORDER BY contacts DESC, reason LIMIT ${TOP}`,
        params,
      ),
      this.#sql.all<{ day: string; average: number | string; contacts: number | string }>(
        `SELECT day, AVG(sentiment) AS average, COUNT(*) AS contacts FROM contact_insights
          WHERE ${where} AND sentiment IS NOT NULL GROUP BY day ORDER BY day`,
        params,
      ),
      this.#sql.all<{ category: string; contacts: number | string }>(
        `SELECT category, COUNT(*) AS contacts FROM contact_categories WHERE ${where}
          GROUP BY category ORDER BY contacts DESC, category LIMIT ${TOP}`,
        params,
      ),
    ]);
    const totals = containment[0];
    return {
      volume: volume.map((row) => ({ ...row, contacts: Number(row.contacts) })),
      containment: { contacts: Number(totals?.contacts ?? 0), contained: Number(totals?.contained ?? 0) },
      transferReasons: reasons.map((row) => ({ reason: row.reason, contacts: Number(row.contacts) })),
      sentiment: sentiment.map((row) => ({
        day: row.day,
        average: Math.round(Number(row.average) * 1000) / 1000,
        contacts: Number(row.contacts),
      })),
      topCategories: categories.map((row) => ({ category: row.category, contacts: Number(row.contacts) })),
    };
  }

  /** Per node figures of one flow version over a range (the canvas overlay). */
  async nodeAnalytics(flowId: string, version: number, range: Omit<InsightsRange, 'flowId'>): Promise<NodeAnalytics[]> {
    const rows = await this.#sql.all<Record<string, number | string>>(
      `SELECT node_id, SUM(visits) AS visits, SUM(dropped) AS dropped, SUM(no_match) AS no_match,
              SUM(no_input) AS no_input, SUM(millis) AS millis
         FROM contact_node_stats WHERE flow_id = ? AND version = ? AND day >= ? AND day <= ?
        GROUP BY node_id ORDER BY node_id`,
      [flowId, version, range.from, range.to],
    );
    return rows.map((row) => {
      const visits = Number(row['visits']);
      return {
        nodeId: String(row['node_id']),
        visits,
        dropOffs: Number(row['dropped']),
        noMatch: Number(row['no_match']),
        noInput: Number(row['no_input']),
        averageSeconds: visits === 0 ? 0 : Math.round(Number(row['millis']) / visits) / 1000,
      };
    });
  }

  /** QA scores per day, flow, transfer queue and agent over a range. */
  async qaTrend(range: InsightsRange): Promise<QaTrend[]> {
    const { where, params } = rangeFilter(range);
    const rows = await this.#sql.all<Record<string, number | string | null>>(
      `SELECT day, flow_id, transfer_queue, agent_id, COUNT(*) AS contacts, AVG(qa_score) AS average
         FROM contact_insights WHERE ${where} GROUP BY day, flow_id, transfer_queue, agent_id
        ORDER BY day, flow_id, COALESCE(transfer_queue, ''), COALESCE(agent_id, '')`,
      params,
    );
    return rows.map((row) => ({
      day: String(row['day']),
      flowId: String(row['flow_id']),
      queue: row['transfer_queue'] === null ? null : String(row['transfer_queue']),
      agentId: row['agent_id'] === null ? null : String(row['agent_id']),
      contacts: Number(row['contacts']),
      averageScore: Math.round(Number(row['average']) * 10) / 10,
    }));
  }

  /** The figures of every agent who handled a contact in the range, most contacts first. */
  async agents(range: InsightsRange): Promise<AgentFigures[]> {
    const { where, params } = rangeFilter(range);
    const rows = await this.#sql.all<Record<string, number | string | null>>(
      `SELECT agent_id, COUNT(*) AS handled, AVG(handle_seconds) AS handle, AVG(qa_score) AS qa, AVG(sentiment) AS sentiment
         FROM contact_insights WHERE ${where} AND agent_id IS NOT NULL GROUP BY agent_id ORDER BY handled DESC, agent_id`,
      params,
    );
    return rows.map((row) => ({
      agentId: String(row['agent_id']),
      handled: Number(row['handled']),
      averageHandleSeconds: Math.round(Number(row['handle'] ?? 0) * 10) / 10,
      averageQaScore: Math.round(Number(row['qa']) * 10) / 10,
      averageSentiment: row['sentiment'] === null ? null : Math.round(Number(row['sentiment']) * 1000) / 1000,
    }));
  }

  /**
   * Ids of ended published-version contacts that started after `since` and have no insights row yet, oldest first
   * (a range of the contacts' start index, one primary-key probe of the insights per contact).
   */
  async unanalyzedContacts(since: string, limit: number): Promise<string[]> {
    const rows = await this.#sql.all<{ id: string }>(
      `SELECT c.id FROM contacts c LEFT JOIN contact_insights i ON i.session_id = c.id
        WHERE c.started_at > ? AND c.ended_at IS NOT NULL AND c.version > 0 AND i.session_id IS NULL
        ORDER BY c.started_at LIMIT ${Math.max(1, Math.floor(limit))}`,
      [since],
    );
    return rows.map((row) => row.id);
  }

  /**
   * Claims the alert of a category for a contact: true for the one caller (of any process) that raised it first, so
   * an alert is published and its webhooks posted once however many processes see the contact's turns.
   */
  async claimAlert(sessionId: string, category: string): Promise<boolean> {
    const rows = await this.#sql.all<{ session_id: string }>(
      `INSERT INTO insight_alerts (session_id, category, raised_at) VALUES (?, ?, ?)
         ON CONFLICT (session_id, category) DO NOTHING RETURNING session_id`,
      [sessionId, category, new Date().toISOString()],
    );
    return rows.length === 1;
  }

  /** PostgreSQL answers JSONB columns parsed; SQLite answers the TEXT. */
  #json(value: unknown): unknown {
    return typeof value === 'string' && this.#sql.dialect === 'sqlite' ? JSON.parse(value) : value;
  }
}

function contactStatements({ contact, categories, summary, qa }: ContactInsights): SqlStatement[] {
  const id = contact.sessionId;
  return [
    { sql: 'DELETE FROM contact_categories WHERE session_id = ?', params: [id] },
    { sql: 'DELETE FROM contact_node_stats WHERE session_id = ?', params: [id] },
    {
      sql: `INSERT INTO contact_insights (session_id, flow_id, version, channel, locale, day, started_at, ended_at, outcome,
              contained, transfer_queue, transfer_reason, end_node, turns, duration_seconds, sentiment, qa_score, summary,
              qa, categories, agent_id, handle_seconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (session_id) DO UPDATE SET outcome = excluded.outcome, contained = excluded.contained,
              transfer_queue = excluded.transfer_queue, transfer_reason = excluded.transfer_reason,
              end_node = excluded.end_node, turns = excluded.turns, duration_seconds = excluded.duration_seconds,
              sentiment = excluded.sentiment, qa_score = excluded.qa_score, summary = excluded.summary, qa = excluded.qa,
              categories = excluded.categories, ended_at = excluded.ended_at, day = excluded.day,
              agent_id = excluded.agent_id, handle_seconds = excluded.handle_seconds`,
      params: [
        id,
        contact.flowId,
        contact.version,
        contact.channel,
        contact.locale,
        contact.day,
        contact.startedAt,
        contact.endedAt,
        contact.outcome,
        contact.contained ? 1 : 0,
        contact.transferQueue,
        contact.transferReason,
        contact.endNode,
        contact.turns,
        contact.durationSeconds,
        contact.sentiment,
        qa.score,
        JSON.stringify(summary),
        JSON.stringify(qa),
        JSON.stringify(categories),
        contact.agentId,
        contact.handleSeconds,
      ],
    },
    ...categories.map((category) => ({
      sql: 'INSERT INTO contact_categories (session_id, category, flow_id, day) VALUES (?, ?, ?, ?)',
      params: [id, category, contact.flowId, contact.day],
    })),
    ...contact.nodes.map((node) => ({
      sql: `INSERT INTO contact_node_stats (session_id, flow_id, version, day, node_id, visits, no_match, no_input, dropped,
              millis) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      params: [
        id,
        contact.flowId,
        contact.version,
        contact.day,
        node.nodeId,
        node.visits,
        node.noMatch,
        node.noInput,
        node.dropped,
        Math.round(node.millis),
      ],
    })),
  ];
}

function rangeFilter(range: InsightsRange): { where: string; params: unknown[] } {
  const params: unknown[] = [range.from, range.to];
  let where = 'day >= ? AND day <= ?';
  if (range.flowId !== undefined) {
    where += ' AND flow_id = ?';
    params.push(range.flowId);
  }
  return { where, params };
}

function iso(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}
