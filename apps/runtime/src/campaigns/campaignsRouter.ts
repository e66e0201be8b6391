import express, { Router, type Request } from 'express';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { requireRole } from '../auth/authenticate.ts';
import { ApiError } from '../http/ApiError.ts';
import { pathParam } from '../http/pathParam.ts';
import type { CampaignService, ListUpload } from './CampaignService.ts';
import type { CampaignContact, CampaignStore } from './CampaignStore.ts';
import { LIST_ENCODINGS, type ListEncoding } from './decodeListText.ts';
import type { ColumnMapping } from './parseContactList.ts';

/** Largest list upload. */
const UPLOAD_LIMIT = '20mb';
/** Contacts per page of `GET /:id/contacts`. */
const MAX_PAGE = 1_000;

/**
 * `/api/campaigns`: campaigns (create, settings, list upload and preview, start/pause/resume/stop, progress,
 * per-contact results and their CSV export) and the do-not-call lists (`/dnc` global, `/:id/dnc` per campaign).
 */
export function campaignsRouter(service: CampaignService, store: CampaignStore): Router {
  const router = Router();
  const raw = express.raw({ type: ['text/*', 'application/octet-stream'], limit: UPLOAD_LIMIT });

  router.get('/', requireRole('viewer'), async (_req, res) => {
    const campaigns = await store.list();
    res.json({
      campaigns: await Promise.all(campaigns.map(async (c) => ({ ...c, progress: await store.progress(c.id) }))),
    });
  });
  router.post('/', requireRole('editor'), async (req, res) => {
    const campaign = await service.create(req.body);
    res.status(201).location(`/api/campaigns/${campaign.id}`).json({ campaign });
  });
  router.post('/lists/preview', requireRole('editor'), raw, (req, res) => {
    const region = typeof req.query['region'] === 'string' ? req.query['region'] : 'US';
    const list = service.preview(uploadFrom(req), region);
    res.json({ ...list, contacts: list.contacts.slice(0, 50), contactCount: list.contacts.length });
  });

  router.get(
    '/dnc',
    requireRole('viewer'),
    async (_req, res) => void res.json({ entries: await store.doNotCall('*') }),
  );
  router.post('/dnc', requireRole('editor'), async (req, res) => {
    await store.addDoNotCall('*', phoneFrom(req.body), reasonFrom(req.body));
    res.status(201).json({ entries: await store.doNotCall('*') });
  });
  router.delete('/dnc/:phone', requireRole('editor'), async (req, res) => {
    if (!(await store.removeDoNotCall('*', pathParam(req, 'phone'))))
      throw ApiError.notFound('do-not-call entry', pathParam(req, 'phone'));
    res.status(204).end();
  });

  router.get('/:id', requireRole('viewer'), async (req, res) => {
    const campaign = await service.get(pathParam(req, 'id'));
    res.json({ campaign, progress: await store.progress(campaign.id) });
  });
  router.put('/:id', requireRole('editor'), async (req, res) => {
    res.json({ campaign: await service.update(pathParam(req, 'id'), req.body) });
  });
  router.put('/:id/list', requireRole('editor'), raw, async (req, res) => {
    const list = await service.upload(pathParam(req, 'id'), uploadFrom(req));
    res.json({ ...list, contacts: list.contacts.slice(0, 50), contactCount: list.contacts.length });
  });
  for (const action of ['start', 'pause', 'resume', 'stop'] as const)
    router.post(`/:id/${action}`, requireRole('editor'), async (req, res) => {
      res.json({ campaign: await service.transition(pathParam(req, 'id'), action) });
    });
  router.get('/:id/contacts', requireRole('viewer'), async (req, res) => {
    const { id } = await service.get(pathParam(req, 'id'));
    const offset = intQuery(req, 'offset', 0, Number.MAX_SAFE_INTEGER);
    const limit = intQuery(req, 'limit', 100, MAX_PAGE);
    res.json({ contacts: await store.contacts(id, { offset, limit }), total: await store.contactCount(id) });
  });
  router.get('/:id/contacts.csv', requireRole('viewer'), async (req, res) => {
    const campaign = await service.get(pathParam(req, 'id'));
    res.type('text/csv; charset=utf-8').attachment(`campaign-${campaign.id}.csv`);
    // The row's fields under their variable names (mapped columns are renamed).
    const columns = Object.keys((await store.contacts(campaign.id, { offset: 0, limit: 1 }))[0]?.variables ?? {});
    res.write(
      `\uFEFF${toCsvLine(['line', 'phone', 'state', 'attempts', 'last_result', 'outcome', 'session_id', ...columns])}`,
    );
    for (let offset = 0; ; offset += MAX_PAGE) {
      const page = await store.contacts(campaign.id, { offset, limit: MAX_PAGE });
      for (const c of page) res.write(toCsvLine(exportRow(c, columns)));
      if (page.length < MAX_PAGE) break;
    }
    res.end();
  });
  router.get('/:id/dnc', requireRole('viewer'), async (req, res) => {
    const { id } = await service.get(pathParam(req, 'id'));
    res.json({ entries: await store.doNotCall(id) });
  });
  router.post('/:id/dnc', requireRole('editor'), async (req, res) => {
    const campaign = await service.get(pathParam(req, 'id'));
    await store.addDoNotCall(campaign.id, phoneFrom(req.body, campaign.config.defaultRegion), reasonFrom(req.body));
    res.status(201).json({ entries: await store.doNotCall(campaign.id) });
  });
  return router;
}

function uploadFrom(req: Request): ListUpload {
  const body: unknown = req.body;
  let bytes: Uint8Array;
  if (Buffer.isBuffer(body)) bytes = body;
  // A JSON list sent as application/json was parsed on the way in; its text is the same list.
  else if (req.is('application/json') && body !== undefined) bytes = Buffer.from(JSON.stringify(body));
  else
    throw ApiError.badRequest(
      'NO_LIST',
      'Send the list as the request body (Content-Type text/csv, application/json or application/octet-stream).',
    );
  const encoding = req.query['encoding'] ?? 'auto';
  if (typeof encoding !== 'string' || !LIST_ENCODINGS.includes(encoding as ListEncoding))
    throw ApiError.badRequest('BAD_ENCODING', `encoding must be one of ${LIST_ENCODINGS.join(', ')}.`, '/encoding');
  const format = req.query['format'] ?? 'auto';
  if (format !== 'csv' && format !== 'json' && format !== 'auto')
    throw ApiError.badRequest('BAD_FORMAT', 'format must be csv, json or auto.', '/format');
  return { bytes, encoding: encoding as ListEncoding | 'auto', format, ...mappingFrom(req) };
}

function mappingFrom(req: Request): { mapping?: ColumnMapping } {
  const text = req.query['mapping'];
  if (text === undefined) return {};
  let value: unknown;
  try {
    value = typeof text === 'string' ? JSON.parse(text) : undefined;
  } catch {
    value = undefined;
  }
  const ok =
    typeof value === 'object' &&
    value !== null &&
    Object.entries(value).every(
      ([k, v]) =>
        (['phone', 'timeZone'].includes(k) && typeof v === 'string') ||
        (k === 'variables' &&
          typeof v === 'object' &&
          v !== null &&
          Object.values(v).every((n) => typeof n === 'string')),
    );
  if (!ok)
    throw ApiError.badRequest(
      'BAD_MAPPING',
      'mapping must be JSON like {"phone":"mobile","timeZone":"tz","variables":{"客户":"name"}}.',
      '/mapping',
    );
  return { mapping: value as ColumnMapping };
}

function phoneFrom(body: unknown, region = 'US'): string {
  const text = typeof body === 'object' && body !== null ? Reflect.get(body, 'phone') : undefined;
  const number = typeof text === 'string' ? parsePhoneNumberFromString(text, region as CountryCode) : undefined;
  if (!number?.isValid())
    throw ApiError.badRequest(
      'BAD_PHONE',
      'phone must be a valid phone number (E.164 such as +14155552671).',
      '/phone',
    );
  return number.number;
}

function reasonFrom(body: unknown): string {
  const reason = typeof body === 'object' && body !== null ? Reflect.get(body, 'reason') : undefined;
  return typeof reason === 'string' && reason.trim() !== '' ? reason.slice(0, 500) : 'added by a user';
}

function intQuery(req: Request, name: string, fallback: number, max: number): number {
  const value = req.query[name];
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > max)
    throw ApiError.badRequest('BAD_QUERY', `${name} must be an integer from 0 to ${max}.`, `/${name}`);
  return n;
}

function exportRow(c: CampaignContact, columns: string[]): string[] {
  const base = [
    String(c.line),
    c.phone,
    c.state,
    String(c.attempts),
    c.lastResult ?? '',
    c.outcome ?? '',
    c.sessionId ?? '',
  ];
  return [...base, ...columns.map((column) => c.variables[column] ?? '')];
}

function toCsvLine(fields: string[]): string {
  // Quote every field; a leading =, +, - or @ is prefixed so spreadsheets do not run it as a formula.
  return `${fields.map((f) => `"${(/^[=+\-@]/.test(f) && !/^\+\d+$/.test(f) ? `'${f}` : f).replace(/"/g, '""')}"`).join(',')}\r\n`;
}
