import { Type, type Static } from 'typebox';
import { bankingSpec, bankingTimeoutSchema, bankingVariableSchema } from '../bankingSpec.ts';

/** Schema of a `banking.verifyCustomer` node's config. */
export const verifyCustomerConfigSchema = Type.Object(
  {
    cardLastFourVariable: bankingVariableSchema,
    dateOfBirthVariable: bankingVariableSchema,
    customerIdVariable: bankingVariableSchema,
    customerNameVariable: Type.Optional(bankingVariableSchema),
    timeoutMs: Type.Optional(bankingTimeoutSchema),
  },
  { additionalProperties: false },
);

/** A `banking.verifyCustomer` node's config. */
export type VerifyCustomerConfig = Static<typeof verifyCustomerConfigSchema>;

/** Identifies a caller by a card's last four digits and their date of birth; ports `success`, `notVerified`, `error`, `timeout`. */
export const verifyCustomerSpec = bankingSpec({
  name: 'verifyCustomer',
  icon: '🪪',
  config: verifyCustomerConfigSchema,
  defaults: {
    cardLastFourVariable: 'cardLastFour',
    dateOfBirthVariable: 'dateOfBirth',
    customerIdVariable: 'customerId',
    customerNameVariable: 'customerName',
  },
  extraPorts: ['notVerified'],
  labels: {
    en: {
      title: 'Verify customer',
      description: 'Identifies the caller by card last four digits and date of birth.',
      fields: {
        cardLastFourVariable: 'Card last four',
        dateOfBirthVariable: 'Date of birth',
        customerIdVariable: 'Customer id',
        customerNameVariable: 'Customer name',
      },
      ports: { notVerified: 'Not verified' },
    },
    'zh-CN': {
      title: '验证客户',
      description: '用卡号后四位和出生日期识别来电者。',
      fields: {
        cardLastFourVariable: '卡号后四位',
        dateOfBirthVariable: '出生日期',
        customerIdVariable: '客户编号',
        customerNameVariable: '客户姓名',
      },
      ports: { notVerified: '未通过验证' },
    },
    ko: {
      title: '고객 확인',
      description: '카드 끝 네 자리와 생년월일로 고객을 확인합니다.',
      fields: {
        cardLastFourVariable: '카드 끝 네 자리',
        dateOfBirthVariable: '생년월일',
        customerIdVariable: '고객 번호',
        customerNameVariable: '고객 이름',
      },
      ports: { notVerified: '확인 실패' },
    },
  },
});
