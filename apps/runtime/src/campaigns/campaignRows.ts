import type {
  CampaignConfig,
  CampaignContact,
  CampaignProgress,
  CampaignRecord,
  CampaignStatus,
  ContactOutcome,
  ContactState,
  ListInfo,
} from './CampaignStore.ts';
import type { CallResult } from './retryDecision.ts';

/**
 * Rows of the campaign tables as both dialects return them: SQLite gives JSON as text and times as ISO text,
 * PostgreSQL gives JSONB as values, BIGINT as text and TIMESTAMPTZ as dates.
 */
export function campaignFromRow(row: unknown): CampaignRecord {
  const list = Reflect.get(objectRow(row), 'list_info');
  return {
    id: field(row, 'id'),
    status: field(row, 'status') as CampaignStatus,
    config: jsonField(row, 'config') as CampaignConfig,
    list: list === null || list === undefined ? null : (jsonField(row, 'list_info') as ListInfo),
    createdAt: field(row, 'created_at'),
    updatedAt: field(row, 'updated_at'),
  };
}

export function contactFromRow(row: unknown): CampaignContact {
  return {
    seq: Number(field(row, 'seq')),
    line: Number(field(row, 'line')),
    phone: field(row, 'phone'),
    timeZones: stringArray(jsonField(row, 'time_zones')),
    variables: jsonField(row, 'variables') as Record<string, string>,
    state: field(row, 'state') as ContactState,
    attempts: Number(field(row, 'attempts')),
    nextAt: Number(field(row, 'next_at')),
    lastResult: nullableField(row, 'last_result') as CallResult | null,
    outcome: nullableField(row, 'outcome') as ContactOutcome | null,
    sessionId: nullableField(row, 'session_id'),
  };
}

/** The do-not-call entry of a row. */
export function doNotCallFromRow(row: unknown): { phone: string; reason: string; addedAt: string } {
  return { phone: field(row, 'phone'), reason: field(row, 'reason'), addedAt: field(row, 'added_at') };
}

/**
 * The counts of the page from two grouped queries: contacts by state and outcome (`state`, `outcome`, `n`) and call
 * attempts by result (`result`, `n`).
 */
export function progressFromRows(states: unknown[], results: unknown[]): CampaignProgress {
  const progress: CampaignProgress = {
    contacts: 0,
    finished: 0,
    pending: 0,
    inProgress: 0,
    attempts: 0,
    connected: 0,
    completed: 0,
    outcomes: {},
    results: {},
  };
  for (const row of states) {
    const n = countOf(row);
    const state = field(row, 'state');
    progress.contacts += n;
    if (state === 'done') {
      progress.finished += n;
      const outcome = field(row, 'outcome') as ContactOutcome;
      progress.outcomes[outcome] = (progress.outcomes[outcome] ?? 0) + n;
      if (outcome === 'completed' || outcome === 'optedOut') progress.completed += n;
    } else if (state === 'pending' || state === 'sms') progress.pending += n;
    else progress.inProgress += n;
  }
  for (const row of results) {
    const n = countOf(row);
    progress.attempts += n;
    const result = nullableField(row, 'result') as CallResult | null;
    if (result === null) continue;
    progress.results[result] = (progress.results[result] ?? 0) + n;
    if (result === 'completed') progress.connected += n;
  }
  return progress;
}

/**
 * The next job of a waiting contact: a call under a new attempt number, or the fallback text under the `sms` key. The
 * key is the attempt's idempotency key (primary key of `campaign_attempts`, the dialer's request key).
 */
export function nextJobOf(
  campaignId: string,
  contact: Pick<CampaignContact, 'seq' | 'state' | 'attempts'>,
): { kind: 'call' | 'sms'; attempt: number; key: string } {
  const kind = contact.state === 'sms' ? 'sms' : 'call';
  const attempt = kind === 'call' ? contact.attempts + 1 : contact.attempts;
  const key = kind === 'call' ? `${campaignId}:${contact.seq}:${attempt}` : `${campaignId}:${contact.seq}:sms`;
  return { kind, attempt, key };
}

export function nullableField(row: unknown, name: string): string | null {
  const value: unknown = Reflect.get(objectRow(row), name);
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value.toISOString() : String(value);
}

export function field(row: unknown, name: string): string {
  const value = nullableField(row, name);
  if (value === null) throw new Error(`campaign row has no ${name}`);
  return value;
}

export function countOf(row: unknown): number {
  return Number(nullableField(row, 'n') ?? 0);
}

export function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

function objectRow(row: unknown): object {
  return typeof row === 'object' && row !== null ? row : {};
}

/** A JSON column: parsed from SQLite's text, as is from PostgreSQL's JSONB. */
function jsonField(row: unknown, name: string): unknown {
  const value: unknown = Reflect.get(objectRow(row), name);
  if (value === null || value === undefined) throw new Error(`campaign row has no ${name}`);
  return typeof value === 'string' ? JSON.parse(value) : value;
}
