import { Router, type Request, type Response } from 'express';
import { validateFlow } from '@omniflow/flow-schema';
import { importFlow, type ImportOptions } from '@omniflow/flow-import';
import type { NodeTypeRegistry } from '@omniflow/flow-engine';
import { assertRole, requireRole } from '../auth/authenticate.ts';
import type { FlowCompiler } from '../sessions/FlowCompiler.ts';
import type { FlowRecord, FlowStore } from '../store/FlowStore.ts';
import type { EgressConfig } from '../config/loadEgressConfig.ts';
import { secretPolicyIssues } from '../security/secretPolicyIssues.ts';
import { ApiError } from './ApiError.ts';
import { flowTestsRouter } from './flowTestsRouter.ts';
import { gatePublishOnTests, type PublishTestsRequest } from './gatePublishOnTests.ts';
import { importFlowBatch, isImportBatch } from './importFlowBatch.ts';
import { pathParam as param } from './pathParam.ts';
import type { PromptAudioStore } from '../promptAudio/PromptAudioStore.ts';
import { assertPromptAudioStored } from '../promptAudio/assertPromptAudioStored.ts';
import { assertBody, validateBody } from './validateBody.ts';

/** Dependencies of {@link flowsRouter}. */
export interface FlowsRouterDeps {
  store: FlowStore;
  registry: NodeTypeRegistry;
  compiler: FlowCompiler;
  /** The runtime's secret policy, checked by `/validate` beside the flow's own validation. */
  config?: { egress: EgressConfig };
  /** Publishing refuses a flow whose prompt recordings this runtime does not hold (issue 20). */
  promptAudio?: PromptAudioStore;
}

/** `/api/flows`: drafts with optimistic concurrency, validation, publish, versions, rollback, export and import. */
export function flowsRouter({ store, registry, compiler, config, promptAudio }: FlowsRouterDeps): Router {
  const egress = config?.egress;
  const router = Router();

  router.get('/', requireRole('viewer'), async (_req, res) => {
    res.json({ flows: await store.listFlows() });
  });

  router.post('/', requireRole('editor'), validateBody('CreateFlow'), async (req, res) => {
    const flow = objectField(req.body, 'flow');
    const created = await createFlow(store, flow);
    sendFlow(res.status(201).location(`/api/flows/${created.id}`), created);
  });

  router.post('/import', requireRole('editor'), validateBody('ImportFlow'), async (req, res) => {
    const body: Record<string, unknown> = req.body;
    if (isImportBatch(body)) {
      if (body['publish'] === true) assertRole(req, 'publisher');
      const from = req.query['from'];
      const options: ImportOptions & { author: string } = { author: authorOf(req) };
      if (from === 'connect' || from === 'twilio') options.from = from;
      res.status(201).json(await importFlowBatch({ store, registry, compiler }, body, options));
      return;
    }
    if (isNativeFlow(body)) {
      sendFlow(res.status(201), await createFlow(store, body), { format: 'omniflow', report: [] });
      return;
    }
    const from = req.query['from'];
    const imported = importFlow(body, from === 'connect' || from === 'twilio' ? { from } : {});
    if (!imported.ok) {
      const status = imported.error.code === 'IMPORT_UNKNOWN_FORMAT' ? 415 : 422;
      throw new ApiError(status, { code: imported.error.code, message: imported.error.message, pointer: '' });
    }
    const document: Record<string, unknown> = { ...imported.flow };
    sendFlow(res.status(201), await createFlow(store, document), { format: imported.format, report: imported.report });
  });

  router.get('/:id', requireRole('viewer'), async (req, res) => {
    sendFlow(res, await loadFlow(store, param(req, 'id')));
  });

  router.put('/:id', requireRole('editor'), validateBody('UpdateDraft'), async (req, res) => {
    const id = param(req, 'id');
    const flow = objectField(req.body, 'flow');
    if (flow['id'] !== id)
      throw ApiError.badRequest(
        'FLOW_ID_MISMATCH',
        `The flow's id must stay "${id}"; create a new flow to change it.`,
        '/flow/id',
      );
    const revision = expectedRevision(req);
    const result = await store.updateDraft(id, flow, revision);
    if (result.ok) return sendFlow(res, result.flow);
    if (result.reason === 'notFound') throw ApiError.notFound('flow', id);
    throw new ApiError(
      409,
      {
        code: 'STALE_REVISION',
        message: `The draft is at revision ${result.currentRevision}, not ${revision}; reload it, reapply your change and save again.`,
        pointer: '/revision',
      },
      { currentRevision: result.currentRevision },
    );
  });

  router.delete('/:id', requireRole('publisher'), async (req, res) => {
    const id = param(req, 'id');
    if (!(await store.deleteFlow(id))) throw ApiError.notFound('flow', id);
    compiler.forget(id);
    res.status(204).end();
  });

  router.post('/:id/validate', requireRole('viewer'), validateBody('ValidateFlow'), async (req, res) => {
    const stored = await loadFlow(store, param(req, 'id'));
    const candidate: unknown = req.body?.flow ?? stored.draft;
    // Subflows compile against live versions only, so only published flows may be called (#15).
    const knownFlowIds = new Set((await store.listFlows()).filter((f) => f.liveVersion !== null).map((f) => f.id));
    const result = validateFlow(candidate, registry.catalog(), { knownFlowIds });
    const secretIssues = egress ? secretPolicyIssues(candidate, (type) => registry.get(type)?.spec, egress) : [];
    res.json({ ok: result.ok && secretIssues.length === 0, issues: [...result.issues, ...secretIssues] });
  });

  router.post('/:id/publish', requireRole('publisher'), validateBody('Publish'), async (req, res) => {
    const flow = await loadFlow(store, param(req, 'id'));
    const body: PublishTestsRequest & { revision?: number } = req.body ?? {};
    if (body.revision !== undefined && body.revision !== flow.revision) {
      throw new ApiError(
        409,
        {
          code: 'STALE_REVISION',
          message: `The draft is at revision ${flow.revision}, not ${body.revision}; review the latest draft before publishing.`,
          pointer: '/revision',
        },
        { currentRevision: flow.revision },
      );
    }
    const { release } = await compiler.compileForPublish(flow.draft);
    if (promptAudio) await assertPromptAudioStored(promptAudio, flow.draft);
    const note = await gatePublishOnTests({ store, registry, compiler }, flow.draft, body);
    const version = await store.publish(flow.id, release, note, authorOf(req));
    if (!version) throw ApiError.notFound('flow', flow.id);
    const { document: _doc, ...summary } = version;
    res.status(201).json({ version: summary, flow: { id: flow.id, liveVersion: version.version } });
  });

  router.use(flowTestsRouter({ store, registry, compiler }));

  router.get('/:id/versions', requireRole('viewer'), async (req, res) => {
    const flow = await loadFlow(store, param(req, 'id'));
    res.json({ liveVersion: flow.liveVersion, versions: await store.listVersions(flow.id) });
  });

  router.get('/:id/versions/:version', requireRole('viewer'), async (req, res) => {
    const id = param(req, 'id');
    const version = await store.getVersion(id, versionParam(param(req, 'version')));
    if (!version) throw ApiError.notFound('flow version', `${id}@${param(req, 'version')}`);
    res.json({ version });
  });

  // Issue 22: a published version keeps the subflow versions it pinned; this publishes its document again as the
  // next version, pinned to the subflow versions live now (the designer offers it when a pinned child moved on).
  router.post('/:id/versions/:version/republish', requireRole('publisher'), async (req, res) => {
    const id = param(req, 'id');
    const from = await store.getVersion(id, versionParam(param(req, 'version')));
    if (!from) throw ApiError.notFound('flow version', `${id}@${param(req, 'version')}`);
    const { release } = await compiler.compileForPublish(from.document);
    const pins = Object.entries(release.subflows).map(([flowId, v]) => `${flowId} v${v}`);
    const note = `v${from.version} republished with ${pins.length > 0 ? pins.join(', ') : 'no subflows'}`;
    const version = await store.publish(id, release, note, authorOf(req));
    if (!version) throw ApiError.notFound('flow', id);
    const { document: _doc, ...summary } = version;
    res.status(201).json({ version: summary, flow: { id, liveVersion: version.version } });
  });

  router.post('/:id/rollback', requireRole('publisher'), validateBody('Rollback'), async (req, res) => {
    const id = param(req, 'id');
    const target: number = req.body.version;
    const result = await store.rollback(id, target);
    if (result.ok) return void res.json({ flow: { id, liveVersion: result.flow.liveVersion } });
    if (result.reason === 'notFound') throw ApiError.notFound('flow', id);
    throw new ApiError(404, {
      code: 'NO_SUCH_VERSION',
      message: `Flow "${id}" has no version ${target}; list them at /api/flows/${id}/versions.`,
      pointer: '/version',
    });
  });

  router.get('/:id/export', requireRole('viewer'), async (req, res) => {
    const flow = await loadFlow(store, param(req, 'id'));
    const which = req.query['version'];
    let document = flow.draft;
    if (typeof which === 'string' && which !== 'draft') {
      const number = which === 'live' ? flow.liveVersion : versionParam(which);
      const version = number === null ? undefined : await store.getVersion(flow.id, number);
      if (!version) throw ApiError.notFound('flow version', `${flow.id}@${which}`);
      document = version.document;
    }
    res.attachment(`${flow.id}.flow.json`).json(document);
  });

  return router;
}

async function createFlow(store: FlowStore, flow: Record<string, unknown>): Promise<FlowRecord> {
  assertBody('CreateFlow', { flow });
  const id = String(flow['id']);
  const name = typeof flow['name'] === 'string' ? flow['name'] : id;
  const created = await store.createFlow(id, name, flow);
  if (!created)
    throw new ApiError(409, {
      code: 'FLOW_EXISTS',
      message: `A flow with id "${id}" already exists; pick another id or update it with PUT.`,
      pointer: '/flow/id',
    });
  return created;
}

async function loadFlow(store: FlowStore, id: string): Promise<FlowRecord> {
  const flow = await store.getFlow(id);
  if (!flow) throw ApiError.notFound('flow', id);
  return flow;
}

function sendFlow(res: Response, flow: FlowRecord, extra: Record<string, unknown> = {}): void {
  res.setHeader('ETag', `"${flow.revision}"`);
  res.json({ flow, ...extra });
}

/** The draft revision an update is based on: `revision` in the body, else the `If-Match` header; 428 when neither. */
function expectedRevision(req: Request): number {
  const fromBody: unknown = req.body?.revision;
  if (typeof fromBody === 'number') return fromBody;
  const header = req.headers['if-match'];
  if (typeof header === 'string') {
    const match = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
    if (match?.[1]) return Number(match[1]);
    throw ApiError.badRequest('BAD_IF_MATCH', `If-Match must be the draft revision, e.g. "3"; got ${header}.`);
  }
  throw new ApiError(428, {
    code: 'REVISION_REQUIRED',
    message: 'Send the draft revision you edited, as "revision" in the body or an If-Match header.',
    pointer: '/revision',
  });
}

function isNativeFlow(body: Record<string, unknown>): boolean {
  return 'schemaVersion' in body || (Array.isArray(body['nodes']) && 'start' in body);
}

function objectField(body: unknown, key: string): Record<string, unknown> {
  const value: unknown = typeof body === 'object' && body !== null ? Reflect.get(body, key) : undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw ApiError.badRequest('BODY_TYPE', `/${key} must be an object`, `/${key}`);
  return { ...value };
}

function versionParam(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw ApiError.badRequest('BAD_VERSION', `A version is a positive integer, got "${value}".`);
  return n;
}

function authorOf(req: Request): string {
  const p = req.principal;
  return p?.kind === 'role' ? p.label || `${p.role}:${p.tokenId.slice(0, 8)}` : 'unknown';
}
