import type { Request } from 'express';
import { ApiError } from '../http/ApiError.ts';
import type { ContactCursor, ContactFilter, ContactOutcome } from './ContactStore.ts';
import { MAX_SEARCH_TEXT } from './searchText.ts';

/** The filters `GET /api/contacts` and its export take. */
export const CONTACT_FILTERS = ['flowId', 'channel', 'outcome', 'direction', 'from', 'to', 'caller', 'text'] as const;

/** The most contacts one page holds; a larger `limit` is capped to it. */
export const MAX_PAGE = 100;

const CHANNELS = ['dtmf', 'voice', 'chat'];
const OUTCOMES: readonly ContactOutcome[] = ['completed', 'transferred', 'abandoned', 'failed'];
const DIRECTIONS = ['inbound', 'outbound'] as const;

/** A parsed contact search: its filters, page size and where it resumes. */
export interface ContactQuery {
  filter: ContactFilter;
  limit: number;
  after?: ContactCursor;
}

/**
 * Reads a contact search from the query string, refusing with a 400 what it cannot honour: an unknown parameter
 * (naming the allowed ones), a repeated one, a value outside its set, a date that does not parse, a cursor this
 * runtime did not issue, or search text longer than {@link MAX_SEARCH_TEXT} characters.
 */
export function contactQuery(req: Request, extra: readonly string[] = []): ContactQuery {
  const allowed = [...CONTACT_FILTERS, 'cursor', 'limit', ...extra];
  const query: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.query)) {
    if (!allowed.includes(key))
      throw ApiError.badRequest(
        'UNKNOWN_FILTER',
        `Unknown query parameter "${key}"; allowed: ${allowed.join(', ')}.`,
        `/query/${key}`,
      );
    if (typeof value !== 'string')
      throw ApiError.badRequest('BAD_FILTER', `Give "${key}" once, as plain text.`, `/query/${key}`);
    query[key] = value;
  }
  const filter: ContactFilter = {};
  const oneOf = <T extends string>(key: string, values: readonly T[]): T | undefined => {
    const value = query[key];
    if (value === undefined) return undefined;
    const found = values.find((v) => v === value);
    if (found === undefined)
      throw ApiError.badRequest(
        'BAD_FILTER',
        `"${key}" must be one of ${values.join(', ')}; got "${value}".`,
        `/query/${key}`,
      );
    return found;
  };
  const channel = oneOf('channel', CHANNELS);
  const outcome = oneOf('outcome', OUTCOMES);
  const direction = oneOf('direction', DIRECTIONS);
  if (query['flowId']) filter.flowId = query['flowId'];
  if (channel) filter.channel = channel;
  if (outcome) filter.outcome = outcome;
  if (direction) filter.direction = direction;
  if (query['caller']) filter.caller = query['caller'].trim();
  const from = dateParam(query, 'from');
  const to = dateParam(query, 'to');
  if (from) filter.from = from;
  if (to) filter.to = to;
  const text = query['text']?.trim();
  if (text) {
    if ([...text].length > MAX_SEARCH_TEXT)
      throw ApiError.badRequest('BAD_FILTER', `"text" may hold at most ${MAX_SEARCH_TEXT} characters.`, '/query/text');
    filter.text = text;
  }
  const parsed: ContactQuery = { filter, limit: limitParam(query['limit']) };
  if (query['cursor']) parsed.after = decodeCursor(query['cursor']);
  return parsed;
}

/** The opaque cursor of the page after `cursor`'s contact. */
export function encodeCursor(cursor: ContactCursor): string {
  return Buffer.from(JSON.stringify([cursor.startedAt, cursor.id])).toString('base64url');
}

function decodeCursor(value: string): ContactCursor {
  const bad = ApiError.badRequest(
    'BAD_CURSOR',
    'The cursor is not one this API issued; pass the "next" value of the previous page unchanged, or drop it to start over.',
    '/query/cursor',
  );
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    throw bad;
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw bad;
  const [startedAt, id] = parsed;
  if (typeof startedAt !== 'string' || typeof id !== 'string' || Number.isNaN(Date.parse(startedAt))) throw bad;
  return { startedAt, id };
}

function dateParam(query: Record<string, string>, key: string): Date | undefined {
  const value = query[key];
  if (value === undefined || value === '') return undefined;
  const time = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time))
    throw ApiError.badRequest(
      'BAD_DATE',
      `"${key}" must be an ISO 8601 date or time such as 2026-01-31 or 2026-01-31T08:00:00Z; got "${value}".`,
      `/query/${key}`,
    );
  return new Date(time);
}

function limitParam(value: string | undefined): number {
  if (value === undefined) return 25;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw ApiError.badRequest('BAD_FILTER', `"limit" must be a whole number ≥ 1; got "${value}".`, '/query/limit');
  return Math.min(n, MAX_PAGE);
}
