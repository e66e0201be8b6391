import type { HandlerArgs, HandlerResult } from '@omniflow/flow-engine';
import { callCoreBanking, onReply, customerPath } from '../coreBankingClient.ts';
import type { GetBalanceConfig } from './getBalanceSpec.ts';

/** Reads the balance (and currency) of the verified customer. */
export async function getBalance(args: HandlerArgs<GetBalanceConfig>): Promise<HandlerResult> {
  const { config } = args;
  const outcome = await callCoreBanking(args, 'getBalance', {
    method: 'GET',
    path: customerPath(args, config.customerIdVariable, 'balance'),
  });
  return onReply(outcome, (status, body) => {
    if (status !== 200) return { port: 'error' };
    const set: Record<string, unknown> = { [config.balanceVariable]: body.balance };
    if (config.currencyVariable) set[config.currencyVariable] = body.currency;
    if (config.balanceTextVariable && typeof body.balance === 'number' && typeof body.currency === 'string') {
      set[config.balanceTextVariable] = new Intl.NumberFormat(args.session.locale, {
        style: 'currency',
        currency: body.currency,
      }).format(body.balance);
    }
    return { port: 'success', variables: set };
  });
}
