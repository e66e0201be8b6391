import { defineNodeSpec } from '@omniflow/flow-schema';
import { Type, type Static } from 'typebox';
import {
  endOfSpeechSchema,
  localizedTextSchema,
  promptSchema,
  retryPolicySchema,
  synonymsSchema,
  variableNameSchema,
  retryPolicyLabels,
} from '../nodeSchemaParts.ts';

const slotChoiceSchema = Type.Object(
  { value: Type.String({ minLength: 1 }), label: localizedTextSchema, synonyms: Type.Optional(synonymsSchema) },
  { additionalProperties: false },
);

const slotSchema = Type.Object(
  {
    type: Type.Enum(['digits', 'number', 'amount', 'date', 'yesNo', 'choice', 'text'], { type: 'string' }),
    /** `digits`: length bounds; `text`: character bounds. */
    minLength: Type.Optional(Type.Integer({ minimum: 0 })),
    maxLength: Type.Optional(Type.Integer({ minimum: 1 })),
    /** `digits`: the key that ends entry early (default `#`). */
    terminator: Type.Optional(Type.String({ pattern: '^[#*]$' })),
    /** `number` / `amount`: inclusive bounds. */
    min: Type.Optional(Type.Number()),
    max: Type.Optional(Type.Number()),
    /** `choice`: the accepted values. */
    choices: Type.Optional(Type.Array(slotChoiceSchema)),
    /** Extra validation over `value` (the answer heard) and the flow variables, e.g. `value != "0000"`. */
    validate: Type.Optional(Type.String({ 'x-kind': 'expression', 'x-implicit': ['value'], minLength: 1 })),
  },
  { additionalProperties: false },
);

/** Schema of an `ask` node's config. */
export const askConfigSchema = Type.Object(
  {
    prompt: promptSchema,
    /** Name of the declared variable that receives the value. */
    variable: variableNameSchema,
    slot: slotSchema,
    /** Said when an answer is heard but does not validate, before the retry. */
    invalidPrompt: Type.Optional(promptSchema),
    noInput: Type.Optional(retryPolicySchema),
    noMatch: Type.Optional(retryPolicySchema),
    bargeIn: Type.Optional(Type.Boolean()),
    endOfSpeechMs: Type.Optional(endOfSpeechSchema),
  },
  { additionalProperties: false },
);

/** An `ask` node's config. */
export type AskConfig = Static<typeof askConfigSchema>;

/** What an `ask` node collects and how it is validated. */
export type SlotConfig = Static<typeof slotSchema>;

/** The typed slots an `ask` node can collect. */
export type SlotType = SlotConfig['type'];

/** A value an `ask` node of slot type `choice` accepts. */
export type SlotChoice = Static<typeof slotChoiceSchema>;

/** `ask` — collects one typed value into a variable; ports `next`, `noInput`, `noMatch`. */
export const askSpec = defineNodeSpec({
  type: 'ask',
  version: 1,
  category: 'Conversation',
  icon: '❓',
  behaviour: 'interactive',
  config: askConfigSchema,
  defaults: {
    prompt: { text: { 'en-US': '' } },
    variable: '',
    slot: { type: 'digits', minLength: 1, maxLength: 20 },
    noInput: { maxRetries: 2 },
    noMatch: { maxRetries: 2 },
  },
  ports: [{ name: 'next' }, { name: 'noInput' }, { name: 'noMatch' }],
  ui: {
    '/prompt': { widget: 'prompt', order: 1 },
    '/variable': { widget: 'variable', order: 2 },
    '/slot': { order: 3 },
    '/slot/type': { order: 1 },
    // Each answer type shows only its own settings; the runtime ignores the others.
    '/slot/minLength': { order: 2, visibleWhen: { '/slot/type': ['digits', 'text'] } },
    '/slot/maxLength': { order: 3, visibleWhen: { '/slot/type': ['digits', 'text'] } },
    '/slot/terminator': { order: 4, visibleWhen: { '/slot/type': ['digits'] } },
    '/slot/min': { order: 5, visibleWhen: { '/slot/type': ['number', 'amount'] } },
    '/slot/max': { order: 6, visibleWhen: { '/slot/type': ['number', 'amount'] } },
    '/slot/choices': { order: 7, visibleWhen: { '/slot/type': ['choice'] } },
    '/slot/validate': { order: 8 },
    '/invalidPrompt': { widget: 'prompt', order: 4 },
    '/noInput': { widget: 'json', order: 5 },
    '/noMatch': { widget: 'json', order: 6 },
    '/bargeIn': { order: 7 },
    '/endOfSpeechMs': { order: 8 },
  },
  labels: {
    en: {
      title: 'Ask',
      description:
        'Asks the caller for a value (digits, number, amount, date, yes/no, a choice or text) and stores it.',
      fields: {
        '/prompt': { label: 'Question' },
        '/variable': { label: 'Store answer in' },
        '/slot': { label: 'Answer type and validation' },
        '/slot/type': {
          label: 'Answer type',
          options: {
            digits: 'Keypad digits',
            number: 'Number',
            amount: 'Amount of money',
            date: 'Date',
            yesNo: 'Yes or no',
            choice: 'One of a list',
            text: 'Free text',
          },
        },
        '/slot/minLength': { label: 'Shortest answer (digits or characters)' },
        '/slot/maxLength': { label: 'Longest answer (digits or characters)' },
        '/slot/terminator': { label: 'Key that ends the entry', help: '# or *; the caller presses it when done.' },
        '/slot/min': { label: 'Smallest accepted number' },
        '/slot/max': { label: 'Largest accepted number' },
        '/slot/choices': { label: 'Accepted choices' },
        '/slot/validate': {
          label: 'Extra check (optional)',
          help: 'A condition on value, the answer heard, e.g. value != "0000".',
        },
        '/invalidPrompt': { label: 'Said when the answer is invalid' },
        ...retryPolicyLabels.en,
        '/bargeIn': { label: 'Caller may interrupt the question' },
        '/endOfSpeechMs': { label: 'Silence that ends an answer (ms)' },
      },
      ports: { next: 'Next', noInput: 'No input', noMatch: 'No match' },
    },
    'zh-CN': {
      title: '询问',
      category: '对话',
      description: '向来电者询问一个值（数字、数额、金额、日期、是/否、选项或文本）并保存。',
      fields: {
        '/prompt': { label: '问题' },
        '/variable': { label: '答案保存到' },
        '/slot': { label: '答案类型与校验' },
        '/slot/type': {
          label: '答案类型',
          options: {
            digits: '按键数字',
            number: '数字',
            amount: '金额',
            date: '日期',
            yesNo: '是或否',
            choice: '列表中的一项',
            text: '自由文本',
          },
        },
        '/slot/minLength': { label: '最短答案（位数或字数）' },
        '/slot/maxLength': { label: '最长答案（位数或字数）' },
        '/slot/terminator': { label: '结束输入的按键', help: '# 或 *；来电者输入完毕时按下。' },
        '/slot/min': { label: '可接受的最小数' },
        '/slot/max': { label: '可接受的最大数' },
        '/slot/choices': { label: '可接受的选项' },
        '/slot/validate': { label: '额外检查（可选）', help: '对 value（听到的答案）的条件，例如 value != "0000"。' },
        '/invalidPrompt': { label: '答案无效时的提示' },
        ...retryPolicyLabels['zh-CN'],
        '/bargeIn': { label: '来电者可打断提问' },
        '/endOfSpeechMs': { label: '结束回答的静音时长（毫秒）' },
      },
      ports: { next: '下一步', noInput: '无输入', noMatch: '无匹配' },
    },
    ko: {
      title: '질문',
      category: '대화',
      description: '고객에게 값(숫자열, 숫자, 금액, 날짜, 예/아니요, 선택지 또는 텍스트)을 묻고 저장합니다.',
      fields: {
        '/prompt': { label: '질문' },
        '/variable': { label: '답변 저장 변수' },
        '/slot': { label: '답변 유형과 검증' },
        '/slot/type': {
          label: '답변 유형',
          options: {
            digits: '키패드 숫자',
            number: '숫자',
            amount: '금액',
            date: '날짜',
            yesNo: '예 또는 아니요',
            choice: '목록 중 하나',
            text: '자유 텍스트',
          },
        },
        '/slot/minLength': { label: '가장 짧은 답변 (자릿수 또는 글자 수)' },
        '/slot/maxLength': { label: '가장 긴 답변 (자릿수 또는 글자 수)' },
        '/slot/terminator': { label: '입력을 끝내는 키', help: '# 또는 *; 입력을 마치면 누릅니다.' },
        '/slot/min': { label: '허용하는 가장 작은 수' },
        '/slot/max': { label: '허용하는 가장 큰 수' },
        '/slot/choices': { label: '허용하는 선택지' },
        '/slot/validate': { label: '추가 검사 (선택)', help: 'value(들은 답변)에 대한 조건, 예: value != "0000".' },
        '/invalidPrompt': { label: '답변이 유효하지 않을 때 멘트' },
        ...retryPolicyLabels.ko,
        '/bargeIn': { label: '질문 중 끼어들기 허용' },
        '/endOfSpeechMs': { label: '답변을 끝내는 무음 시간 (ms)' },
      },
      ports: { next: '다음', noInput: '입력 없음', noMatch: '일치 없음' },
    },
  },
  check(config, context) {
    // A sensitive value spoken aloud would sit in the recognizer's transcript in clear: keypad only.
    if (context.variable(config.variable)?.sensitive !== true || config.slot.type === 'digits') return;
    context.report(
      'FLOW017',
      '/slot/type',
      `"${config.variable}" is sensitive but this ask collects it as ${JSON.stringify(config.slot.type)}, which callers would speak aloud; use slot type "digits" (keypad only)`,
    );
  },
});
