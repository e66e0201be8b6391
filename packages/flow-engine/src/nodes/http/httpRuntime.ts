import { evaluateExpression, parseExpression, renderTemplate } from '@omniflow/flow-schema';
import type { HandlerArgs, HandlerResult } from '../../nodeTypes/handlerTypes.ts';
import type { HttpNodeConfig } from './httpSpec.ts';
import { withDeadline } from './withDeadline.ts';

// `{{secret:NAME}}` — a runtime secret, rendered raw and never logged.
const SECRET_PLACEHOLDER = /\{\{\s*secret:([A-Za-z_][\w.-]*)\s*\}\}/g;

/** How one attempt ended. */
type Attempt =
  { kind: 'reply'; status: number; text: string } | { kind: 'network'; message: string } | { kind: 'timeout' };

/** Runs the `http` node: renders the request, sends it once with a timeout, and maps the JSON reply. */
export async function runHttpRequest(args: HandlerArgs<HttpNodeConfig>): Promise<HandlerResult> {
  const { config, logger, signal } = args;
  const missing = missingSecrets(config, args.secret);
  if (missing.length > 0) {
    logger.error(
      { secrets: missing, idempotencyKey: args.idempotencyKey },
      `http node: secret(s) ${missing.join(', ')} are not configured; set them in the runtime configuration`,
    );
    return { port: 'error' };
  }
  const lookup = variableLookup(args.variables);
  const url = renderWithSecrets(config.url, args.secret, (name) => encodeURIComponent(lookup(name)));
  const bodyType = config.bodyType ?? 'json';
  const body =
    config.body === undefined || config.method === 'GET'
      ? undefined
      : renderWithSecrets(
          config.body,
          args.secret,
          bodyType === 'json' ? (name) => escapeJsonString(lookup(name)) : lookup,
        );
  const headers = new Headers({ accept: 'application/json' });
  if (body !== undefined && bodyType === 'json') headers.set('content-type', 'application/json');
  for (const [name, value] of Object.entries(config.headers ?? {})) {
    headers.set(name, renderWithSecrets(value, args.secret, lookup));
  }
  headers.set('idempotency-key', args.idempotencyKey);

  // One attempt per call: the engine retries the node (config `retries`, with backoff) on `error` and `timeout`.
  const timeoutMs = config.timeoutMs ?? 5000;
  const started = Date.now();
  const outcome = await send(url, { method: config.method, headers, body }, timeoutMs, signal, args.fetch);
  const fields = { method: config.method, durationMs: Date.now() - started, idempotencyKey: args.idempotencyKey };
  if (outcome.kind === 'timeout') {
    logger.warn(fields, `http node: no reply within ${timeoutMs} ms`);
    return { port: 'timeout' };
  }
  if (outcome.kind === 'network') {
    logger.warn({ ...fields, error: outcome.message }, 'http node: request failed');
    return { port: 'error' };
  }
  logger.info({ ...fields, status: outcome.status }, 'http node: reply');
  const variables: Record<string, unknown> = {};
  if (config.statusVariable) variables[config.statusVariable] = outcome.status;
  if (outcome.status < 200 || outcome.status > 299) return { port: 'error', variables };
  const mapped = mapResponse(config, args.variables, { status: outcome.status, body: parseBody(outcome.text) });
  if (!mapped.ok) {
    logger.error(
      { error: mapped.error, idempotencyKey: args.idempotencyKey },
      'http node: a response mapping does not parse; fix its expression',
    );
    return { port: 'error', variables };
  }
  Object.assign(variables, mapped.variables);
  return { port: 'success', variables };
}

async function send(
  url: string,
  init: RequestInit,
  timeoutMs: number,
  outer: AbortSignal,
  egress: HandlerArgs['fetch'],
): Promise<Attempt> {
  const outcome = await withDeadline(outer, timeoutMs, async (signal): Promise<Attempt> => {
    const response = await (egress ?? fetch)(url, { ...init, signal });
    return { kind: 'reply', status: response.status, text: await response.text() };
  });
  if (outcome.kind === 'done') return outcome.value;
  if (outcome.kind === 'timeout') return outcome;
  return { kind: 'network', message: outcome.error instanceof Error ? outcome.error.message : String(outcome.error) };
}

/** Evaluates each mapping over the flow's variables plus `response`; a missing field yields `null`, never a throw. */
function mapResponse(
  config: HttpNodeConfig,
  flowVariables: Readonly<Record<string, unknown>>,
  response: { status: number; body: unknown },
): { ok: true; variables: Record<string, unknown> } | { ok: false; error: string } {
  const scope = { ...flowVariables, response };
  const out: Record<string, unknown> = {};
  for (const { variable, value } of config.responseMapping ?? []) {
    const parsed = parseExpression(value);
    if (!parsed.ok)
      return { ok: false, error: `${JSON.stringify(value)} at offset ${parsed.error.offset}: ${parsed.error.message}` };
    out[variable] = evaluateExpression(parsed.ast, scope);
  }
  return { ok: true, variables: out };
}

function parseBody(text: string): unknown {
  if (text.trim() === '') return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed;
  } catch {
    // A non-JSON reply is still mappable as a whole (`response.body`).
    return text;
  }
}

/** Names of `{{secret:NAME}}` placeholders in the config whose secret is not configured. */
function missingSecrets(config: HttpNodeConfig, secret: (name: string) => string | undefined): string[] {
  const templates = [config.url, config.body ?? '', ...Object.values(config.headers ?? {})];
  const names = templates.flatMap((t) => [...t.matchAll(SECRET_PLACEHOLDER)].map((m) => m[1] ?? ''));
  return [...new Set(names)].filter((name) => secret(name) === undefined);
}

/** Renders variable placeholders in the literal parts of a template, and secrets (raw) in between. */
function renderWithSecrets(
  template: string,
  secret: (name: string) => string | undefined,
  lookup: (name: string) => string,
): string {
  let out = '';
  let from = 0;
  for (const match of template.matchAll(SECRET_PLACEHOLDER)) {
    out += renderTemplate(template.slice(from, match.index), lookup) + (secret(match[1] ?? '') ?? '');
    from = match.index + match[0].length;
  }
  return out + renderTemplate(template.slice(from), lookup);
}

function variableLookup(variables: Readonly<Record<string, unknown>>): (path: string) => string {
  return (path) => {
    let value: unknown = variables;
    for (const step of path.split('.')) {
      value =
        typeof value === 'object' && value !== null && Object.hasOwn(value, step)
          ? Reflect.get(value, step)
          : undefined;
    }
    if (value === undefined || value === null) return '';
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  };
}

function escapeJsonString(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}
