import type { NodeTypeSpec } from '@omniflow/flow-schema';

/** `crm.loyaltyTier`: looks up the caller's loyalty tier by phone number (JSON only, safe for the browser). */
export const loyaltyTierSpec: NodeTypeSpec = {
  type: 'crm.loyaltyTier', version: 1, pack: 'crm', behaviour: 'async', category: 'CRM', icon: '⭐',
  title: 'Loyalty tier', description: "Looks up the caller's loyalty tier in the CRM.",
  configSchema: {
    type: 'object', required: ['phoneVariable', 'tierVariable'], additionalProperties: false,
    properties: { phoneVariable: { 'x-kind': 'variable', type: 'string' }, tierVariable: { 'x-kind': 'variable', type: 'string' } },
  },
  defaults: { phoneVariable: 'callerNumber', tierVariable: 'tier' },
  ports: [{ name: 'success' }, { name: 'notFound' }, { name: 'error' }, { name: 'timeout' }],
};
