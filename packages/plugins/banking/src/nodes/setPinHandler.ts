import type { HandlerArgs, HandlerResult } from '@omniflow/flow-engine';
import { callCoreBanking, textOf, onReply, customerPath } from '../coreBankingClient.ts';
import type { SetPinConfig } from './setPinSpec.ts';

/**
 * Sets the PIN held in the (sensitive) PIN variable, then clears that variable so the PIN does not stay in
 * the session; a PIN the bank refuses takes `rejected` with the reason code.
 */
export async function setPin(args: HandlerArgs<SetPinConfig>): Promise<HandlerResult> {
  const { config, variables } = args;
  const body: Record<string, unknown> = { pin: textOf(variables, config.pinVariable) };
  if (config.cardLastFourVariable) body.cardLastFour = textOf(variables, config.cardLastFourVariable);
  const outcome = await callCoreBanking(args, 'setPin', {
    method: 'PUT',
    path: customerPath(args, config.customerIdVariable, 'pin'),
    body,
  });
  const cleared = { [config.pinVariable]: null };
  return onReply(outcome, (status, reply) => {
    if (status === 200) return { port: 'success', variables: cleared };
    if (status === 422 && reply.error === 'pinRejected') {
      const set: Record<string, unknown> = { ...cleared };
      if (config.rejectionVariable) set[config.rejectionVariable] = reply.code;
      return { port: 'rejected', variables: set };
    }
    return { port: 'error' };
  });
}
