import { DESK_ROUTES } from '../agents/deskRoutes.ts';
import { CAMPAIGN_ROUTES } from '../campaigns/campaignRoutes.ts';
import { REQUEST_SCHEMAS, type RequestSchemaName } from './requestSchemas.ts';

/** One HTTP route with the access it needs; the roles matrix test checks the app against this table. */
export interface Route {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  summary: string;
  /**
   * Minimum role; `channel` for endpoints a per-flow channel token (or an editor token or higher) may call; `public`
   * for none; `signature` for a request signed by a provider (Twilio), where no token grants anything.
   */
  auth: 'agent' | 'supervisor' | 'viewer' | 'editor' | 'publisher' | 'admin' | 'channel' | 'public' | 'signature';
  body?: RequestSchemaName;
  ok: number;
  errors?: number[];
}

/** Every route the runtime serves (the designer's static files aside). */
export const ROUTES: Route[] = [
  { method: 'get', path: '/api/flows', summary: 'List flows', auth: 'viewer', ok: 200 },
  {
    method: 'post',
    path: '/api/flows',
    summary: 'Create a flow with its first draft',
    auth: 'editor',
    body: 'CreateFlow',
    ok: 201,
    errors: [409],
  },
  {
    method: 'post',
    path: '/api/flows/import',
    summary:
      'Import an Omniflow, Amazon Connect or Twilio Studio flow (?from=connect|twilio), or several exports together as { documents: [{ name, document }], publish? }',
    auth: 'editor',
    body: 'ImportFlow',
    ok: 201,
    errors: [409, 415, 422],
  },
  {
    method: 'get',
    path: '/api/flows/{id}',
    summary: 'Read a flow and its draft (ETag = revision)',
    auth: 'viewer',
    ok: 200,
    errors: [404],
  },
  {
    method: 'put',
    path: '/api/flows/{id}',
    summary: 'Update the draft; `revision` or If-Match required, stale → 409 with currentRevision',
    auth: 'editor',
    body: 'UpdateDraft',
    ok: 200,
    errors: [404, 409, 428],
  },
  {
    method: 'delete',
    path: '/api/flows/{id}',
    summary: 'Delete a flow, its versions, sessions and channel tokens',
    auth: 'publisher',
    ok: 204,
    errors: [404],
  },
  {
    method: 'post',
    path: '/api/flows/{id}/validate',
    summary: 'Validate the draft (or a posted document)',
    auth: 'viewer',
    body: 'ValidateFlow',
    ok: 200,
    errors: [404],
  },
  {
    method: 'post',
    path: '/api/flows/{id}/publish',
    summary: 'Publish the draft as the next immutable version and make it live',
    auth: 'publisher',
    body: 'Publish',
    ok: 201,
    errors: [404, 409, 422],
  },
  {
    method: 'post',
    path: '/api/flows/{id}/tests/run',
    summary: "Run the draft's (or a posted document's) conversation tests in every channel: runs and coverage",
    auth: 'viewer',
    body: 'RunFlowTests',
    ok: 200,
    errors: [404, 422],
  },
  {
    method: 'get',
    path: '/api/flows/{id}/tests/suggestions',
    summary: 'Propose one test per end or transfer node the suite does not reach',
    auth: 'viewer',
    ok: 200,
    errors: [404, 422],
  },
  {
    method: 'get',
    path: '/api/flows/{id}/versions',
    summary: 'List published versions and the live one',
    auth: 'viewer',
    ok: 200,
    errors: [404],
  },
  {
    method: 'get',
    path: '/api/flows/{id}/versions/{version}',
    summary: 'Read one published version',
    auth: 'viewer',
    ok: 200,
    errors: [404],
  },
  {
    method: 'post',
    path: '/api/flows/{id}/versions/{version}/republish',
    summary: 'Publish a version again as the next version, pinned to the subflow versions live now',
    auth: 'publisher',
    ok: 201,
    errors: [404, 422],
  },
  {
    method: 'post',
    path: '/api/flows/{id}/rollback',
    summary: 'Move the live pointer to an earlier version',
    auth: 'publisher',
    body: 'Rollback',
    ok: 200,
    errors: [404],
  },
  {
    method: 'get',
    path: '/api/flows/{id}/export',
    summary: 'Download the draft or a version (?version=draft|live|N) as JSON',
    auth: 'viewer',
    ok: 200,
    errors: [404],
  },
  {
    method: 'get',
    path: '/api/flows/{id}/channel-tokens',
    summary: "List the flow's public channel tokens",
    auth: 'admin',
    ok: 200,
  },
  {
    method: 'post',
    path: '/api/flows/{id}/channel-tokens',
    summary: 'Create a public channel token for chat/web chat',
    auth: 'admin',
    body: 'CreateChannelToken',
    ok: 201,
    errors: [404],
  },
  {
    method: 'get',
    path: '/api/flows/{id}/channel-links',
    summary: "List the flow's channel tokens (for its publishers, from the designer)",
    auth: 'publisher',
    ok: 200,
  },
  {
    method: 'post',
    path: '/api/flows/{id}/channel-links',
    summary: "Create a channel token for the flow's web chat and phone set-up",
    auth: 'publisher',
    body: 'CreateChannelToken',
    ok: 201,
    errors: [404],
  },
  {
    method: 'delete',
    path: '/api/flows/{id}/channel-links/{tokenId}',
    summary: "Revoke one of the flow's channel tokens",
    auth: 'publisher',
    ok: 204,
    errors: [404],
  },
  { method: 'get', path: '/api/tokens', summary: 'List management tokens', auth: 'admin', ok: 200 },
  {
    method: 'post',
    path: '/api/tokens',
    summary: 'Create a management token (the clear value is shown once)',
    auth: 'admin',
    body: 'CreateToken',
    ok: 201,
  },
  { method: 'delete', path: '/api/tokens/{tokenId}', summary: 'Revoke a token', auth: 'admin', ok: 204, errors: [404] },
  {
    method: 'get',
    path: '/api/node-types',
    summary: 'The node-type catalog: JSON Schemas, ports and UI hints',
    auth: 'viewer',
    ok: 200,
  },
  {
    method: 'post',
    path: '/api/sessions',
    summary:
      'Start a session on the live version (or the draft, editors only). An Idempotency-Key header makes a resend answer the same session and first reply instead of starting a second session',
    auth: 'channel',
    body: 'StartSession',
    ok: 201,
    errors: [404, 409, 422],
  },
  {
    method: 'post',
    path: '/api/sessions/{id}/input',
    summary:
      "Send one caller input; answers the turn's outputs. An Idempotency-Key header makes a resend answer the stored reply instead of running the turn again",
    auth: 'channel',
    body: 'SessionInput',
    ok: 200,
    errors: [400, 404, 409, 422, 503],
  },
  {
    method: 'post',
    path: '/api/sessions/{id}/end',
    summary: 'End a session (hang up)',
    auth: 'channel',
    ok: 200,
    errors: [404, 409],
  },
  {
    method: 'get',
    path: '/api/sessions/{id}',
    summary: "Read a session's status, flow version and channel",
    auth: 'viewer',
    ok: 200,
    errors: [404],
  },
  {
    method: 'get',
    path: '/api/sessions/{id}/transcript',
    summary: "Read a session's transcript (sensitive values masked)",
    auth: 'viewer',
    ok: 200,
    errors: [404],
  },
  {
    method: 'get',
    path: '/api/contacts',
    summary:
      'Search contacts, newest first (?flowId, channel, outcome, direction, from, to, caller, text; cursor, limit ≤ 100)',
    auth: 'viewer',
    ok: 200,
    errors: [400],
  },
  {
    method: 'get',
    path: '/api/contacts/export',
    summary: 'Export the contacts a search finds, streamed (?format=jsonl|csv and the search filters)',
    auth: 'viewer',
    ok: 200,
    errors: [400],
  },
  {
    method: 'get',
    path: '/api/contacts/{id}',
    summary: 'One contact: its facts, path, flow version and transcript (numbers masked as configured)',
    auth: 'viewer',
    ok: 200,
    errors: [404],
  },
  {
    method: 'get',
    path: '/api/auth/local',
    summary: 'Loopback-only: a short-lived publisher token for the bundled designer',
    auth: 'public',
    ok: 200,
    errors: [403, 404],
  },
  { method: 'get', path: '/healthz', summary: 'Liveness', auth: 'public', ok: 200 },
  {
    method: 'get',
    path: '/readyz',
    summary: 'Readiness (store reachable, not shutting down)',
    auth: 'public',
    ok: 200,
    errors: [503],
  },
  { method: 'get', path: '/metrics', summary: 'Prometheus metrics', auth: 'public', ok: 200 },
  { method: 'get', path: '/api/openapi.json', summary: 'This OpenAPI document', auth: 'public', ok: 200 },
  {
    method: 'post',
    path: '/twilio/voice/{flowId}',
    summary: 'Twilio voice webhook: incoming call (X-Twilio-Signature checked)',
    auth: 'signature',
    ok: 200,
    errors: [403],
  },
  {
    method: 'post',
    path: '/twilio/voice/{flowId}/gather',
    summary: 'Twilio <Gather> action: digits or speech of the caller',
    auth: 'signature',
    ok: 200,
    errors: [403],
  },
  {
    method: 'post',
    path: '/twilio/voice/{flowId}/status',
    summary: "Twilio call status callback: ends the call's session",
    auth: 'signature',
    ok: 204,
    errors: [403],
  },
  {
    method: 'post',
    path: '/twilio/queue/{contactId}/wait',
    summary:
      "Twilio <Enqueue waitUrl>: the caller's place every N seconds, hold audio, the callback key, <Leave/> once answered",
    auth: 'signature',
    ok: 200,
    errors: [400, 403],
  },
  {
    method: 'post',
    path: '/twilio/queue/{contactId}/key',
    summary: 'Twilio <Gather> action while waiting: the callback key keeps the place and ends the call',
    auth: 'signature',
    ok: 200,
    errors: [400, 403],
  },
  {
    method: 'post',
    path: '/twilio/queue/{contactId}/after',
    summary: "Twilio <Enqueue action>: <Dial> to the answering agent's phone or SIP address, or the end of the wait",
    auth: 'signature',
    ok: 200,
    errors: [400, 403],
  },
  {
    method: 'post',
    path: '/twilio/queue/{contactId}/dialed',
    summary: 'Twilio <Dial action>: the agent leg ended; the agent wraps the contact up',
    auth: 'signature',
    ok: 200,
    errors: [400, 403],
  },
  {
    method: 'post',
    path: '/twilio/queue/{contactId}/callback-status',
    summary: 'Twilio status callback of a callback call: its final status is recorded on the contact',
    auth: 'signature',
    ok: 204,
    errors: [400, 403],
  },
  {
    method: 'get',
    path: '/twilio/hold.wav',
    summary: 'Hold audio Twilio plays to waiting callers',
    auth: 'public',
    ok: 200,
  },
  {
    method: 'get',
    path: '/chat/{flowId}',
    summary: 'Embeddable web chat page (?token=channel token)',
    auth: 'public',
    ok: 200,
  },
  {
    method: 'get',
    path: '/chat/{flowId}/config',
    summary: "The web chat's flow name and locales (channel token)",
    auth: 'channel',
    ok: 200,
    errors: [404],
  },
  {
    method: 'get',
    path: '/chat-assets/{file}',
    summary: "The web chat page's script and style",
    auth: 'public',
    ok: 200,
    errors: [404],
  },
  // Issue 20: prompt recordings kept by the runtime.
  {
    method: 'post',
    path: '/api/prompt-audio',
    summary: 'Upload a prompt recording (body: a WAV or MP3 file; ?name=file name), stored by its SHA-256',
    auth: 'editor',
    ok: 201,
    errors: [413, 415, 422],
  },
  {
    method: 'get',
    path: '/prompt-audio/{id}',
    summary: 'A stored prompt recording, by its id (no token: Twilio <Play> and the designer fetch it)',
    auth: 'public',
    ok: 200,
    errors: [404],
  },
  // Issue 17: conversation insights.
  {
    method: 'get',
    path: '/api/insights/dashboard',
    summary: 'Dashboard figures for a range of days',
    auth: 'viewer',
    ok: 200,
    errors: [400],
  },
  {
    method: 'get',
    path: '/api/insights/qa',
    summary: 'Automatic QA scores per day, flow, queue and agent',
    auth: 'viewer',
    ok: 200,
    errors: [400],
  },
  {
    method: 'get',
    path: '/api/insights/agents',
    summary: 'Per agent: contacts handled, average handle time, QA score and caller sentiment for a range of days',
    auth: 'viewer',
    ok: 200,
    errors: [400],
  },
  {
    method: 'get',
    path: '/api/insights/flows/{flowId}/nodes',
    summary: 'Per node visits, drop-offs, no-match, no-input and time spent for a published version',
    auth: 'viewer',
    ok: 200,
    errors: [400, 404, 409],
  },
  {
    method: 'get',
    path: '/api/insights/contacts/{id}',
    summary: "A finished contact's summary, QA score and categories",
    auth: 'viewer',
    ok: 200,
    errors: [404],
  },
  {
    method: 'get',
    path: '/api/insights/rules/{flowId}',
    summary: 'Category rules, scorecard and webhooks of a flow or * (all)',
    auth: 'viewer',
    ok: 200,
    errors: [404],
  },
  {
    method: 'put',
    path: '/api/insights/rules/{flowId}',
    summary: 'Replace the category rules, scorecard and webhooks of a flow or *',
    auth: 'editor',
    ok: 200,
    errors: [404, 422],
  },
  { method: 'get', path: '/api/insights/alerts', summary: 'The latest real-time alerts', auth: 'viewer', ok: 200 },
  {
    method: 'get',
    path: '/api/insights/alerts/stream',
    summary: 'Real-time alerts as server-sent events (resume with Last-Event-ID)',
    auth: 'viewer',
    ok: 200,
    errors: [406],
  },
  ...DESK_ROUTES,
  ...CAMPAIGN_ROUTES,
];

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No content',
  400: 'Malformed or invalid request',
  401: 'No or unknown token',
  403: 'Wrong role or flow',
  404: 'Unknown id',
  409: 'Conflict (stale revision, ended session, existing id)',
  413: 'Body too large',
  415: 'Unknown import format',
  422: 'Invalid flow (issues with JSON pointers)',
  428: 'Revision required',
  429: 'Rate limited',
  503: 'Not ready',
};

/** The OpenAPI 3.1 description of the runtime's HTTP API, built from the same schemas the requests are validated with. */
export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of ROUTES) {
    const parameters = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const statuses = [
      route.ok,
      ...(route.body ? [400, 413] : []),
      ...(route.auth === 'public' ? [] : route.auth === 'signature' ? [403] : [401, 403]),
      429,
      ...(route.errors ?? []),
    ];
    const responses: Record<string, unknown> = {};
    for (const status of [...new Set(statuses)].toSorted()) {
      responses[String(status)] =
        status < 400
          ? { description: STATUS_TEXT[status] ?? 'OK' }
          : {
              description: STATUS_TEXT[status] ?? 'Error',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Errors' } } },
            };
    }
    paths[route.path] = {
      ...paths[route.path],
      [route.method]: {
        summary: route.summary,
        ...(parameters.length ? { parameters } : {}),
        ...(route.auth === 'public' ? { security: [] } : { 'x-omniflow-role': route.auth }),
        ...(route.body
          ? {
              requestBody: {
                required: true,
                content: { 'application/json': { schema: { $ref: `#/components/schemas/${route.body}` } } },
              },
            }
          : {}),
        responses,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Omniflow runtime API',
      version: '0.1.0',
      description:
        'Flows, versions, sessions, tokens and channels. Errors are { errors: [{ code, message, pointer }] }.',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'Management token (viewer/editor/publisher/admin) or a per-flow channel token.',
        },
      },
      schemas: {
        ...REQUEST_SCHEMAS,
        Errors: {
          type: 'object',
          required: ['errors'],
          properties: {
            errors: {
              type: 'array',
              items: {
                type: 'object',
                required: ['code', 'message', 'pointer'],
                properties: { code: { type: 'string' }, message: { type: 'string' }, pointer: { type: 'string' } },
              },
            },
          },
        },
      },
    },
  };
}
