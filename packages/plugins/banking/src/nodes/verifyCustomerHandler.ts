import type { HandlerArgs, HandlerResult } from '@omniflow/flow-engine';
import { callCoreBanking, textOf, onReply } from '../coreBankingClient.ts';
import type { VerifyCustomerConfig } from './verifyCustomerSpec.ts';

/** Identifies the caller; `notVerified` when the card and date of birth do not match a customer. */
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
    return { port: 'success', variables: set };
  });
}
