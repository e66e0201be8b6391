import { defineNodeType, type NodeTypeImplementation } from '@omniflow/flow-engine';
import { loyaltyTier } from './loyaltyTierHandler.ts';
import { loyaltyTierSpec } from './loyaltyTierSpec.ts';

/** The `crm.loyaltyTier` node: its spec paired with its handler. */
export const loyaltyTierNode = defineNodeType({ ...loyaltyTierSpec, handler: loyaltyTier });

/** The pack the runtime loads by name (`OMNIFLOW_PLUGINS=@omniflow/plugin-example-crm`). */
export const crmPack: { name: string; definitions: NodeTypeImplementation[] } = {
  name: 'crm',
  definitions: [loyaltyTierNode],
};
