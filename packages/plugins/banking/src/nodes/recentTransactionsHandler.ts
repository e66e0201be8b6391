import type { HandlerArgs, HandlerResult } from '@omniflow/flow-engine';
import { callCoreBanking, onReply, customerPath } from '../coreBankingClient.ts';
import type { RecentTransactionsConfig } from './recentTransactionsSpec.ts';

/** Puts a one-sentence summary of the latest transactions, in the session's locale, into a variable. */
export async function recentTransactions(args: HandlerArgs<RecentTransactionsConfig>): Promise<HandlerResult> {
  const { config } = args;
  const path = `${customerPath(args, config.customerIdVariable, 'transactions')}?count=${config.count}`;
  const outcome = await callCoreBanking(args, 'recentTransactions', { method: 'GET', path });
  return onReply(outcome, (status, body) => {
    if (status !== 200 || !Array.isArray(body.transactions)) return { port: 'error' };
    const currency = typeof body.currency === 'string' ? body.currency : 'USD';
    const summary = summarizeTransactions(body.transactions, currency, args.session.locale);
    return { port: 'success', variables: { [config.summaryVariable]: summary } };
  });
}

/** "On 2026-11-20, Grocery Mart, −$84.12; …" — one sentence a voice can say, formatted for `locale`. */
function summarizeTransactions(transactions: unknown[], currency: string, locale: string): string {
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency, signDisplay: 'always' });
  const parts = transactions.flatMap((t) => {
    if (typeof t !== 'object' || t === null) return [];
    const date: unknown = Reflect.get(t, 'date');
    const description: unknown = Reflect.get(t, 'description');
    const amount: unknown = Reflect.get(t, 'amount');
    return typeof amount === 'number' ? [`${String(date)}, ${String(description)}, ${money.format(amount)}`] : [];
  });
  const separator = locale.startsWith('zh') ? '；' : '; ';
  return parts.join(separator);
}
