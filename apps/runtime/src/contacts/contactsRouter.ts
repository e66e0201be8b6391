import { Router } from 'express';
import { requireRole } from '../auth/authenticate.ts';
import { ApiError } from '../http/ApiError.ts';
import { pathParam } from '../http/pathParam.ts';
import type { FlowStore } from '../store/FlowStore.ts';
import { contactQuery, encodeCursor } from './contactQuery.ts';
import type { ContactRecord } from './ContactStore.ts';
import { exportContacts } from './exportContacts.ts';
import type { ContactMask } from '../config/contactMaskSetting.ts';
import { maskNumber } from './maskNumber.ts';

/**
 * `/api/contacts` (viewer and up): search with cursor pages, one contact with its transcript, and a streamed export.
 * Numbers leave masked as `OMNIFLOW_CONTACT_MASK` says; transcripts were redacted before they were stored.
 */
export function contactsRouter(store: FlowStore, numberMask: ContactMask['numbers']): Router {
  const router = Router();
  const shown = (contact: ContactRecord): ContactRecord => masked(contact, numberMask);

  router.get('/', requireRole('viewer'), async (req, res) => {
    const query = contactQuery(req);
    const page = await store.contacts.search(query.filter, {
      limit: query.limit,
      ...(query.after ? { after: query.after } : {}),
    });
    res.json({ contacts: page.contacts.map(shown), ...(page.next ? { next: encodeCursor(page.next) } : {}) });
  });

  router.get('/export', requireRole('viewer'), async (req, res) => {
    const query = contactQuery(req, ['format']);
    const format = req.query['format'];
    if (format !== 'jsonl' && format !== 'csv')
      throw ApiError.badRequest('BAD_FORMAT', 'Give "format" as jsonl or csv.', '/query/format');
    await exportContacts(
      res,
      format,
      (after) => store.contacts.search(query.filter, { limit: 500, ...(after ? { after } : {}) }),
      {
        shown,
        transcript: (id) => store.getTranscript(id),
      },
    );
  });

  router.get('/:id', requireRole('viewer'), async (req, res) => {
    const id = pathParam(req, 'id');
    const contact = await store.contacts.get(id);
    if (!contact) throw ApiError.notFound('contact', id);
    res.json({ contact: shown(contact), transcript: await store.getTranscript(id) });
  });

  return router;
}

function masked(contact: ContactRecord, mask: ContactMask['numbers']): ContactRecord {
  return {
    ...contact,
    callerNumber: maskNumber(contact.callerNumber, mask.callerNumber),
    dialedNumber: maskNumber(contact.dialedNumber, mask.dialedNumber),
  };
}
