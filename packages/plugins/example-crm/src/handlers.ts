import { defineNodeType, type NodeTypeImplementation } from '@omniflow/flow-engine';
import { loyaltyTierSpec } from './definitions.ts';

/** The `crm.loyaltyTier` node: its spec plus a handler calling the CRM named by the `CRM_URL` secret. */
export const loyaltyTierNode = defineNodeType<{ phoneVariable: string; tierVariable: string }>({
  spec: loyaltyTierSpec,
  async handler({ config, variables, secret, signal, idempotencyKey }) {
    const phone = encodeURIComponent(String(variables[config.phoneVariable] ?? ''));
    const res = await fetch(`${secret('CRM_URL')}/tiers/${phone}`, { signal, headers: { 'idempotency-key': idempotencyKey } });
    if (res.status === 404) return { port: 'notFound' };
    const body: unknown = await res.json();
    return { variables: { [config.tierVariable]: typeof body === 'object' && body !== null ? Reflect.get(body, 'tier') : null } };
  },
});

/** The pack the runtime loads by name (`OMNIFLOW_PLUGINS=@omniflow/plugin-example-crm`). */
export const crmPack: { name: string; definitions: NodeTypeImplementation[] } = { name: 'crm', definitions: [loyaltyTierNode] };
