/*
 * The banking pack's server entry point `@omniflow/plugin-banking/handlers`: each node type's spec paired with
 * its handler (one `<type>Spec.ts` + `<type>Handler.ts` pair per type under nodes/), loaded by the runtime.
 */
import { defineNodeType, type NodeTypeImplementation } from '@omniflow/flow-engine';
import { activateCard } from './nodes/activateCardHandler.ts';
import { activateCardSpec } from './nodes/activateCardSpec.ts';
import { getBalance } from './nodes/getBalanceHandler.ts';
import { getBalanceSpec } from './nodes/getBalanceSpec.ts';
import { recentTransactions } from './nodes/recentTransactionsHandler.ts';
import { recentTransactionsSpec } from './nodes/recentTransactionsSpec.ts';
import { reportLostCard } from './nodes/reportLostCardHandler.ts';
import { reportLostCardSpec } from './nodes/reportLostCardSpec.ts';
import { setPin } from './nodes/setPinHandler.ts';
import { setPinSpec } from './nodes/setPinSpec.ts';
import { verifyCustomer } from './nodes/verifyCustomerHandler.ts';
import { verifyCustomerSpec } from './nodes/verifyCustomerSpec.ts';

/** The banking pack: its six node types with their server handlers, loaded by the runtime by name. */
export const bankingPack: { name: 'banking'; definitions: NodeTypeImplementation[] } = {
  name: 'banking',
  definitions: [
    defineNodeType({ ...verifyCustomerSpec, handler: verifyCustomer }),
    defineNodeType({ ...getBalanceSpec, handler: getBalance }),
    defineNodeType({ ...recentTransactionsSpec, handler: recentTransactions }),
    defineNodeType({ ...activateCardSpec, handler: activateCard }),
    defineNodeType({ ...setPinSpec, handler: setPin }),
    defineNodeType({ ...reportLostCardSpec, handler: reportLostCard }),
  ],
};

export { verifyCustomer, getBalance, recentTransactions, activateCard, setPin, reportLostCard };
