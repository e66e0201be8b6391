import type { HandlerArgs, HandlerResult } from '@omniflow/flow-engine';
import { callCoreBanking, textOf, onReply, customerPath } from '../coreBankingClient.ts';
import type { ActivateCardConfig } from './activateCardSpec.ts';

/** Activates the card; `alreadyActive` when it was active before this call. */
export async function activateCard(args: HandlerArgs<ActivateCardConfig>): Promise<HandlerResult> {
  const { config, variables } = args;
  const card = encodeURIComponent(textOf(variables, config.cardLastFourVariable));
  const outcome = await callCoreBanking(args, 'activateCard', {
    method: 'POST',
    path: `${customerPath(args, config.customerIdVariable, 'cards')}/${card}/activate`,
  });
  return onReply(outcome, (status, body) => {
    if (status === 200) return { port: 'success' };
    if (status === 409 && body.error === 'alreadyActive') return { port: 'alreadyActive' };
    return { port: 'error' };
  });
}
