import type { SimulatorContactInput } from '../contact/SimulatorContact.tsx';
import type { Channel, FlowDocument, NodeTypeSpec } from '@omniflow/flow-schema';
import { isRecord } from '@omniflow/flow-schema';
import { withIdempotencyKey } from './withIdempotencyKey.ts';

/** One error from the runtime's `{ errors: [...] }` reply. */
export interface ApiErrorItem {
  code: string;
  message: string;
  pointer?: string;
}

/** A non-2xx reply from the runtime, with its machine-readable error list. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errors: ApiErrorItem[],
    readonly body: unknown,
  ) {
    super(errors[0]?.message ?? `HTTP ${status}`);
  }
}

/** A row of the flow list. */
export interface FlowSummary {
  id: string;
  name: string;
  revision: number;
  updatedAt?: string;
  publishedVersion?: number | null;
}

/** A stored draft and the revision it is at. */
export interface StoredFlow {
  flow: FlowDocument;
  revision: number;
}

/** One line of the runtime's import report: a source block that could not be carried over exactly. */
export interface ImportReportLine {
  severity: string;
  sourceRef: string;
  message: string;
}

/** A flow created by an import, with the source format and the report of what was not mapped exactly. */
export interface ImportedFlow extends StoredFlow {
  format: string;
  report: ImportReportLine[];
}

/** What the runtime answers for several documents imported together (`POST /api/flows/import` with `documents`). */
export interface ImportBatchReply {
  flows: { id: string; source: string; format: string; calls: string[]; report: ImportReportLine[] }[];
  failures: { source: string; code: string; message: string }[];
  publishOrder: string[];
}

/** A published version of a flow. */
export interface FlowVersion {
  version: number;
  note?: string;
  publishedAt?: string;
  publishedBy?: string;
  active?: boolean;
  /** The subflow versions it runs, pinned when it was published (flow id → version). */
  subflows?: Record<string, number>;
}

/** One turn of a simulator session as the designer shows it. */
export interface SessionTurn {
  sessionId: string;
  outputs: SimOutput[];
  status: 'active' | 'ended';
  nodeId: string | null;
  variables: Record<string, unknown>;
  /** The `contact` system variable as the flow reads it, sensitive fields masked (management tokens only). */
  contact: Record<string, unknown>;
}

/** An output event of a session, loosely typed: the designer renders what it knows and shows the rest as JSON. */
export type SimOutput = { type: string; [key: string]: unknown };

const TOKEN_KEY = 'omniflow.token';

/** The bearer token: from `?token=` (remembered), then local storage, then a `<meta name="omniflow-token">`. */
export function currentToken(): string | null {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) {
    localStorage.setItem(TOKEN_KEY, fromUrl);
    return fromUrl;
  }
  const stored = localStorage.getItem(TOKEN_KEY);
  if (stored) return stored;
  const meta = document.querySelector('meta[name="omniflow-token"]');
  return meta?.getAttribute('content') ?? null;
}

/** Remembers a token typed by the user. */
export function rememberToken(token: string): void {
  localStorage.setItem(TOKEN_KEY, token);
}

const TIMEOUT_MS = 15_000;

let localToken: Promise<string | null> | null = null;

/**
 * Asks a loopback runtime for a short-lived publisher token (`GET /api/auth/local`); null when it offers none
 * (remote runtime: the user pastes a token instead).
 */
async function fetchLocalToken(): Promise<string | null> {
  localToken ??= fetch('/api/auth/local', { headers: { accept: 'application/json' } })
    .then(async (r) => (r.ok ? field(await r.json(), 'token') : null))
    .then((t) => (typeof t === 'string' ? t : null))
    .catch(() => null);
  return localToken;
}

/** The token API calls carry (a typed or remembered one, else the loopback runtime's); the voice socket sends it too. */
export async function bearerToken(): Promise<string | null> {
  return currentToken() ?? (await fetchLocalToken());
}

/** Calls the runtime's JSON API; rejects with {@link ApiError} on a non-2xx reply. A 401 is retried once with a fresh local token. */
export async function apiRequest<T = unknown>(
  method: string,
  path: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<T> {
  try {
    return await send<T>(method, path, body, await bearerToken(), extraHeaders);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401) throw error;
    localToken = null;
    const fresh = await fetchLocalToken();
    if (!fresh) throw error;
    localStorage.removeItem(TOKEN_KEY);
    return send<T>(method, path, body, fresh, extraHeaders);
  }
}

async function send<T>(
  method: string,
  path: string,
  body: unknown,
  token: string | null,
  extraHeaders: Record<string, string>,
): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  const headers: Record<string, string> = { ...extraHeaders, accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  try {
    const response = await fetch(path, {
      method,
      headers,
      signal: controller.signal,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    const parsed: unknown = text ? safeJson(text) : null;
    if (!response.ok) throw new ApiError(response.status, errorItems(parsed, response.status), parsed);
    return parsed as T;
  } finally {
    clearTimeout(timer);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { errors: [{ code: 'HTTP', message: text.slice(0, 200) }] };
  }
}

function errorItems(body: unknown, status: number): ApiErrorItem[] {
  const errors = field(body, 'errors');
  if (Array.isArray(errors)) {
    return errors.map((e) => ({
      code: String(field(e, 'code') ?? status),
      message: String(field(e, 'message') ?? 'Error'),
      ...(typeof field(e, 'pointer') === 'string' ? { pointer: String(field(e, 'pointer')) } : {}),
    }));
  }
  const message = field(body, 'message') ?? field(body, 'error');
  return [{ code: String(status), message: typeof message === 'string' ? message : `HTTP ${status}` }];
}

/** Reads `key` from an unknown JSON value. */
export function field(value: unknown, key: string): unknown {
  return isRecord(value) ? value[key] : undefined;
}

function listOf(body: unknown, key: string): unknown[] {
  if (Array.isArray(body)) return body;
  const inner = field(body, key) ?? field(body, 'items') ?? field(body, 'data');
  return Array.isArray(inner) ? inner : [];
}

// An import report as the runtime sends it: `[{ severity, sourceRef, message }]`.
function toReportLines(value: unknown): ImportReportLine[] {
  return listOf(value ?? [], 'report').map((line) => ({
    severity: String(field(line, 'severity') ?? 'info'),
    sourceRef: String(field(line, 'sourceRef') ?? ''),
    message: String(field(line, 'message') ?? ''),
  }));
}

// The runtime answers `{ flow: { id, name, draft, revision, liveVersion } }`.
function toStoredFlow(body: unknown): StoredFlow {
  const record = field(body, 'flow') ?? body;
  const draft = field(record, 'draft') ?? record;
  const revision = Number(field(record, 'revision') ?? field(body, 'revision') ?? 0);
  return { flow: draft as FlowDocument, revision };
}

function toSummary(row: unknown): FlowSummary {
  const flow = field(row, 'flow');
  return {
    id: String(field(row, 'id') ?? field(flow, 'id')),
    name: String(field(row, 'name') ?? field(flow, 'name') ?? ''),
    revision: Number(field(row, 'revision') ?? 0),
    ...(typeof field(row, 'updatedAt') === 'string' ? { updatedAt: String(field(row, 'updatedAt')) } : {}),
    publishedVersion: typeof field(row, 'liveVersion') === 'number' ? Number(field(row, 'liveVersion')) : null,
  };
}

function toTurn(body: unknown, fallbackId: string): SessionTurn {
  const turn = field(body, 'session') ?? field(body, 'turn') ?? body;
  const outputs = listOf(field(turn, 'outputs') ?? [], 'outputs').filter(
    (o): o is SimOutput => typeof field(o, 'type') === 'string',
  );
  const status = field(turn, 'status') ?? field(body, 'status');
  const nodeId = field(turn, 'nodeId');
  const variables = field(turn, 'variables');
  const contact = field(turn, 'contact');
  return {
    sessionId: String(field(turn, 'sessionId') ?? field(turn, 'id') ?? fallbackId),
    outputs,
    status: status === 'ended' ? 'ended' : 'active',
    nodeId: typeof nodeId === 'string' ? nodeId : null,
    variables: typeof variables === 'object' && variables !== null ? (variables as Record<string, unknown>) : {},
    contact: typeof contact === 'object' && contact !== null ? (contact as Record<string, unknown>) : {},
  };
}

/** The runtime's HTTP API as the designer uses it. */
export const runtimeClient = {
  nodeTypes: async (): Promise<NodeTypeSpec[]> => {
    const body = await apiRequest('GET', '/api/node-types');
    const list = listOf(body, 'nodeTypes');
    return (list.length > 0 ? list : listOf(body, 'types')) as NodeTypeSpec[];
  },
  listFlows: async (): Promise<FlowSummary[]> => listOf(await apiRequest('GET', '/api/flows'), 'flows').map(toSummary),
  getFlow: async (id: string): Promise<StoredFlow> =>
    toStoredFlow(await apiRequest('GET', `/api/flows/${encodeURIComponent(id)}`)),
  createFlow: async (flow: FlowDocument): Promise<StoredFlow> =>
    toStoredFlow(await apiRequest('POST', '/api/flows', { flow })),
  updateFlow: async (id: string, flow: FlowDocument, revision: number): Promise<StoredFlow> =>
    toStoredFlow(await apiRequest('PUT', `/api/flows/${encodeURIComponent(id)}`, { flow, revision })),
  deleteFlow: async (id: string): Promise<void> => {
    await apiRequest('DELETE', `/api/flows/${encodeURIComponent(id)}`);
  },
  publish: async (id: string, note: string, revision: number | null): Promise<unknown> =>
    apiRequest('POST', `/api/flows/${encodeURIComponent(id)}/publish`, {
      note,
      ...(revision !== null ? { revision } : {}),
    }),
  versions: async (id: string): Promise<FlowVersion[]> => {
    const body = await apiRequest('GET', `/api/flows/${encodeURIComponent(id)}/versions`);
    const live = field(body, 'liveVersion');
    return listOf(body, 'versions').map((v) => ({
      version: Number(field(v, 'version')),
      ...(typeof field(v, 'note') === 'string' ? { note: String(field(v, 'note')) } : {}),
      ...(typeof field(v, 'publishedAt') === 'string' ? { publishedAt: String(field(v, 'publishedAt')) } : {}),
      ...(typeof field(v, 'author') === 'string' ? { publishedBy: String(field(v, 'author')) } : {}),
      active: field(v, 'version') === live,
      ...pinsOf(field(v, 'subflows')),
    }));
  },
  getVersion: async (id: string, version: number): Promise<FlowDocument> =>
    field(
      field(await apiRequest('GET', `/api/flows/${encodeURIComponent(id)}/versions/${version}`), 'version'),
      'document',
    ) as FlowDocument,
  republish: async (id: string, version: number): Promise<unknown> =>
    apiRequest('POST', `/api/flows/${encodeURIComponent(id)}/versions/${version}/republish`),
  rollback: async (id: string, version: number): Promise<unknown> =>
    apiRequest('POST', `/api/flows/${encodeURIComponent(id)}/rollback`, { version }),
  exportFlow: async (id: string): Promise<unknown> => apiRequest('GET', `/api/flows/${encodeURIComponent(id)}/export`),
  importFlow: async (json: unknown): Promise<ImportedFlow> => {
    const body = await apiRequest('POST', '/api/flows/import', json);
    const report = toReportLines(field(body, 'report'));
    return { ...toStoredFlow(body), format: String(field(body, 'format') ?? 'omniflow'), report };
  },
  importFlows: async (documents: { name: string; document: unknown }[]): Promise<ImportBatchReply> => {
    const body = await apiRequest('POST', '/api/flows/import', { documents });
    const strings = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);
    return {
      flows: listOf(body, 'flows').map((flow) => ({
        id: String(field(flow, 'id') ?? ''),
        source: String(field(flow, 'source') ?? ''),
        format: String(field(flow, 'format') ?? ''),
        calls: strings(field(flow, 'calls')),
        report: toReportLines(field(flow, 'report')),
      })),
      failures: listOf(field(body, 'failures') ?? [], 'failures').map((failure) => ({
        source: String(field(failure, 'source') ?? ''),
        code: String(field(failure, 'code') ?? ''),
        message: String(field(failure, 'message') ?? ''),
      })),
      publishOrder: strings(field(body, 'publishOrder')),
    };
  },
  startSession: async (
    flowId: string,
    channel: Channel,
    locale: string,
    contact?: SimulatorContactInput,
  ): Promise<SessionTurn> =>
    toTurn(
      // A start whose reply was lost is sent again under its key: the runtime answers the same session (issue 22).
      await withIdempotencyKey((key) =>
        apiRequest(
          'POST',
          '/api/sessions',
          { flowId, channel, locale, draft: true, ...(contact ? { contact } : {}) },
          { 'idempotency-key': key },
        ),
      ),
      '',
    ),
  sendInput: async (sessionId: string, input: { type: string; [key: string]: unknown }): Promise<SessionTurn> =>
    toTurn(
      await withIdempotencyKey((key) =>
        apiRequest(
          'POST',
          `/api/sessions/${encodeURIComponent(sessionId)}/input`,
          { input },
          { 'idempotency-key': key },
        ),
      ),
      sessionId,
    ),
};

/** A version's pinned subflows as the runtime lists them; none when absent (a runtime before issue 22). */
function pinsOf(value: unknown): { subflows?: Record<string, number> } {
  if (!isRecord(value)) return {};
  const pins: Record<string, number> = {};
  for (const [id, version] of Object.entries(value)) if (typeof version === 'number') pins[id] = version;
  return { subflows: pins };
}
