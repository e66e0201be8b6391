import { Type, type Static } from 'typebox';
import { bankingSpec, bankingTimeoutSchema, bankingVariableSchema } from '../bankingSpec.ts';

/** Schema of a `banking.getBalance` node's config. */
export const getBalanceConfigSchema = Type.Object(
  {
    customerIdVariable: bankingVariableSchema,
    balanceVariable: bankingVariableSchema,
    currencyVariable: Type.Optional(bankingVariableSchema),
    /** Receives the balance formatted for the session's locale, ready to be said: `$2,450.75`, `¥18,200.00`. */
    balanceTextVariable: Type.Optional(bankingVariableSchema),
    timeoutMs: Type.Optional(bankingTimeoutSchema),
  },
  { additionalProperties: false },
);

/** A `banking.getBalance` node's config. */
export type GetBalanceConfig = Static<typeof getBalanceConfigSchema>;

/** Reads a verified customer's account balance; ports `success`, `error`, `timeout`. */
export const getBalanceSpec = bankingSpec({
  name: 'getBalance',
  icon: '💰',
  config: getBalanceConfigSchema,
  defaults: {
    customerIdVariable: 'customerId',
    balanceVariable: 'balance',
    currencyVariable: 'currency',
    balanceTextVariable: 'balanceText',
  },
  labels: {
    en: {
      title: 'Get balance',
      description: "Reads the customer's account balance.",
      fields: {
        customerIdVariable: 'Customer id',
        balanceVariable: 'Balance',
        currencyVariable: 'Currency',
        balanceTextVariable: 'Balance text',
      },
    },
    'zh-CN': {
      title: '查询余额',
      description: '读取客户的账户余额。',
      fields: {
        customerIdVariable: '客户编号',
        balanceVariable: '余额',
        currencyVariable: '币种',
        balanceTextVariable: '余额文本',
      },
    },
    ko: {
      title: '잔액 조회',
      description: '고객의 계좌 잔액을 읽습니다.',
      fields: {
        customerIdVariable: '고객 번호',
        balanceVariable: '잔액',
        currencyVariable: '통화',
        balanceTextVariable: '잔액 문구',
      },
    },
  },
});
