import { Type, type Static } from 'typebox';
import { bankingSpec, bankingTimeoutSchema, bankingVariableSchema } from '../bankingSpec.ts';

/** Schema of a `banking.reportLostCard` node's config. */
export const reportLostCardConfigSchema = Type.Object(
  {
    customerIdVariable: bankingVariableSchema,
    cardLastFourVariable: bankingVariableSchema,
    /** Receives the replacement card's delivery date, `YYYY-MM-DD`. */
    etaVariable: bankingVariableSchema,
    timeoutMs: Type.Optional(bankingTimeoutSchema),
  },
  { additionalProperties: false },
);

/** A `banking.reportLostCard` node's config. */
export type ReportLostCardConfig = Static<typeof reportLostCardConfigSchema>;

/** Reports a card lost or stolen and orders a replacement; ports `success`, `error`, `timeout`. */
export const reportLostCardSpec = bankingSpec({
  name: 'reportLostCard',
  icon: '🚫',
  config: reportLostCardConfigSchema,
  defaults: { customerIdVariable: 'customerId', cardLastFourVariable: 'cardLastFour', etaVariable: 'replacementEta' },
  labels: {
    en: {
      title: 'Report lost card',
      description: 'Blocks the card and orders a replacement; gives its delivery date.',
      fields: {
        customerIdVariable: 'Customer id',
        cardLastFourVariable: 'Card last four',
        etaVariable: 'New card delivery date',
      },
    },
    'zh-CN': {
      title: '挂失卡片',
      description: '冻结卡片并补发新卡，给出送达日期。',
      fields: { customerIdVariable: '客户编号', cardLastFourVariable: '卡号后四位', etaVariable: '送达日期' },
    },
    ko: {
      title: '카드 분실 신고',
      description: '카드를 정지하고 재발급을 신청한 뒤 배송 예정일을 알려 줍니다.',
      fields: { customerIdVariable: '고객 번호', cardLastFourVariable: '카드 끝 네 자리', etaVariable: '배송 예정일' },
    },
  },
});
