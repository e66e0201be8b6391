import { Router, type Request } from 'express';
import { requireRole } from '../auth/authenticate.ts';
import { ApiError } from '../http/ApiError.ts';
import { pathParam } from '../http/pathParam.ts';
import type { FlowStore } from '../store/FlowStore.ts';
import { checkInsightRuleSet } from './insightRuleSet.ts';
import type { InsightsRange } from './InsightsStore.ts';
import { GLOBAL_SCOPE, type InsightsService } from './InsightsService.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_DAYS = 366;
const HEARTBEAT_MS = 25_000;

/**
 * `/api/insights` (issue 17): dashboards, per-node flow analytics, QA trends, a contact's summary and QA, the rules
 * per flow or global (`*`), and the real-time alert stream (server-sent events, resumable with `Last-Event-ID`).
 */
export function insightsRouter(insights: InsightsService, store: FlowStore): Router {
  const router = Router();

  router.get('/dashboard', requireRole('viewer'), async (req, res) => {
    res.json({ range: rangeOf(req), dashboard: await insights.store.dashboard(rangeOf(req)) });
  });

  router.get('/qa', requireRole('viewer'), async (req, res) => {
    res.json({ range: rangeOf(req), qa: await insights.store.qaTrend(rangeOf(req)) });
  });

  router.get('/agents', requireRole('viewer'), async (req, res) => {
    res.json({ range: rangeOf(req), agents: await insights.store.agents(rangeOf(req)) });
  });

  router.get('/flows/:flowId/nodes', requireRole('viewer'), async (req, res) => {
    const flowId = pathParam(req, 'flowId');
    const flow = await store.getFlow(flowId);
    if (!flow) throw ApiError.notFound('flow', flowId);
    const asked = req.query['version'];
    const version = asked === undefined ? flow.liveVersion : Number(asked);
    if (version === null)
      throw new ApiError(409, {
        code: 'NOT_PUBLISHED',
        message: `Flow "${flowId}" has no published version; analytics cover published versions only.`,
        pointer: '',
      });
    if (!Number.isInteger(version) || version < 1)
      throw ApiError.badRequest('BAD_VERSION', 'version must be a published version number (1, 2, …).', '/version');
    const range = rangeOf(req);
    res.json({ flowId, version, range, nodes: await insights.store.nodeAnalytics(flowId, version, range) });
  });

  router.get('/contacts/:id', requireRole('viewer'), async (req, res) => {
    const sessionId = pathParam(req, 'id');
    const contact = await insights.store.getContact(sessionId);
    if (!contact) throw ApiError.notFound('finished contact', sessionId);
    res.json({ contact });
  });

  router.get('/rules/:flowId', requireRole('viewer'), async (req, res) => {
    const scope = await scopeOf(req, store);
    res.json({ scope, ...(await insights.rules(scope)) });
  });

  router.put('/rules/:flowId', requireRole('editor'), async (req, res) => {
    const scope = await scopeOf(req, store);
    const checked = checkInsightRuleSet(req.body);
    if (!checked.ok) throw new ApiError(422, checked.problems);
    await insights.putRules(scope, checked.set);
    res.json({ scope, ...checked.set });
  });

  router.get('/alerts', requireRole('viewer'), (_req, res) => {
    res.json({ alerts: insights.alerts.recent() });
  });

  router.get('/alerts/stream', requireRole('viewer'), (req, res) => {
    if (!(req.get('accept') ?? '').includes('text/event-stream'))
      throw new ApiError(406, {
        code: 'NOT_EVENT_STREAM',
        message: 'This is a server-sent event stream: open it with EventSource or send "Accept: text/event-stream".',
        pointer: '',
      });
    const last = Number(req.get('last-event-id') ?? req.query['lastEventId'] ?? 0);
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 2000\n\n');
    const unsubscribe = insights.alerts.subscribe(
      (alert) => void res.write(`id: ${alert.id}\nevent: alert\ndata: ${JSON.stringify(alert)}\n\n`),
      Number.isFinite(last) ? last : 0,
    );
    // A comment now and then keeps proxies from closing an idle stream.
    const heartbeat = setInterval(() => void res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    req.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  });

  return router;
}

/** `from`/`to` as UTC days (default: the last 30 days to today); a bad or reversed range is a 400. */
export function rangeOf(req: Request): InsightsRange {
  const today = new Date().toISOString().slice(0, 10);
  const from = dayParam(req, 'from') ?? new Date(Date.now() - 29 * 86_400_000).toISOString().slice(0, 10);
  const to = dayParam(req, 'to') ?? today;
  if (from > to) throw ApiError.badRequest('BAD_RANGE', `from (${from}) is after to (${to}); swap them.`, '/from');
  if ((Date.parse(to) - Date.parse(from)) / 86_400_000 >= MAX_DAYS)
    throw ApiError.badRequest('BAD_RANGE', `A range covers at most ${MAX_DAYS} days; narrow from/to.`, '/from');
  const flowId = req.query['flowId'];
  return typeof flowId === 'string' && flowId !== '' ? { from, to, flowId } : { from, to };
}

function dayParam(req: Request, name: string): string | undefined {
  const value = req.query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !DAY.test(value) || Number.isNaN(Date.parse(value)))
    throw ApiError.badRequest('BAD_DATE', `${name} must be a day written YYYY-MM-DD, e.g. 2026-12-01.`, `/${name}`);
  return value;
}

async function scopeOf(req: Request, store: FlowStore): Promise<string> {
  const scope = pathParam(req, 'flowId');
  if (scope !== GLOBAL_SCOPE && !(await store.getFlow(scope))) throw ApiError.notFound('flow', scope);
  return scope;
}
