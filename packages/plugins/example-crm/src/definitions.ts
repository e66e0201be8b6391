// The browser-safe entry point: the pack's node type specs, one `<type>Spec.ts` file per type.
export { loyaltyTierSpec } from './loyaltyTierSpec.ts';
export type { LoyaltyTierConfig } from './loyaltyTierSpec.ts';
