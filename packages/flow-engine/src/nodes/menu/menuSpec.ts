import { defineNodeSpec } from '@omniflow/flow-schema';
import { Type, type Static } from 'typebox';
import { endOfSpeechSchema, localizedTextSchema, promptSchema, retryPolicySchema, synonymsSchema } from '../nodeSchemaParts.ts';

const menuOptionSchema = Type.Object(
  {
    /** A keypad key, `0`-`9`; also the option's port. */
    key: Type.String({ pattern: '^[0-9]$' }),
    label: localizedTextSchema,
    synonyms: Type.Optional(synonymsSchema),
  },
  { additionalProperties: false },
);

/** Schema of a `menu` node's config. */
export const menuConfigSchema = Type.Object(
  {
    prompt: promptSchema,
    options: Type.Array(menuOptionSchema, { minItems: 1, maxItems: 10 }),
    repeatKey: Type.Optional(Type.String({ pattern: '^[0-9*#]$' })),
    noInput: Type.Optional(retryPolicySchema),
    noMatch: Type.Optional(retryPolicySchema),
    bargeIn: Type.Optional(Type.Boolean()),
    endOfSpeechMs: Type.Optional(endOfSpeechSchema),
  },
  { additionalProperties: false },
);

/** A `menu` node's config. */
export type MenuConfig = Static<typeof menuConfigSchema>;

/** One menu choice; its `key` is also the name of its port. */
export type MenuOption = Static<typeof menuOptionSchema>;

/** `menu` — offers keyed options; ports: each option's key, `noInput`, `noMatch`. */
export const menuSpec = defineNodeSpec({
  type: 'menu',
  version: 1,
  category: 'Conversation',
  icon: '☰',
  behaviour: 'interactive',
  config: menuConfigSchema,
  defaults: {
    prompt: { text: { 'en-US': 'Please choose an option.' } },
    options: [{ key: '1', label: { 'en-US': 'First option' } }],
    repeatKey: '*',
    noInput: { maxRetries: 2 },
    noMatch: { maxRetries: 2 },
    bargeIn: true,
  },
  ports: [{ fromConfig: '/options', key: 'key', label: 'label' }, { name: 'noInput' }, { name: 'noMatch' }],
  ui: {
    '/prompt': { widget: 'prompt', order: 1 },
    '/options': { widget: 'table', columns: ['key', 'label', 'synonyms'], order: 2 },
    '/repeatKey': { widget: 'text', order: 3 },
    '/noInput': { widget: 'json', order: 4 },
    '/noMatch': { widget: 'json', order: 5 },
    '/bargeIn': { widget: 'checkbox', order: 6 },
    '/endOfSpeechMs': { widget: 'number', order: 7 },
  },
  labels: {
    en: {
      title: 'Menu',
      description: 'Offers options: pressed on the keypad, said, or tapped as quick replies.',
      fields: {
        '/prompt': { label: 'Prompt' },
        '/options': { label: 'Options' },
        '/repeatKey': { label: 'Repeat key' },
        '/noInput': { label: 'No-input retries' },
        '/noMatch': { label: 'No-match retries' },
        '/bargeIn': { label: 'Caller may interrupt' },
        '/endOfSpeechMs': { label: 'End of speech (ms)' },
      },
      ports: { noInput: 'No input', noMatch: 'No match' },
    },
    'zh-CN': {
      title: '菜单',
      description: '提供选项：按键、说出或点击快捷回复。',
      fields: {
        '/prompt': { label: '提示语' },
        '/options': { label: '选项' },
        '/repeatKey': { label: '重听键' },
        '/noInput': { label: '无输入重试' },
        '/noMatch': { label: '无匹配重试' },
        '/bargeIn': { label: '允许来电者打断' },
        '/endOfSpeechMs': { label: '语音结束静音（毫秒）' },
      },
      ports: { noInput: '无输入', noMatch: '无匹配' },
    },
    ko: {
      title: '메뉴',
      description: '선택지를 제공합니다: 키패드 입력, 음성 또는 빠른 답장 버튼.',
      fields: {
        '/prompt': { label: '안내 멘트' },
        '/options': { label: '선택지' },
        '/repeatKey': { label: '다시 듣기 키' },
        '/noInput': { label: '무입력 재시도' },
        '/noMatch': { label: '불일치 재시도' },
        '/bargeIn': { label: '고객 끼어들기 허용' },
        '/endOfSpeechMs': { label: '발화 종료 무음 (ms)' },
      },
      ports: { noInput: '입력 없음', noMatch: '일치 없음' },
    },
  },
});
