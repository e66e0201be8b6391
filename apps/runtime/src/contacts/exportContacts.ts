import { once } from 'node:events';
import type { Response } from 'express';
import type { ContactCursor, ContactPage, ContactRecord } from './ContactStore.ts';

const COLUMNS = [
  'id',
  'flowId',
  'version',
  'channel',
  'direction',
  'callerNumber',
  'dialedNumber',
  'locale',
  'startedAt',
  'endedAt',
  'outcome',
  'endNode',
  'turns',
  'durationMs',
  'transferQueue',
  'path',
] as const;

/**
 * Streams every contact the search finds, page by page (memory stays one page), as JSON lines (each contact with its
 * transcript) or CSV (one row a contact, the path joined with " > "), waiting for the client whenever its buffer fills.
 */
export async function exportContacts(
  res: Response,
  format: 'jsonl' | 'csv',
  page: (after: ContactCursor | undefined) => Promise<ContactPage>,
  view: { shown: (c: ContactRecord) => ContactRecord; transcript: (id: string) => Promise<unknown[]> },
): Promise<void> {
  const stamp = new Date().toISOString().slice(0, 10);
  res.status(200);
  res.type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="contacts-${stamp}.${format}"`);
  const write = async (chunk: string): Promise<void> => {
    if (!res.write(chunk)) await once(res, 'drain');
  };
  if (format === 'csv') await write(`\uFEFF${COLUMNS.join(',')}\r\n`);
  let after: ContactCursor | undefined;
  do {
    const { contacts, next } = await page(after);
    for (const stored of contacts) {
      const contact = view.shown(stored);
      if (format === 'csv') await write(`${csvRow(contact)}\r\n`);
      else await write(`${JSON.stringify({ ...contact, transcript: await view.transcript(contact.id) })}\n`);
    }
    after = next;
  } while (after !== undefined && !res.destroyed);
  res.end();
}

function csvRow(contact: ContactRecord): string {
  return COLUMNS.map((column) => {
    const value = contact[column];
    return csvCell(Array.isArray(value) ? value.join(' > ') : value === null ? '' : String(value));
  }).join(',');
}

/**
 * One CSV cell, quoted when needed, and never a formula: a spreadsheet runs a cell that starts with =, +, -, @, tab or
 * carriage return, so such a cell gets a leading apostrophe (OWASP's advice for CSV injection).
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
