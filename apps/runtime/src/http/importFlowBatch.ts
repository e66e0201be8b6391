import { checkImportedFlow, importFlows, type ImportOptions } from '@omniflow/flow-import';
import type { NodeTypeRegistry } from '@omniflow/flow-engine';
import { isRecord } from '@omniflow/flow-schema';
import type { FlowCompiler } from '../sessions/FlowCompiler.ts';
import type { FlowStore } from '../store/FlowStore.ts';
import { ApiError, type ApiProblem } from './ApiError.ts';
import { gatePublishOnTests } from './gatePublishOnTests.ts';
import { assertBody } from './validateBody.ts';

/** What a batch import needs from the runtime. */
export interface ImportFlowBatchDeps {
  store: FlowStore;
  registry: NodeTypeRegistry;
  compiler: FlowCompiler;
}

/** Whether an import request body carries several documents (`{ "documents": [...] }`) rather than one export. */
export function isImportBatch(body: Record<string, unknown>): boolean {
  // Neither a flow document nor a Connect or Studio export has `documents` at its top.
  return 'documents' in body;
}

/**
 * `POST /api/flows/import` with `{ documents: [{ name?, document }], publish? }`: imports the documents together
 * (references between them become subflow nodes), creates every flow that validates and compiles among them, and,
 * with `publish`, publishes them children first. A document that fails is named in `failures` with its pointer; the
 * others are still created. Nothing is created when an id is taken (409) or when no document imports (422).
 */
export async function importFlowBatch(
  deps: ImportFlowBatchDeps,
  body: Record<string, unknown>,
  options: ImportOptions & { author: string },
): Promise<Record<string, unknown>> {
  assertBody('ImportFlows', body);
  const { author, ...importOptions } = options;
  const documents: unknown[] = Array.isArray(body['documents']) ? body['documents'] : [];
  const batch = importFlows(
    documents.map((item) => {
      const name = isRecord(item) ? item['name'] : undefined;
      return { ...(typeof name === 'string' ? { name } : {}), json: isRecord(item) ? item['document'] : undefined };
    }),
    importOptions,
  );
  const checks = batch.flows.map((imported) => ({
    imported,
    errors: checkImportedFlow(imported, batch.flows, deps.registry).errors,
  }));
  const kept = checks.filter((check) => check.errors.length === 0).map((check) => check.imported);
  const failures: (ApiProblem & { source: string })[] = [
    ...batch.failures.map((failure) => ({
      code: failure.code,
      message: `${failure.source}: ${failure.message}`,
      pointer: `/documents/${failure.index}/document`,
      source: failure.source,
    })),
    ...checks
      .filter((check) => check.errors.length > 0)
      .map(({ imported, errors }) => ({
        code: 'IMPORT_INVALID',
        message: `${imported.source}: the imported flow cannot run (${errors.map((i) => `${i.code} ${i.pointer} ${i.message}`).join('; ')}); please report it with the export.`,
        pointer: `/documents/${imported.index}/document`,
        source: imported.source,
      })),
  ].toSorted((a, b) => a.pointer.localeCompare(b.pointer, 'en', { numeric: true }));
  if (kept.length === 0) throw new ApiError(422, failures);
  const taken: ApiProblem[] = [];
  for (const imported of kept)
    if ((await deps.store.getFlow(imported.flow.id)) !== undefined)
      taken.push({
        code: 'FLOW_EXISTS',
        message: `A flow with id "${imported.flow.id}" already exists; give the document another name, or delete that flow. Nothing was imported.`,
        pointer: `/documents/${imported.index}/name`,
      });
  if (taken.length > 0) throw new ApiError(409, taken);
  const created: Record<string, unknown>[] = [];
  for (const imported of kept) {
    const document: Record<string, unknown> = { ...imported.flow };
    assertBody('CreateFlow', { flow: document });
    const record = await deps.store.createFlow(imported.flow.id, imported.flow.name, document);
    if (record === undefined) {
      failures.push({
        code: 'FLOW_EXISTS',
        message: `A flow with id "${imported.flow.id}" was created meanwhile; this document was not imported.`,
        pointer: `/documents/${imported.index}/name`,
        source: imported.source,
      });
      continue;
    }
    created.push({
      index: imported.index,
      source: imported.source,
      id: imported.flow.id,
      format: imported.format,
      calls: imported.calls,
      report: imported.report,
      liveVersion: null,
    });
  }
  const publishOrder = batch.publishOrder.filter((id) => created.some((flow) => flow['id'] === id));
  const publish = body['publish'] === true;
  if (publish) await publishInOrder(deps, publishOrder, created, author);
  return {
    flows: created,
    failures,
    publishOrder,
    next: publish
      ? 'Every imported flow is published.'
      : `Publish the flows in this order, called flows first: ${publishOrder.join(', ')} (or import with "publish": true).`,
  };
}

// Children first: a flow's subflows must be live before it compiles.
async function publishInOrder(
  deps: ImportFlowBatchDeps,
  order: readonly string[],
  created: Record<string, unknown>[],
  author: string,
): Promise<void> {
  for (const id of order) {
    const record = await deps.store.getFlow(id);
    if (record === undefined) continue;
    // Children first: each version pins the subflow versions just published (issue 22).
    const { release } = await deps.compiler.compileForPublish(record.draft);
    const note = await gatePublishOnTests(deps, record.draft, { note: 'Imported' });
    const version = await deps.store.publish(id, release, note, author);
    const entry = created.find((flow) => flow['id'] === id);
    if (entry !== undefined && version) entry['liveVersion'] = version.version;
  }
}
