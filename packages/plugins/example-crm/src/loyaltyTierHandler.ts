import type { HandlerArgs, HandlerResult } from '@omniflow/flow-engine';
import type { LoyaltyTierConfig } from './loyaltyTierSpec.ts';

/** Asks the CRM named by the `CRM_URL` secret for the caller's tier; `notFound` for an unknown number. */
export async function loyaltyTier({
  config,
  variables,
  secret,
  signal,
  idempotencyKey,
  fetch: egress = fetch,
}: HandlerArgs<LoyaltyTierConfig>): Promise<HandlerResult> {
  const phone = encodeURIComponent(String(variables[config.phoneVariable] ?? ''));
  const res = await egress(`${secret('CRM_URL')}/tiers/${phone}`, {
    signal,
    headers: { 'idempotency-key': idempotencyKey },
  });
  if (res.status === 404) return { port: 'notFound' };
  const body: unknown = await res.json();
  return {
    variables: { [config.tierVariable]: typeof body === 'object' && body !== null ? Reflect.get(body, 'tier') : null },
  };
}
