import { defineNodeSpec } from '@omniflow/flow-schema';
import { Type, type Static } from 'typebox';
import { promptSchema, retryPolicyLabels, retryPolicySchema, variableNameSchema } from '../nodeSchemaParts.ts';

/** Schema of a `promise` node's config: a promise to pay (amount and date) captured in one answer. */
export const promiseConfigSchema = Type.Object(
  {
    prompt: promptSchema,
    /** Declared variable receiving the promised amount (a number, major units). */
    amountVariable: variableNameSchema,
    /** Declared variable receiving the promised date (ISO `YYYY-MM-DD`). */
    dateVariable: variableNameSchema,
    /** The latest accepted date, in days from today (no limit when absent); earlier than today is never accepted. */
    maxDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 366 })),
    /** Said when the answer is heard but the date is out of range, before the retry. */
    invalidPrompt: Type.Optional(promptSchema),
    noInput: Type.Optional(retryPolicySchema),
    noMatch: Type.Optional(retryPolicySchema),
    bargeIn: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/** A `promise` node's config. */
export type PromiseConfig = Static<typeof promiseConfigSchema>;

/** `promise` — captures a promise to pay: how much and by when (collections calls). */
export const promiseSpec = defineNodeSpec({
  type: 'promise',
  version: 1,
  category: 'Conversation',
  icon: '🤝',
  behaviour: 'interactive',
  config: promiseConfigSchema,
  defaults: {
    prompt: { text: { 'en-US': '' } },
    amountVariable: '',
    dateVariable: '',
    noInput: { maxRetries: 1 },
    noMatch: { maxRetries: 1 },
  },
  ports: [{ name: 'next' }, { name: 'noInput' }, { name: 'noMatch' }],
  ui: {
    '/prompt': { widget: 'prompt', order: 1 },
    '/amountVariable': { widget: 'variable', order: 2 },
    '/dateVariable': { widget: 'variable', order: 3 },
    '/maxDays': { order: 4 },
    '/invalidPrompt': { widget: 'prompt', order: 5 },
    '/noInput': { widget: 'json', order: 6 },
    '/noMatch': { widget: 'json', order: 7 },
    '/bargeIn': { order: 8 },
  },
  labels: {
    en: {
      title: 'Promise to pay',
      description: 'Captures how much the customer will pay and by when, by key (amount*YYYYMMDD), voice or text.',
      fields: {
        '/prompt': { label: 'Question' },
        '/amountVariable': { label: 'Store amount in' },
        '/dateVariable': { label: 'Store date in' },
        '/maxDays': { label: 'Latest date (days from today)' },
        '/invalidPrompt': { label: 'Said when the date is out of range' },
        ...retryPolicyLabels.en,
        '/bargeIn': { label: 'Caller may interrupt the question' },
      },
      ports: { next: 'Promised', noInput: 'No input', noMatch: 'No match' },
    },
    'zh-CN': {
      title: '还款承诺',
      category: '对话',
      description: '记录客户承诺的还款金额和日期，可按键（金额*年月日）、语音或文字回答。',
      fields: {
        '/prompt': { label: '问题' },
        '/amountVariable': { label: '金额保存到' },
        '/dateVariable': { label: '日期保存到' },
        '/maxDays': { label: '最晚日期（距今天数）' },
        '/invalidPrompt': { label: '日期超出范围时的提示' },
        ...retryPolicyLabels['zh-CN'],
        '/bargeIn': { label: '来电者可打断提问' },
      },
      ports: { next: '已承诺', noInput: '无输入', noMatch: '无匹配' },
    },
    ko: {
      title: '납부 약속',
      category: '대화',
      description: '고객이 약속한 납부 금액과 날짜를 키패드(금액*연월일), 음성, 텍스트로 받습니다.',
      fields: {
        '/prompt': { label: '질문' },
        '/amountVariable': { label: '금액 저장 변수' },
        '/dateVariable': { label: '날짜 저장 변수' },
        '/maxDays': { label: '가장 늦은 날짜 (오늘부터 일수)' },
        '/invalidPrompt': { label: '날짜가 범위를 벗어날 때 멘트' },
        ...retryPolicyLabels.ko,
        '/bargeIn': { label: '질문 중 끼어들기 허용' },
      },
      ports: { next: '약속함', noInput: '무입력', noMatch: '불일치' },
    },
  },
});
