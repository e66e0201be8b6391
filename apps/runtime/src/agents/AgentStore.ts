import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Pool } from 'pg';
import type { FlowStore } from '../store/FlowStore.ts';
import { PostgresFlowStore } from '../store/PostgresFlowStore.ts';
import { SqliteFlowStore } from '../store/SqliteFlowStore.ts';
import type { AgentDefinition, QueueDefinition } from './contactCenterTypes.ts';
import type { WaitTreatment } from './voice/voiceCenterOps.ts';

/** What the bot collected when it handed the contact over: shown to the agent (sensitive values already masked). */
export interface HandoffContext {
  flowId: string;
  channel: string;
  locale: string;
  nodeId: string;
  reason?: string;
  variables: Record<string, unknown>;
  /** The `contact` system variable as the engine handed it over (sensitive fields masked). */
  contact?: Record<string, unknown>;
  transcript: unknown[];
  /** The nodes the bot conversation went through, in order. */
  path: string[];
  /** A note from the agent who transferred the contact here. */
  note?: string;
  /** A voice call: how the agent talks to the caller (a Twilio `<Dial>` to their phone, or the desk's browser audio). */
  voice?: { bridge: 'dial' | 'browser'; wait?: WaitTreatment };
  /** The caller asked to be called back (keeping their place); the number as the contact masking rules show it. */
  callback?: { number: string | null; requestedAt: string; outcome?: string };
  /** The contact's own priority (the flow's `routing.priority`): kept so a restarted router queues it the same. */
  priority?: number;
}

/** A contact handed to the agents: its queue, its agent once answered, its context and the wrap-up. */
export interface Handoff {
  id: string;
  queueId: string;
  agentId: string | null;
  status: 'waiting' | 'connected' | 'ended' | 'abandoned' | 'overflowed';
  customerKey: string | null;
  context: HandoffContext;
  wrapUp: { disposition: string; notes: string; agentId: string; at: string } | null;
  enqueuedAt: string;
  answeredAt: string | null;
  endedAt: string | null;
}

/** One live chat message between a customer and an agent (or a system line such as "PIN verified"). */
export interface ChatMessage {
  /** Chosen by the sender; a resend with the same id is stored once. */
  id: string;
  contactId: string;
  /** Per contact, from 1: clients resume from the last one they saw. */
  seq: number;
  sender: 'customer' | 'agent' | 'system';
  agentId: string | null;
  text: string;
  at: string;
}

/** One opening of a contact by a person. */
export interface AuditEntry {
  id: string;
  at: string;
  agentId: string;
  contactId: string;
  action: string;
}

/** The contact center's tables, next to the flow store's in the same database. */
export class AgentStore {
  readonly #sql: SqlRunner;

  private constructor(sql: SqlRunner) {
    this.#sql = sql;
  }

  /** The agent store sharing a flow store's database (SQLite file or PostgreSQL pool). */
  static beside(store: FlowStore): AgentStore {
    if (store instanceof SqliteFlowStore) return new AgentStore(sqliteRunner(store.database));
    if (store instanceof PostgresFlowStore) return new AgentStore(postgresRunner(store.pool));
    throw new Error('The agent store needs the SQLite or PostgreSQL flow store.');
  }

  async listQueues(): Promise<QueueDefinition[]> {
    const rows = await this.#sql.all('SELECT definition FROM cc_queues ORDER BY id', []);
    return rows.map((row) => parseJson<QueueDefinition>(row['definition']));
  }

  /** Creates or replaces a queue; answers whether it was new. */
  async putQueue(queue: QueueDefinition): Promise<boolean> {
    const existed = (await this.#sql.all('SELECT id FROM cc_queues WHERE id = $1', [queue.id])).length > 0;
    await this.#sql.run(
      `INSERT INTO cc_queues (id, definition, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET definition = excluded.definition, updated_at = excluded.updated_at`,
      [queue.id, JSON.stringify(queue), new Date().toISOString()],
    );
    return !existed;
  }

  async deleteQueue(id: string): Promise<boolean> {
    return (await this.#sql.run('DELETE FROM cc_queues WHERE id = $1', [id])) === 1;
  }

  async listAgents(): Promise<AgentDefinition[]> {
    const rows = await this.#sql.all('SELECT definition FROM cc_agents ORDER BY id', []);
    return rows.map((row) => parseJson<AgentDefinition>(row['definition']));
  }

  /** The agent with this login and its password hash. */
  async findAgentByLogin(login: string): Promise<{ agent: AgentDefinition; passwordHash: string } | undefined> {
    const [row] = await this.#sql.all('SELECT definition, password_hash FROM cc_agents WHERE login = $1', [login]);
    return row ? { agent: parseJson(row['definition']), passwordHash: String(row['password_hash']) } : undefined;
  }

  /**
   * Creates or replaces an agent; a replacement without `passwordHash` keeps the password. Answers `'loginTaken'`
   * when another agent has the login.
   */
  async putAgent(agent: AgentDefinition, passwordHash?: string): Promise<'created' | 'updated' | 'loginTaken'> {
    const [other] = await this.#sql.all('SELECT id FROM cc_agents WHERE login = $1 AND id <> $2', [
      agent.login,
      agent.id,
    ]);
    if (other) return 'loginTaken';
    const now = new Date().toISOString();
    const updated = await this.#sql.run(
      `UPDATE cc_agents SET login = $2, definition = $3, updated_at = $4${passwordHash ? ', password_hash = $5' : ''} WHERE id = $1`,
      [agent.id, agent.login, JSON.stringify(agent), now, ...(passwordHash ? [passwordHash] : [])],
    );
    if (updated === 1) return 'updated';
    if (!passwordHash) throw new Error('A new agent needs a password hash.');
    await this.#sql.run(
      'INSERT INTO cc_agents (id, login, password_hash, definition, updated_at) VALUES ($1, $2, $3, $4, $5)',
      [agent.id, agent.login, passwordHash, JSON.stringify(agent), now],
    );
    return 'created';
  }

  async deleteAgent(id: string): Promise<boolean> {
    return (await this.#sql.run('DELETE FROM cc_agents WHERE id = $1', [id])) === 1;
  }

  /** Stores a hand-over (the first time a contact is queued) or its new state. */
  async saveHandoff(handoff: Handoff): Promise<void> {
    await this.#sql.run(
      `INSERT INTO cc_handoffs (id, queue_id, agent_id, status, customer_key, context, wrap_up, enqueued_at, answered_at, ended_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (id) DO UPDATE SET queue_id = excluded.queue_id, agent_id = excluded.agent_id, status = excluded.status,
         context = excluded.context, wrap_up = excluded.wrap_up, answered_at = excluded.answered_at, ended_at = excluded.ended_at`,
      [
        handoff.id,
        handoff.queueId,
        handoff.agentId,
        handoff.status,
        handoff.customerKey,
        JSON.stringify(handoff.context),
        handoff.wrapUp ? JSON.stringify(handoff.wrapUp) : null,
        handoff.enqueuedAt,
        handoff.answeredAt,
        handoff.endedAt,
      ],
    );
  }

  /**
   * The hand-overs a restarted process takes up again: waiting, connected, and ended ones still owed a wrap-up
   * (oldest first).
   */
  async openHandoffs(): Promise<Handoff[]> {
    const rows = await this.#sql.all(
      `SELECT * FROM cc_handoffs
       WHERE status IN ('waiting', 'connected') OR (status = 'ended' AND wrap_up IS NULL AND agent_id IS NOT NULL)
       ORDER BY enqueued_at, id`,
      [],
    );
    return rows.map(handoffOf);
  }

  async getHandoff(id: string): Promise<Handoff | undefined> {
    const [row] = await this.#sql.all('SELECT * FROM cc_handoffs WHERE id = $1', [id]);
    return row ? handoffOf(row) : undefined;
  }

  /** Earlier hand-overs of the same customer, newest first. */
  async previousHandoffs(customerKey: string, beforeId: string): Promise<Handoff[]> {
    const rows = await this.#sql.all(
      'SELECT * FROM cc_handoffs WHERE customer_key = $1 AND id <> $2 ORDER BY enqueued_at DESC LIMIT 20',
      [customerKey, beforeId],
    );
    return rows.map(handoffOf);
  }

  /**
   * Appends a chat message with the next sequence number; a message whose id is stored already is answered as
   * stored (a client resending after a reconnect), so nothing is kept twice.
   */
  async appendMessage(message: Omit<ChatMessage, 'seq' | 'at'>): Promise<{ message: ChatMessage; fresh: boolean }> {
    for (let attempt = 0; ; attempt += 1) {
      let row: Row | undefined;
      try {
        // One statement stores the line with the next sequence number and answers it; a known id stores nothing.
        [row] = await this.#sql.all(
          `INSERT INTO cc_messages (contact_id, seq, id, sender, agent_id, text, at)
           SELECT $1, COALESCE(MAX(seq), 0) + 1, $2, $3, $4, $5, $6 FROM cc_messages WHERE contact_id = $1
           ON CONFLICT (id) DO NOTHING RETURNING *`,
          [message.contactId, message.id, message.sender, message.agentId, message.text, new Date().toISOString()],
        );
      } catch (error) {
        // Two processes appended to one contact at once (same seq): read again and retry.
        if (attempt < 5 && isUniqueViolation(error)) continue;
        throw error;
      }
      if (!row) {
        const [known] = await this.#sql.all('SELECT * FROM cc_messages WHERE id = $1', [message.id]);
        if (known) return { message: messageOf(known), fresh: false };
        if (attempt < 5) continue;
        throw new Error('The chat message was neither stored nor found.');
      }
      const stored = messageOf(row);
      await this.#appendTranscript(stored);
      return { message: stored, fresh: true };
    }
  }

  /** The live chat is part of the contact's transcript: each line is appended to its bot session's entries. */
  async #appendTranscript(message: ChatMessage): Promise<void> {
    const entry = {
      at: message.at,
      from: message.sender === 'customer' ? 'caller' : message.sender,
      kind: 'chat',
      text: message.text,
      messageId: message.id,
      ...(message.agentId ? { agentId: message.agentId } : {}),
    };
    for (let attempt = 0; ; attempt += 1) {
      try {
        await this.#sql.run(
          `INSERT INTO transcripts (session_id, seq, entry)
           SELECT $1, COALESCE(MAX(seq), -1) + 1, $2 FROM transcripts WHERE session_id = $1
           HAVING EXISTS (SELECT 1 FROM sessions WHERE id = $1)`,
          [message.contactId, JSON.stringify(entry)],
        );
        return;
      } catch (error) {
        if (attempt < 5 && isUniqueViolation(error)) continue;
        throw error;
      }
    }
  }

  /** A contact's messages after `afterSeq`, in order. */
  async messagesAfter(contactId: string, afterSeq: number): Promise<ChatMessage[]> {
    const rows = await this.#sql.all('SELECT * FROM cc_messages WHERE contact_id = $1 AND seq > $2 ORDER BY seq', [
      contactId,
      afterSeq,
    ]);
    return rows.map(messageOf);
  }

  /** Keeps an agent's state, so a process that takes over routing (or restarts) restores it. */
  async saveAgentState(agentId: string, state: string, reason: string | null, since: string): Promise<void> {
    await this.#sql.run(
      `INSERT INTO cc_agent_states (agent_id, state, reason, since) VALUES ($1, $2, $3, $4)
       ON CONFLICT (agent_id) DO UPDATE SET state = excluded.state, reason = excluded.reason, since = excluded.since`,
      [agentId, state, reason, since],
    );
  }

  /** Every agent's last kept state. */
  async agentStates(): Promise<{ agentId: string; state: string; reason: string | null }[]> {
    const rows = await this.#sql.all('SELECT agent_id, state, reason FROM cc_agent_states', []);
    return rows.map((row) => ({
      agentId: String(row['agent_id']),
      state: String(row['state']),
      reason: row['reason'] === null ? null : String(row['reason']),
    }));
  }

  /** Records that a person opened a contact (issue 16, point 8). */
  async audit(agentId: string, contactId: string, action: string): Promise<void> {
    await this.#sql.run('INSERT INTO cc_audit (id, at, agent_id, contact_id, action) VALUES ($1, $2, $3, $4, $5)', [
      randomUUID(),
      new Date().toISOString(),
      agentId,
      contactId,
      action,
    ]);
  }

  /** The audit log, newest first, optionally of one contact. */
  async listAudit(contactId?: string): Promise<AuditEntry[]> {
    const rows = contactId
      ? await this.#sql.all('SELECT * FROM cc_audit WHERE contact_id = $1 ORDER BY at DESC LIMIT 500', [contactId])
      : await this.#sql.all('SELECT * FROM cc_audit ORDER BY at DESC LIMIT 500', []);
    return rows.map((row) => ({
      id: String(row['id']),
      at: isoOf(row['at']) ?? '',
      agentId: String(row['agent_id']),
      contactId: String(row['contact_id']),
      action: String(row['action']),
    }));
  }
}

type Row = Record<string, unknown>;
type Param = string | number | null;

/** The two calls the agent store needs, with PostgreSQL's `$n` placeholders in both dialects. */
interface SqlRunner {
  all(sql: string, params: Param[]): Promise<Row[]>;
  /** Answers the number of rows changed. */
  run(sql: string, params: Param[]): Promise<number>;
}

function sqliteRunner(db: Database.Database): SqlRunner {
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
  return {
    async all(sql, params) {
      const { statement, order } = prepared(sql);
      return statement.all(...bind(order, params)) as Row[];
    },
    async run(sql, params) {
      const { statement, order } = prepared(sql);
      return statement.run(...bind(order, params)).changes;
    },
  };
}

function postgresRunner(pool: Pool): SqlRunner {
  return {
    async all(sql, params) {
      return (await pool.query(sql, params)).rows as Row[];
    },
    async run(sql, params) {
      return (await pool.query(sql, params)).rowCount ?? 0;
    },
  };
}

function isUniqueViolation(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? Reflect.get(error, 'code') : undefined;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** JSON columns: TEXT on SQLite (a string to parse), JSONB on PostgreSQL (parsed already). */
function parseJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** Time columns: ISO TEXT on SQLite, a Date from PostgreSQL's TIMESTAMPTZ. */
function isoOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value.toISOString() : String(value);
}

function handoffOf(row: Row): Handoff {
  return {
    id: String(row['id']),
    queueId: String(row['queue_id']),
    agentId: row['agent_id'] === null ? null : String(row['agent_id']),
    status: String(row['status']) as Handoff['status'],
    customerKey: row['customer_key'] === null ? null : String(row['customer_key']),
    context: parseJson(row['context']),
    wrapUp: row['wrap_up'] === null ? null : parseJson(row['wrap_up']),
    enqueuedAt: isoOf(row['enqueued_at']) ?? '',
    answeredAt: isoOf(row['answered_at']),
    endedAt: isoOf(row['ended_at']),
  };
}

function messageOf(row: Row): ChatMessage {
  return {
    id: String(row['id']),
    contactId: String(row['contact_id']),
    seq: Number(row['seq']),
    sender: String(row['sender']) as ChatMessage['sender'],
    agentId: row['agent_id'] === null ? null : String(row['agent_id']),
    text: String(row['text']),
    at: isoOf(row['at']) ?? '',
  };
}
