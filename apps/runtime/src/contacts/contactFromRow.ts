import type { ContactDirection, ContactOutcome, ContactRecord } from './ContactStore.ts';

/** A `contacts` row as either driver returns it (SQLite: ISO text and JSON text; PostgreSQL: Date and parsed JSON). */
export interface ContactRow {
  id: string;
  flow_id: string;
  version: number;
  channel: string;
  direction: string;
  caller_number: string | null;
  dialed_number: string | null;
  locale: string;
  started_at: string | Date;
  ended_at: string | Date | null;
  outcome: string | null;
  end_node: string | null;
  path: string | unknown[];
  turns: number;
  duration_ms: number | string | null;
  transfer_queue: string | null;
}

const OUTCOMES: readonly string[] = ['completed', 'transferred', 'abandoned', 'failed'] satisfies ContactOutcome[];

/** The record of a stored contact row. */
export function contactFromRow(row: ContactRow): ContactRecord {
  const path: unknown = typeof row.path === 'string' ? JSON.parse(row.path) : row.path;
  return {
    id: row.id,
    flowId: row.flow_id,
    version: row.version,
    channel: row.channel,
    direction: row.direction === 'outbound' ? 'outbound' : ('inbound' satisfies ContactDirection),
    callerNumber: row.caller_number,
    dialedNumber: row.dialed_number,
    locale: row.locale,
    startedAt: iso(row.started_at),
    endedAt: row.ended_at === null ? null : iso(row.ended_at),
    outcome: row.outcome !== null && OUTCOMES.includes(row.outcome) ? (row.outcome as ContactOutcome) : null,
    endNode: row.end_node,
    path: Array.isArray(path) ? path.filter((n): n is string => typeof n === 'string') : [],
    turns: row.turns,
    durationMs: row.duration_ms === null ? null : Math.round(Number(row.duration_ms)),
    transferQueue: row.transfer_queue,
  };
}

function iso(value: string | Date): string {
  return value instanceof Date ? value.toISOString() : value;
}
