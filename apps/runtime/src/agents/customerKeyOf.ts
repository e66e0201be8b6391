import { MASK, type OutputEvent } from '@omniflow/flow-engine';

/**
 * The key that finds a customer's earlier hand-overs: the verified customer (`contact.customerId`), else the flow's
 * `customerId` variable, else none. A masked value (`****`, the default for `contact.customerId`) is no key: every
 * masked customer would share it, and the desk would show one customer another's contacts.
 */
export function customerKeyOf(
  transfer: Pick<Extract<OutputEvent, { type: 'transfer' }>, 'contact' | 'variables'>,
): string | null {
  for (const value of [transfer.contact['customerId'], transfer.variables['customerId']])
    if (typeof value === 'string' && value !== '' && value !== MASK) return `customer:${value}`;
  return null;
}
