import { defineNodeSpec, type NodeConfigMigration } from '@omniflow/flow-schema';
import { Type, type Static } from 'typebox';
import {
  endOfSpeechSchema,
  localizedTextSchema,
  promptSchema,
  retryPolicySchema,
  synonymsSchema,
  retryPolicyLabels,
} from '../nodeSchemaParts.ts';

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
    /** How keypad and voice callers are told to answer after the prompt: generated, none, or `customInstructions`. */
    instructions: Type.Optional(Type.Enum(['auto', 'off', 'custom'], { type: 'string' })),
    /** Said instead of the generated instructions when `instructions` is `custom`. */
    customInstructions: Type.Optional(promptSchema),
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

/** `menu` version 2: menus gained `instructions`; a menu saved before keeps today's generated wording. */
const instructionsMigration: NodeConfigMigration = {
  version: 2,
  up: (config) => ({ ...config, instructions: 'auto' }),
  down: (config) =>
    Object.fromEntries(
      Object.entries(config).filter(([key]) => key !== 'instructions' && key !== 'customInstructions'),
    ),
};

/** `menu` — offers keyed options; ports: each option's key, `noInput`, `noMatch`. */
export const menuSpec = defineNodeSpec({
  type: 'menu',
  version: 2,
  category: 'Conversation',
  icon: '☰',
  behaviour: 'interactive',
  config: menuConfigSchema,
  defaults: {
    prompt: { text: { 'en-US': 'Please choose an option.' } },
    options: [{ key: '1', label: { 'en-US': 'First option' } }],
    repeatKey: '*',
    instructions: 'auto',
    noInput: { maxRetries: 2 },
    noMatch: { maxRetries: 2 },
    bargeIn: true,
  },
  migrations: [instructionsMigration],
  check(config, context) {
    if (config.instructions === 'custom' && config.customInstructions === undefined) {
      context.report(
        'FLOW004',
        '/customInstructions',
        'instructions are "custom" but there is no custom text; write it, or choose "auto" or "off"',
      );
    }
  },
  ports: [{ fromConfig: '/options', key: 'key', label: 'label' }, { name: 'noInput' }, { name: 'noMatch' }],
  ui: {
    '/prompt': { widget: 'prompt', order: 1 },
    '/options': { widget: 'table', columns: ['key', 'label', 'synonyms'], order: 2 },
    '/repeatKey': { widget: 'text', order: 3 },
    '/instructions': { widget: 'select', order: 4 },
    '/customInstructions': { widget: 'prompt', order: 5, visibleWhen: { '/instructions': ['custom'] } },
    '/noInput': { widget: 'json', order: 6 },
    '/noMatch': { widget: 'json', order: 7 },
    '/bargeIn': { widget: 'checkbox', order: 8 },
    '/endOfSpeechMs': { widget: 'number', order: 9 },
  },
  labels: {
    en: {
      title: 'Menu',
      description: 'Offers options: pressed on the keypad, said, or tapped as quick replies.',
      fields: {
        '/options/*/key': { label: 'Key' },
        '/options/*/label': { label: 'Label' },
        '/options/*/synonyms': { label: 'Synonyms' },
        '/prompt': { label: 'Prompt' },
        '/options': { label: 'Options' },
        '/repeatKey': { label: 'Repeat key' },
        '/instructions': {
          label: 'Instructions',
          help: 'What follows the prompt on the keypad and voice: auto adds "For balance, press 1." / "You can say…", off says only your prompt, custom says your own text. Chat always shows buttons.',
        },
        '/customInstructions': {
          label: 'Custom instructions',
          help: 'Said after the prompt when Instructions is custom, in every locale of the flow.',
        },
        ...retryPolicyLabels.en,
        '/bargeIn': { label: 'Caller may interrupt' },
        '/endOfSpeechMs': { label: 'End of speech (ms)' },
      },
      ports: { noInput: 'No input', noMatch: 'No match' },
    },
    'zh-CN': {
      title: '菜单',
      category: '对话',
      description: '提供选项：按键、说出或点击快捷回复。',
      fields: {
        '/options/*/key': { label: '按键' },
        '/options/*/label': { label: '显示文字' },
        '/options/*/synonyms': { label: '同义词' },
        '/prompt': { label: '提示语' },
        '/options': { label: '选项' },
        '/repeatKey': { label: '重听键' },
        '/instructions': {
          label: '操作说明',
          help: '按键和语音渠道在提示语之后说的内容：auto 自动添加“余额查询请按1。”/“您可以说……”，off 只说您的提示语，custom 说您自己写的文字。聊天渠道始终显示按钮。',
        },
        '/customInstructions': {
          label: '自定义操作说明',
          help: '操作说明为 custom 时在提示语之后说出，需填写流程的每种语言。',
        },
        ...retryPolicyLabels['zh-CN'],
        '/bargeIn': { label: '允许来电者打断' },
        '/endOfSpeechMs': { label: '语音结束静音（毫秒）' },
      },
      ports: { noInput: '无输入', noMatch: '无匹配' },
    },
    ko: {
      title: '메뉴',
      category: '대화',
      description: '선택지를 제공합니다: 키패드 입력, 음성 또는 빠른 답장 버튼.',
      fields: {
        '/options/*/key': { label: '키' },
        '/options/*/label': { label: '표시 문구' },
        '/options/*/synonyms': { label: '동의어' },
        '/prompt': { label: '안내 멘트' },
        '/options': { label: '선택지' },
        '/repeatKey': { label: '다시 듣기 키' },
        '/instructions': {
          label: '이용 안내',
          help: '키패드와 음성에서 안내 멘트 뒤에 나오는 말: auto는 "잔액은 1번을 누르세요." / "…라고 말씀하세요."를 덧붙이고, off는 안내 멘트만, custom은 직접 쓴 문장을 말합니다. 채팅은 항상 버튼을 보여 줍니다.',
        },
        '/customInstructions': {
          label: '직접 쓴 이용 안내',
          help: '이용 안내가 custom일 때 안내 멘트 뒤에 말합니다. 플로우의 모든 언어로 쓰세요.',
        },
        ...retryPolicyLabels.ko,
        '/bargeIn': { label: '고객 끼어들기 허용' },
        '/endOfSpeechMs': { label: '발화 종료 무음 (ms)' },
      },
      ports: { noInput: '입력 없음', noMatch: '일치 없음' },
    },
  },
});
