import type Database from 'better-sqlite3';
import type { Pool } from 'pg';
import type { FlowStore } from '../../store/FlowStore.ts';
import { PostgresFlowStore } from '../../store/PostgresFlowStore.ts';
import { SqliteFlowStore } from '../../store/SqliteFlowStore.ts';

/** What the runtime keeps of one voice contact's legs; never sent to a browser. */
export interface VoiceLeg {
  /** The base URL of the process holding the caller's media stream (the desk's audio socket is carried there). */
  holder?: string;
  /** The caller's number in clear, for a callback (agents see it masked). */
  callerNumber?: string;
  /** Twilio: the caller's call, the conference bridging caller and agent, the agent's call. */
  callerCallSid?: string;
  conferenceSid?: string;
  agentCallSid?: string;
  /** Twilio: the caller held and the agent muted from the desk. */
  held?: boolean;
  muted?: boolean;
  /** Twilio: the outbound call of a callback, and how it ended (`completed`, `no-answer`, `busy`, `failed`, …). */
  callbackCallSid?: string;
  callbackOutcome?: string;
}

/**
 * The `cc_voice_legs` table beside the flow store (SQLite file or PostgreSQL pool): one JSON document per voice
 * contact, merged field by field in one statement, so two processes writing different fields never lose either.
 */
export class VoiceLegStore {
  readonly #sqlite: Database.Database | undefined;
  readonly #pool: Pool | undefined;

  private constructor(sqlite: Database.Database | undefined, pool: Pool | undefined) {
    this.#sqlite = sqlite;
    this.#pool = pool;
  }

  /** The store sharing a flow store's database. */
  static beside(store: FlowStore): VoiceLegStore {
    if (store instanceof SqliteFlowStore) return new VoiceLegStore(store.database, undefined);
    if (store instanceof PostgresFlowStore) return new VoiceLegStore(undefined, store.pool);
    throw new Error('The voice leg store needs the SQLite or PostgreSQL flow store.');
  }

  async get(contactId: string): Promise<VoiceLeg | undefined> {
    if (this.#pool) {
      const { rows } = await this.#pool.query<{ leg: VoiceLeg }>(
        'SELECT leg FROM cc_voice_legs WHERE contact_id = $1',
        [contactId],
      );
      return rows[0]?.leg;
    }
    const row = this.#sqlite?.prepare('SELECT leg FROM cc_voice_legs WHERE contact_id = ?').get(contactId);
    const leg: unknown = row === undefined ? undefined : Reflect.get(Object(row), 'leg');
    return typeof leg === 'string' ? (JSON.parse(leg) as VoiceLeg) : undefined;
  }

  /** Sets the given fields of a contact's leg, keeping the others. */
  async merge(contactId: string, patch: VoiceLeg): Promise<void> {
    const now = new Date().toISOString();
    if (this.#pool) {
      await this.#pool.query(
        `INSERT INTO cc_voice_legs (contact_id, leg, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (contact_id) DO UPDATE SET leg = cc_voice_legs.leg || excluded.leg, updated_at = excluded.updated_at`,
        [contactId, JSON.stringify(patch), now],
      );
      return;
    }
    this.#sqlite
      ?.prepare(
        `INSERT INTO cc_voice_legs (contact_id, leg, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (contact_id) DO UPDATE SET leg = json_patch(cc_voice_legs.leg, excluded.leg), updated_at = excluded.updated_at`,
      )
      .run(contactId, JSON.stringify(patch), now);
  }
}
