import type { HandlerDecorator } from '@omniflow/flow-engine';
import type { EgressConfig } from '../config/loadEgressConfig.ts';
import { createGuardedFetch } from './guardedFetch.ts';
import { secretGuard } from './secretGuard.ts';

/**
 * The runtime's egress policy as a handler decorator: the guarded fetch (no private destinations unless allowed)
 * bound to the secret allow-lists. A secret's allowed origins may be private: naming one is the allowing.
 */
export function handlerEgress(egress: EgressConfig): HandlerDecorator {
  const privateOrigins = new Set([...egress.egressAllow, ...Object.values(egress.secretAllow).flat()]);
  const fetch = createGuardedFetch({ allowPrivate: (origin) => privateOrigins.has(origin) });
  return secretGuard({ allowedOrigins: (name) => egress.secretAllow[name] ?? [], fetch });
}
