import type { HandlerArgs, HandlerResult } from '@omniflow/flow-engine';
import { callCoreBanking, textOf, onReply } from '../coreBankingClient.ts';
import type { VerifyCustomerConfig } from './verifyCustomerSpec.ts';

/**
 * Identifies the caller; `notVerified` when the card and date of birth do not match a customer. A verified caller's
 * customer id also becomes `contact.customerId` for the rest of the session (the handler's `contact` result).
 */
export async function verifyCustomer(args: HandlerArgs<VerifyCustomerConfig>): Promise<HandlerResult> {
  const { config, variables } = args;
  const outcome = await callCoreBanking(args, 'verifyCustomer', {
    method: 'POST',
    path: '/v1/customers/verify',
    body: {
      cardLastFour: textOf(variables, config.cardLastFourVariable),
      dateOfBirth: textOf(variables, config.dateOfBirthVariable).slice(0, 10),
    },
  });
  return onReply(outcome, (status, body) => {
    if (status !== 200) return { port: 'error' };
    if (body.verified !== true) return { port: 'notVerified' };
    const set: Record<string, unknown> = { [config.customerIdVariable]: body.customerId };
    if (config.customerNameVariable) set[config.customerNameVariable] = body.name;
    const customerId = typeof body.customerId === 'string' && body.customerId !== '' ? body.customerId : undefined;
    return { port: 'success', variables: set, ...(customerId === undefined ? {} : { contact: { customerId } }) };
  });
}
