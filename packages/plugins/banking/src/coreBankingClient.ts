import { withDeadline, type HandlerArgs, type HandlerResult } from '@omniflow/flow-engine';
import type { BankingCallConfig } from './bankingSpec.ts';

/** Secret holding the core-banking service's base URL. */
export const CORE_BANKING_URL = 'CORE_BANKING_URL';
/** Secret holding the core-banking API key, sent as `x-api-key`. */
export const CORE_BANKING_API_KEY = 'CORE_BANKING_API_KEY';

/** How a core-banking call ended: a JSON reply (any status), a timeout, or a failure already logged. */
export type CoreBankingOutcome =
  { kind: 'reply'; status: number; body: Readonly<Record<string, unknown>> } | { kind: 'timeout' } | { kind: 'failed' };

/**
 * Calls the core-banking service with the node's timeout, the engine's AbortSignal and the call's idempotency
 * key. Logs the operation and status only: never a body, since bodies may carry a PIN.
 */
export async function callCoreBanking(
  args: HandlerArgs<BankingCallConfig>,
  operation: string,
  request: { method: 'GET' | 'POST' | 'PUT'; path: string; body?: Record<string, unknown> },
): Promise<CoreBankingOutcome> {
  // The idempotency key is `session:node:visit`, so every line names the node that made the call.
  const call = args.idempotencyKey;
  const baseUrl = args.secret(CORE_BANKING_URL);
  const apiKey = args.secret(CORE_BANKING_API_KEY);
  if (baseUrl === undefined || apiKey === undefined) {
    args.logger.error(
      { operation, call },
      `banking: secrets ${CORE_BANKING_URL} and ${CORE_BANKING_API_KEY} must be configured in the runtime`,
    );
    return { kind: 'failed' };
  }
  const timeoutMs = args.config.timeoutMs ?? 5000;
  const started = Date.now();
  const exchange = async (signal: AbortSignal): Promise<CoreBankingOutcome> => {
    const response = await (args.fetch ?? fetch)(new URL(request.path, baseUrl), {
      method: request.method,
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        'x-api-key': apiKey,
        'idempotency-key': args.idempotencyKey,
      },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal,
    });
    const parsed: unknown = await response.json();
    const body: Record<string, unknown> = typeof parsed === 'object' && parsed !== null ? { ...parsed } : {};
    args.logger.info(
      { operation, call, status: response.status, durationMs: Date.now() - started },
      'banking: core-banking replied',
    );
    return { kind: 'reply', status: response.status, body };
  };
  const outcome = await withDeadline(args.signal, timeoutMs, exchange);
  if (outcome.kind === 'timeout') {
    args.logger.warn({ operation, call, timeoutMs }, 'banking: core-banking did not answer in time');
    return outcome;
  }
  if (outcome.kind === 'thrown') {
    const reason = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
    args.logger.error({ operation, call, error: reason }, 'banking: core-banking call failed');
    return { kind: 'failed' };
  }
  return outcome.value;
}

/** A flow variable as the service expects it: trimmed text, or `''` when unset. */
export function textOf(variables: Readonly<Record<string, unknown>>, name: string | undefined): string {
  if (name === undefined) return '';
  const value = variables[name];
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

/** Maps a reply to a result; a timeout takes `timeout` and a failed call `error`. */
export function onReply(
  outcome: CoreBankingOutcome,
  map: (status: number, body: Readonly<Record<string, unknown>>) => HandlerResult,
): HandlerResult {
  if (outcome.kind === 'timeout') return { port: 'timeout' };
  if (outcome.kind === 'failed') return { port: 'error' };
  return map(outcome.status, outcome.body);
}

/** The core-banking path of one customer's resource: `/v1/customers/<id>/<rest>`. */
export function customerPath(
  args: HandlerArgs<{ timeoutMs?: number }>,
  customerIdVariable: string,
  rest: string,
): string {
  return `/v1/customers/${encodeURIComponent(textOf(args.variables, customerIdVariable))}/${rest}`;
}
