import type { FlowRecord, FlowVersionRecord, Role, SessionRecord, SessionStatus, TokenRecord } from './FlowStore.ts';

/** A `flows` row as both drivers return it (PostgreSQL parses JSONB and timestamps itself). */
export interface FlowRow {
  id: string;
  name: string;
  draft: string | Record<string, unknown>;
  revision: number | string;
  live_version: number | string | null;
  created_at: string | Date;
  updated_at: string | Date;
}

/** A `versions` row. */
export interface VersionRow {
  flow_id: string;
  version: number | string;
  document: string | Record<string, unknown>;
  note: string;
  author: string;
  published_at: string | Date;
  subflows?: string | Record<string, number> | null;
}

/** A `sessions` row, its `snapshot` JSON already parsed (SQLite's TEXT by the SQLite store). */
export interface SessionRow {
  id: string;
  flow_id: string;
  version: number | string;
  draft_document: string | Record<string, unknown> | null;
  channel: string;
  locale: string;
  status: string;
  snapshot: unknown;
  turn: number | string;
  created_at: string | Date;
  updated_at: string | Date;
}

/** A `tokens` row. */
export interface TokenRow {
  id: string;
  hash: string;
  role: string;
  flow_id: string | null;
  label: string;
  created_at: string | Date;
  expires_at: string | Date | null;
}

/** Maps a `flows` row to a record. */
export function flowFromRow(row: FlowRow): FlowRecord {
  return {
    id: row.id,
    name: row.name,
    draft: jsonObject(row.draft),
    revision: Number(row.revision),
    liveVersion: row.live_version === null ? null : Number(row.live_version),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

/** Maps a `versions` row to a record. */
export function versionFromRow(row: VersionRow): FlowVersionRecord {
  return {
    flowId: row.flow_id,
    version: Number(row.version),
    document: jsonObject(row.document),
    note: row.note,
    author: row.author,
    publishedAt: iso(row.published_at),
    subflows: row.subflows === undefined || row.subflows === null ? null : pinsOf(row.subflows),
  };
}

/** Maps a `sessions` row to a record. */
export function sessionFromRow(row: SessionRow): SessionRecord {
  return {
    id: row.id,
    flowId: row.flow_id,
    version: Number(row.version),
    draftDocument: row.draft_document === null ? null : jsonObject(row.draft_document),
    channel: row.channel,
    locale: row.locale,
    status: sessionStatus(row.status),
    // Already parsed: a sealed snapshot is a JSON string, which PostgreSQL's JSONB hands back as a plain string.
    snapshot: row.snapshot,
    turn: Number(row.turn),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

/** Maps a `tokens` row to a record. */
export function tokenFromRow(row: TokenRow): TokenRecord {
  return {
    id: row.id,
    hash: row.hash,
    role: tokenRole(row.role),
    flowId: row.flow_id,
    label: row.label,
    createdAt: iso(row.created_at),
    expiresAt: row.expires_at === null ? null : iso(row.expires_at),
  };
}

const ROLES: readonly (Role | 'channel')[] = [
  'agent',
  'supervisor',
  'viewer',
  'editor',
  'publisher',
  'admin',
  'channel',
];

function tokenRole(value: string): Role | 'channel' {
  const role = ROLES.find((r) => r === value);
  if (!role) throw new Error(`Stored token has unknown role "${value}"; the tokens table was edited by hand.`);
  return role;
}

function sessionStatus(value: string): SessionStatus {
  if (value !== 'active' && value !== 'ended') throw new Error(`Stored session has unknown status "${value}".`);
  return value;
}

function jsonObject(value: string | Record<string, unknown>): Record<string, unknown> {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error('Stored JSON document is not an object.');
  return { ...parsed };
}

function iso(value: string | Date): string {
  return value instanceof Date ? value.toISOString() : value;
}

function pinsOf(value: string | Record<string, number>): Record<string, number> {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  const pins: Record<string, number> = {};
  if (typeof parsed === 'object' && parsed !== null)
    for (const [id, version] of Object.entries(parsed)) if (typeof version === 'number') pins[id] = version;
  return pins;
}
