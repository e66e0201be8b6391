/*
 * The banking pack's browser-safe entry point `@omniflow/plugin-banking/definitions`: each node type's spec,
 * one file per type under nodes/, with no server code.
 */
import type { NodeTypeDefinition, NodeTypeSpec } from '@omniflow/flow-schema';
import { activateCardSpec } from './nodes/activateCardSpec.ts';
import { getBalanceSpec } from './nodes/getBalanceSpec.ts';
import { recentTransactionsSpec } from './nodes/recentTransactionsSpec.ts';
import { reportLostCardSpec } from './nodes/reportLostCardSpec.ts';
import { setPinSpec } from './nodes/setPinSpec.ts';
import { verifyCustomerSpec } from './nodes/verifyCustomerSpec.ts';

/** The banking pack's spec definitions (JSON spec and hooks), in palette order. */
export const bankingSpecs: readonly NodeTypeDefinition[] = [
  verifyCustomerSpec,
  getBalanceSpec,
  recentTransactionsSpec,
  activateCardSpec,
  setPinSpec,
  reportLostCardSpec,
];

/** The banking pack's node type specs: JSON only, safe to import in the browser. */
export const bankingDefinitions: NodeTypeSpec[] = bankingSpecs.map((definition) => definition.spec);

export { verifyCustomerSpec, getBalanceSpec, recentTransactionsSpec, activateCardSpec, setPinSpec, reportLostCardSpec };
export type { VerifyCustomerConfig } from './nodes/verifyCustomerSpec.ts';
export type { GetBalanceConfig } from './nodes/getBalanceSpec.ts';
export type { RecentTransactionsConfig } from './nodes/recentTransactionsSpec.ts';
export type { ActivateCardConfig } from './nodes/activateCardSpec.ts';
export type { SetPinConfig } from './nodes/setPinSpec.ts';
export type { ReportLostCardConfig } from './nodes/reportLostCardSpec.ts';
export type { BankingCallConfig } from './bankingSpec.ts';
