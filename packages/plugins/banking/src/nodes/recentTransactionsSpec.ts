import { Type, type Static } from 'typebox';
import { bankingSpec, bankingTimeoutSchema, bankingVariableSchema } from '../bankingSpec.ts';

/** Schema of a `banking.recentTransactions` node's config. */
export const recentTransactionsConfigSchema = Type.Object(
  {
    customerIdVariable: bankingVariableSchema,
    count: Type.Integer({ minimum: 1, maximum: 10 }),
    /** Receives a sentence listing the transactions in the session's locale. */
    summaryVariable: bankingVariableSchema,
    timeoutMs: Type.Optional(bankingTimeoutSchema),
  },
  { additionalProperties: false },
);

/** A `banking.recentTransactions` node's config. */
export type RecentTransactionsConfig = Static<typeof recentTransactionsConfigSchema>;

/** Summarizes a customer's most recent transactions into one sentence; ports `success`, `error`, `timeout`. */
export const recentTransactionsSpec = bankingSpec({
  name: 'recentTransactions',
  icon: '🧾',
  config: recentTransactionsConfigSchema,
  defaults: { customerIdVariable: 'customerId', count: 3, summaryVariable: 'transactionsSummary' },
  labels: {
    en: {
      title: 'Recent transactions',
      description: "Summarizes the customer's most recent transactions, ready to be said.",
      fields: { customerIdVariable: 'Customer id', count: 'Count', summaryVariable: 'Summary' },
    },
    'zh-CN': {
      title: '最近交易',
      description: '把客户最近的交易汇总成一句可播报的话。',
      fields: { customerIdVariable: '客户编号', count: '笔数', summaryVariable: '摘要' },
    },
    ko: {
      title: '최근 거래',
      description: '고객의 최근 거래를 읽어 줄 수 있는 한 문장으로 요약합니다.',
      fields: { customerIdVariable: '고객 번호', count: '건수', summaryVariable: '요약' },
    },
  },
});
