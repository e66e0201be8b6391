import { createHash } from 'node:crypto';
import { compileFlow, type CompiledFlow, type NodeTypeRegistry } from '@omniflow/flow-engine';
import type { FlowDocument } from '@omniflow/flow-schema';
import { ApiError } from '../http/ApiError.ts';
import type { FlowStore, SubflowPins, VersionRelease } from '../store/FlowStore.ts';

/**
 * Compiles each published flow version once and shares the machine across sessions. Versions are immutable,
 * so a cached machine never goes stale; drafts (designer test runs) are cached by content hash.
 */
export class FlowCompiler {
  readonly #store: FlowStore;
  readonly #registry: NodeTypeRegistry;
  readonly #cache = new Map<string, CompiledFlow>();

  constructor(store: FlowStore, registry: NodeTypeRegistry) {
    this.#store = store;
    this.#registry = registry;
  }

  /** The compiled machine of a published version; 404 when the version does not exist. */
  async version(flowId: string, version: number): Promise<CompiledFlow> {
    const key = `${flowId}@${version}`;
    const cached = this.#cache.get(key);
    if (cached) return cached;
    const record = await this.#store.getVersion(flowId, version);
    if (!record) throw ApiError.notFound('flow version', key);
    const compiled = await this.#compileVersion(record);
    this.#cache.set(key, compiled);
    return compiled;
  }

  /** A version runs the subflow versions it pinned when published, on every process, whatever is live now. */
  async #compileVersion(record: {
    document: Record<string, unknown>;
    subflows: SubflowPins | null;
  }): Promise<CompiledFlow> {
    return record.subflows === null
      ? this.compile(record.document)
      : this.#compileWith(record.document, await this.#pinnedDocuments(record.subflows), record.subflows);
  }

  /**
   * A published version entered at another of its nodes (an agent sends a customer there). Its states are the
   * version's, only the initial one differs, so it keeps the version's hash: a session restored later resumes on
   * {@link version}. A node the version does not have is a 422 on `/nodeId`.
   */
  async fromNode(flowId: string, version: number, nodeId: string): Promise<CompiledFlow> {
    const key = `${flowId}@${version}#${nodeId}`;
    const cached = this.#cache.get(key);
    if (cached) return cached;
    const base = await this.version(flowId, version);
    const record = await this.#store.getVersion(flowId, version);
    if (!record || !base.flow.nodes.some((node) => node.id === nodeId))
      throw new ApiError(422, {
        code: 'UNKNOWN_NODE',
        message: `Flow "${flowId}" has no node "${nodeId}"; pick one of its nodes.`,
        pointer: '/nodeId',
      });
    const compiled = {
      ...(await this.#compileVersion({ ...record, document: { ...record.document, start: nodeId } })),
      hash: base.hash,
    };
    this.#cache.set(key, compiled);
    return compiled;
  }

  /**
   * Compiles a document about to be published against the live versions of the flows it calls (nested subflows too)
   * and answers the release to publish: the compiled document with the versions those were, which the new version pins
   * (issue 22). `FlowStore.publish` takes only such a release.
   */
  async compileForPublish(
    document: Record<string, unknown>,
  ): Promise<{ compiled: CompiledFlow; release: VersionRelease }> {
    const live = await this.#liveDocuments(document['id']);
    const subflows: SubflowPins = {};
    const compiled = await this.#compileWith(document, (id) => {
      const found = live.get(id);
      if (found) subflows[id] = found.version;
      return found?.document;
    });
    return { compiled, release: { document: { ...compiled.flow }, subflows } };
  }

  /** The compiled machine of a draft document (designer test run). */
  async draft(document: Record<string, unknown>): Promise<CompiledFlow> {
    const key = `draft:${createHash('sha256').update(JSON.stringify(document)).digest('hex')}`;
    const cached = this.#cache.get(key);
    if (cached) return cached;
    const compiled = await this.compile(document);
    if (this.#cache.size > 1000) this.#evictDrafts();
    this.#cache.set(key, compiled);
    return compiled;
  }

  /** Compiles a document against the registry, with the live versions of other flows for subflows; 422 with issues. */
  async compile(document: Record<string, unknown>): Promise<CompiledFlow> {
    return this.#compileWith(document, await this.subflowResolver(document));
  }

  async #compileWith(
    document: Record<string, unknown>,
    resolveFlow: (id: string) => FlowDocument | undefined,
    subflows?: SubflowPins,
  ): Promise<CompiledFlow> {
    const identity = subflows && Object.keys(subflows).length > 0 ? { identity: { subflows } } : {};
    const result = compileFlow(document, this.#registry, { resolveFlow, ...identity });
    if (!result.ok) {
      throw new ApiError(
        422,
        result.issues
          .filter((i) => i.severity === 'error')
          .map((i) => ({
            code: i.code,
            message: i.message,
            pointer: i.pointer,
            ...(i.nodeId ? { nodeId: i.nodeId } : {}),
          })),
      );
    }
    return result.compiled;
  }

  /** Finds the live documents of the other flows, as subflows of `document` are resolved when it compiles. */
  async subflowResolver(document: Record<string, unknown>): Promise<(id: string) => FlowDocument | undefined> {
    const others = await this.#liveDocuments(document['id']);
    return (id) => others.get(id)?.document;
  }

  async #liveDocuments(selfId: unknown): Promise<Map<string, { version: number; document: FlowDocument }>> {
    const documents = new Map<string, { version: number; document: FlowDocument }>();
    for (const flow of await this.#store.listFlows()) {
      if (flow.id === selfId || flow.liveVersion === null) continue;
      const version = await this.#store.getVersion(flow.id, flow.liveVersion);
      // Subflow documents were validated when published; the compiler checks them again on inlining.
      if (version) documents.set(flow.id, { version: version.version, document: asFlowDocument(version.document) });
    }
    return documents;
  }

  /** The documents of pinned subflow versions; a pinned version that is gone (its flow deleted) is simply missing. */
  async #pinnedDocuments(subflows: SubflowPins): Promise<(id: string) => FlowDocument | undefined> {
    const documents = new Map<string, FlowDocument>();
    for (const [id, version] of Object.entries(subflows)) {
      const record = await this.#store.getVersion(id, version);
      if (record) documents.set(id, asFlowDocument(record.document));
    }
    return (id) => documents.get(id);
  }

  /** Drops the machines of a deleted flow, so a new flow with the same id never runs an old machine. */
  forget(flowId: string): void {
    for (const key of this.#cache.keys()) if (key.startsWith(`${flowId}@`)) this.#cache.delete(key);
  }

  #evictDrafts(): void {
    for (const key of this.#cache.keys()) if (key.startsWith('draft:')) this.#cache.delete(key);
  }
}

function asFlowDocument(document: Record<string, unknown>): FlowDocument {
  // Published documents passed validateFlow when published; compileFlow checks their shape again when inlining.
  return document as unknown as FlowDocument;
}
