import type { HandlerArgs, HandlerResult } from '@omniflow/flow-engine';
import { callCoreBanking, textOf, onReply, customerPath } from '../coreBankingClient.ts';
import type { ReportLostCardConfig } from './reportLostCardSpec.ts';

/** Blocks the card and puts the replacement's delivery date into a variable. */
export async function reportLostCard(args: HandlerArgs<ReportLostCardConfig>): Promise<HandlerResult> {
  const { config, variables } = args;
  const card = encodeURIComponent(textOf(variables, config.cardLastFourVariable));
  const outcome = await callCoreBanking(args, 'reportLostCard', {
    method: 'POST',
    path: `${customerPath(args, config.customerIdVariable, 'cards')}/${card}/lost`,
  });
  return onReply(outcome, (status, body) =>
    status === 200 ? { port: 'success', variables: { [config.etaVariable]: body.replacementEta } } : { port: 'error' },
  );
}
