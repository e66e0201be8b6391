import { defineNodeType, type HandlerArgs, type HandlerResult, type NodeTypeImplementation } from '@omniflow/flow-engine';
import { callCoreBanking, textOf, type CoreBankingOutcome } from './coreBankingClient.ts';
import {
  activateCardSpec,
  getBalanceSpec,
  recentTransactionsSpec,
  reportLostCardSpec,
  setPinSpec,
  verifyCustomerSpec,
  type ActivateCardConfig,
  type GetBalanceConfig,
  type RecentTransactionsConfig,
  type ReportLostCardConfig,
  type SetPinConfig,
  type VerifyCustomerConfig,
} from './definitions.ts';

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

/** Reads the balance (and currency) of the verified customer. */
export async function getBalance(args: HandlerArgs<GetBalanceConfig>): Promise<HandlerResult> {
  const { config } = args;
  const outcome = await callCoreBanking(args, 'getBalance', { method: 'GET', path: customerPath(args, config.customerIdVariable, 'balance') });
  return onReply(outcome, (status, body) => {
    if (status !== 200) return { port: 'error' };
    const set: Record<string, unknown> = { [config.balanceVariable]: body.balance };
    if (config.currencyVariable) set[config.currencyVariable] = body.currency;
    if (config.balanceTextVariable && typeof body.balance === 'number' && typeof body.currency === 'string') {
      set[config.balanceTextVariable] = new Intl.NumberFormat(args.session.locale, { style: 'currency', currency: body.currency }).format(body.balance);
    }
    return { port: 'success', variables: set };
  });
}

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

/**
 * Sets the PIN held in the (sensitive) PIN variable, then clears that variable so the PIN does not stay in
 * the session; a PIN the bank refuses takes `rejected` with the reason code.
 */
export async function setPin(args: HandlerArgs<SetPinConfig>): Promise<HandlerResult> {
  const { config, variables } = args;
  const body: Record<string, unknown> = { pin: textOf(variables, config.pinVariable) };
  if (config.cardLastFourVariable) body.cardLastFour = textOf(variables, config.cardLastFourVariable);
  const outcome = await callCoreBanking(args, 'setPin', { method: 'PUT', path: customerPath(args, config.customerIdVariable, 'pin'), body });
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

/** The banking pack: its six node types with their server handlers, loaded by the runtime by name. */
export const bankingPack: { name: 'banking'; definitions: NodeTypeImplementation[] } = {
  name: 'banking',
  definitions: [
    defineNodeType<VerifyCustomerConfig>({ spec: verifyCustomerSpec, handler: verifyCustomer }),
    defineNodeType<GetBalanceConfig>({ spec: getBalanceSpec, handler: getBalance }),
    defineNodeType<RecentTransactionsConfig>({ spec: recentTransactionsSpec, handler: recentTransactions }),
    defineNodeType<ActivateCardConfig>({ spec: activateCardSpec, handler: activateCard }),
    defineNodeType<SetPinConfig>({ spec: setPinSpec, handler: setPin }),
    defineNodeType<ReportLostCardConfig>({ spec: reportLostCardSpec, handler: reportLostCard }),
  ],
};

function onReply(
  outcome: CoreBankingOutcome,
  map: (status: number, body: Readonly<Record<string, unknown>>) => HandlerResult,
): HandlerResult {
  if (outcome.kind === 'timeout') return { port: 'timeout' };
  if (outcome.kind === 'failed') return { port: 'error' };
  return map(outcome.status, outcome.body);
}

function customerPath(args: HandlerArgs<{ timeoutMs?: number }>, customerIdVariable: string, rest: string): string {
  return `/v1/customers/${encodeURIComponent(textOf(args.variables, customerIdVariable))}/${rest}`;
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
