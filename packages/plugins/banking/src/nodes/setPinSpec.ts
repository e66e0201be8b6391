import { Type, type Static } from 'typebox';
import { bankingSpec, bankingTimeoutSchema, bankingVariableSchema } from '../bankingSpec.ts';

/** Schema of a `banking.setPin` node's config. */
export const setPinConfigSchema = Type.Object(
  {
    customerIdVariable: bankingVariableSchema,
    pinVariable: bankingVariableSchema,
    /** When set, only this card's PIN changes; otherwise every card of the customer that is not lost. */
    cardLastFourVariable: Type.Optional(bankingVariableSchema),
    /** Receives why a PIN was rejected: `sameDigits`, `sequence`, `dateOfBirth` or `format`. */
    rejectionVariable: Type.Optional(bankingVariableSchema),
    timeoutMs: Type.Optional(bankingTimeoutSchema),
  },
  { additionalProperties: false },
);

/** A `banking.setPin` node's config. */
export type SetPinConfig = Static<typeof setPinConfigSchema>;

/** Sets a new card PIN (keypad-only, sensitive); ports `success`, `rejected`, `error`, `timeout`. */
export const setPinSpec = bankingSpec({
  name: 'setPin',
  icon: '🔐',
  config: setPinConfigSchema,
  defaults: { customerIdVariable: 'customerId', pinVariable: 'newPin' },
  extraPorts: ['rejected'],
  labels: {
    en: {
      title: 'Set PIN',
      description: 'Sets a new PIN; the bank rejects trivial ones. Collect the PIN into a sensitive variable.',
      fields: {
        customerIdVariable: 'Customer id',
        pinVariable: 'Pin',
        cardLastFourVariable: 'Card last four',
        rejectionVariable: 'Rejection',
      },
      ports: { rejected: 'PIN rejected' },
    },
    'zh-CN': {
      title: '设置密码',
      description: '设置新密码；过于简单的密码会被银行拒绝。请把密码收集到敏感变量中。',
      fields: {
        customerIdVariable: '客户编号',
        pinVariable: '密码',
        cardLastFourVariable: '卡号后四位',
        rejectionVariable: '拒绝原因',
      },
      ports: { rejected: '密码被拒绝' },
    },
    ko: {
      title: '비밀번호 설정',
      description: '새 비밀번호를 설정합니다. 단순한 번호는 은행이 거절합니다. 비밀번호는 민감 변수로 받으세요.',
      fields: {
        customerIdVariable: '고객 번호',
        pinVariable: '비밀번호',
        cardLastFourVariable: '카드 끝 네 자리',
        rejectionVariable: '거절 사유',
      },
      ports: { rejected: '비밀번호 거절' },
    },
  },
});
