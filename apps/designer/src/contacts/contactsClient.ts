import type { FlowDocument } from '@omniflow/flow-schema';
import { apiRequest, field, runtimeClient } from '../api/runtimeClient.ts';

/** A contact as the runtime lists it (numbers already masked by the runtime). */
export interface ContactView {
  id: string;
  flowId: string;
  version: number;
  channel: string;
  direction: string;
  callerNumber: string | null;
  dialedNumber: string | null;
  locale: string;
  startedAt: string;
  endedAt: string | null;
  outcome: string | null;
  endNode: string | null;
  path: string[];
  turns: number;
  durationMs: number | null;
  transferQueue: string | null;
}

/** One transcript line of a contact. */
export interface ContactEntry {
  at: string;
  from: string;
  nodeId?: string;
  text: string;
}

/** The search filters of the Contacts page; empty strings are left out of the query. */
export type ContactSearch = Partial<
  Record<'flowId' | 'channel' | 'outcome' | 'direction' | 'from' | 'to' | 'caller' | 'text', string>
>;

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const textOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function toContact(record: unknown): ContactView {
  const path = field(record, 'path');
  const duration = field(record, 'durationMs');
  return {
    id: text(field(record, 'id')),
    flowId: text(field(record, 'flowId')),
    version: Number(field(record, 'version') ?? 0),
    channel: text(field(record, 'channel')),
    direction: text(field(record, 'direction')),
    callerNumber: textOrNull(field(record, 'callerNumber')),
    dialedNumber: textOrNull(field(record, 'dialedNumber')),
    locale: text(field(record, 'locale')),
    startedAt: text(field(record, 'startedAt')),
    endedAt: textOrNull(field(record, 'endedAt')),
    outcome: textOrNull(field(record, 'outcome')),
    endNode: textOrNull(field(record, 'endNode')),
    path: Array.isArray(path) ? path.filter((n): n is string => typeof n === 'string') : [],
    turns: Number(field(record, 'turns') ?? 0),
    durationMs: typeof duration === 'number' ? duration : null,
    transferQueue: textOrNull(field(record, 'transferQueue')),
  };
}

function toEntry(record: unknown): ContactEntry {
  const nodeId = field(record, 'nodeId');
  return {
    at: text(field(record, 'at')),
    from: text(field(record, 'from')),
    ...(typeof nodeId === 'string' ? { nodeId } : {}),
    text: text(field(record, 'text')),
  };
}

/** The runtime's contact search and record (`/api/contacts`, viewer and up). */
export const contactsClient = {
  search: async (search: ContactSearch, cursor?: string): Promise<{ contacts: ContactView[]; next?: string }> => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(search)) if (value) query.set(key, value);
    if (cursor) query.set('cursor', cursor);
    const body = await apiRequest('GET', `/api/contacts?${query.toString()}`);
    const contacts = field(body, 'contacts');
    const next = field(body, 'next');
    return {
      contacts: Array.isArray(contacts) ? contacts.map(toContact) : [],
      ...(typeof next === 'string' ? { next } : {}),
    };
  },
  /** A contact, its transcript and the exact flow version it ran on (null for a designer draft run). */
  open: async (
    id: string,
  ): Promise<{ contact: ContactView; transcript: ContactEntry[]; flow: FlowDocument | null }> => {
    const body = await apiRequest('GET', `/api/contacts/${encodeURIComponent(id)}`);
    const contact = toContact(field(body, 'contact'));
    const transcript = field(body, 'transcript');
    const flow = contact.version > 0 ? await runtimeClient.getVersion(contact.flowId, contact.version) : null;
    return { contact, transcript: Array.isArray(transcript) ? transcript.map(toEntry) : [], flow };
  },
};
