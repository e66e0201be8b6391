import { Type, type Static } from 'typebox';
import { bankingSpec, bankingTimeoutSchema, bankingVariableSchema } from '../bankingSpec.ts';

/** Schema of a `banking.activateCard` node's config. */
export const activateCardConfigSchema = Type.Object(
  {
    customerIdVariable: bankingVariableSchema,
    cardLastFourVariable: bankingVariableSchema,
    timeoutMs: Type.Optional(bankingTimeoutSchema),
  },
  { additionalProperties: false },
);

/** A `banking.activateCard` node's config. */
export type ActivateCardConfig = Static<typeof activateCardConfigSchema>;

/** Activates an inactive card; ports `success`, `alreadyActive`, `error`, `timeout`. */
export const activateCardSpec = bankingSpec({
  name: 'activateCard',
  icon: '✅',
  config: activateCardConfigSchema,
  defaults: { customerIdVariable: 'customerId', cardLastFourVariable: 'cardLastFour' },
  extraPorts: ['alreadyActive'],
  labels: {
    en: {
      title: 'Activate card',
      description: 'Activates the card with these last four digits.',
      fields: { customerIdVariable: 'Customer id', cardLastFourVariable: 'Card last four' },
      ports: { alreadyActive: 'Already active' },
    },
    'zh-CN': {
      title: '激活卡片',
      description: '激活尾号为这四位的卡片。',
      fields: { customerIdVariable: '客户编号', cardLastFourVariable: '卡号后四位' },
      ports: { alreadyActive: '已激活' },
    },
    ko: {
      title: '카드 활성화',
      description: '끝 네 자리가 이 번호인 카드를 활성화합니다.',
      fields: { customerIdVariable: '고객 번호', cardLastFourVariable: '카드 끝 네 자리' },
      ports: { alreadyActive: '이미 활성화됨' },
    },
  },
});
