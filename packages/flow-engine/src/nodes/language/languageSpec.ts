import { defineNodeSpec } from '@omniflow/flow-schema';
import { Type, type Static } from 'typebox';
import { endOfSpeechSchema, promptSchema, retryPolicySchema, retryPolicyLabels } from '../nodeSchemaParts.ts';

const languageOptionSchema = Type.Object(
  {
    /** The locale the session switches to, one the flow declares (`zh-CN`). */
    locale: Type.String({ pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$' }),
    /** The keypad key that picks it. */
    key: Type.String({ pattern: '^[0-9]$' }),
    /** The language's name in that language (`中文`), which is how it is offered and heard. */
    label: Type.String({ minLength: 1 }),
    /** Further words a caller may say or type for it, in any language (`Chinese`, `Mandarin`). */
    synonyms: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
  },
  { additionalProperties: false },
);

/** Schema of a `language` node's config. */
export const languageConfigSchema = Type.Object(
  {
    /** Said first, in the session's current locale (a welcome); the options follow, each in its own language. */
    prompt: Type.Optional(promptSchema),
    languages: Type.Array(languageOptionSchema, { minItems: 2, maxItems: 9 }),
    noInput: Type.Optional(retryPolicySchema),
    noMatch: Type.Optional(retryPolicySchema),
    bargeIn: Type.Optional(Type.Boolean()),
    endOfSpeechMs: Type.Optional(endOfSpeechSchema),
  },
  { additionalProperties: false },
);

/** A `language` node's config. */
export type LanguageConfig = Static<typeof languageConfigSchema>;

/** One language a `language` node offers. */
export type LanguageOption = Static<typeof languageOptionSchema>;

/** `language` — lets the caller pick a language ("For English press 1, 中文请按2"), switches the session's locale; ports `next`, `noInput`, `noMatch`. */
export const languageSpec = defineNodeSpec({
  type: 'language',
  version: 1,
  category: 'Conversation',
  icon: '🌐',
  behaviour: 'interactive',
  config: languageConfigSchema,
  defaults: {
    languages: [
      { locale: 'en-US', key: '1', label: 'English', synonyms: ['英语', '영어'] },
      { locale: 'zh-CN', key: '2', label: '中文', synonyms: ['Chinese', 'Mandarin', '중국어'] },
    ],
    noInput: { maxRetries: 2 },
    noMatch: { maxRetries: 2 },
    bargeIn: true,
  },
  ports: [{ name: 'next' }, { name: 'noInput' }, { name: 'noMatch' }],
  ui: {
    '/prompt': { widget: 'prompt', order: 1 },
    '/languages': { widget: 'table', columns: ['locale', 'key', 'label', 'synonyms'], order: 2 },
    '/noInput': { widget: 'json', order: 3 },
    '/noMatch': { widget: 'json', order: 4 },
    '/bargeIn': { widget: 'checkbox', order: 5 },
    '/endOfSpeechMs': { widget: 'number', order: 6 },
  },
  labels: {
    en: {
      title: 'Language',
      description:
        "Lets the caller choose a language, each offered in its own language, and switches the conversation's locale.",
      fields: {
        '/languages/*/locale': { label: 'Locale' },
        '/languages/*/key': { label: 'Key' },
        '/languages/*/label': { label: 'Label' },
        '/languages/*/synonyms': { label: 'Synonyms' },
        '/prompt': { label: 'Welcome (optional)', help: 'Said in the current language before the choices.' },
        '/languages': {
          label: 'Languages',
          help: 'Each needs a locale the flow declares, a key, and its name in that language.',
        },
        ...retryPolicyLabels.en,
        '/bargeIn': { label: 'Caller may interrupt' },
        '/endOfSpeechMs': { label: 'End of speech (ms)' },
      },
      ports: { next: 'Next', noInput: 'No input', noMatch: 'No match' },
    },
    'zh-CN': {
      title: '语言选择',
      category: '对话',
      description: '让来电者选择语言（每个选项用其本身的语言播报），并切换对话的语言。',
      fields: {
        '/languages/*/locale': { label: '语言区域' },
        '/languages/*/key': { label: '按键' },
        '/languages/*/label': { label: '显示文字' },
        '/languages/*/synonyms': { label: '同义词' },
        '/prompt': { label: '欢迎语（可选）', help: '在选项之前用当前语言播报。' },
        '/languages': { label: '语言', help: '每项需要流程已声明的语言区域、按键，以及该语言自己的名称。' },
        ...retryPolicyLabels['zh-CN'],
        '/bargeIn': { label: '允许来电者打断' },
        '/endOfSpeechMs': { label: '语音结束静音（毫秒）' },
      },
      ports: { next: '下一步', noInput: '无输入', noMatch: '无匹配' },
    },
    ko: {
      title: '언어 선택',
      category: '대화',
      description: '고객이 언어를 고르게 하고(각 선택지는 그 언어로 안내) 대화 언어를 바꿉니다.',
      fields: {
        '/languages/*/locale': { label: '로캘' },
        '/languages/*/key': { label: '키' },
        '/languages/*/label': { label: '표시 문구' },
        '/languages/*/synonyms': { label: '동의어' },
        '/prompt': { label: '환영 멘트 (선택)', help: '선택지 앞에 현재 언어로 안내합니다.' },
        '/languages': { label: '언어', help: '플로우에 선언된 로캘, 키, 그 언어로 쓴 이름이 필요합니다.' },
        ...retryPolicyLabels.ko,
        '/bargeIn': { label: '고객 끼어들기 허용' },
        '/endOfSpeechMs': { label: '발화 종료 무음 (ms)' },
      },
      ports: { next: '다음', noInput: '입력 없음', noMatch: '일치 없음' },
    },
  },
  check(config, context) {
    const keys = new Set<string>();
    config.languages.forEach((option, i) => {
      if (!context.locales.includes(option.locale)) {
        context.report(
          'FLOW031',
          `/languages/${i}/locale`,
          `"${option.locale}" is not one of the flow's locales (${context.locales.join(', ')}); add it to the flow's locales or remove this option`,
        );
      }
      if (keys.has(option.key))
        context.report(
          'FLOW032',
          `/languages/${i}/key`,
          `key ${option.key} already picks another language; give each language its own key`,
        );
      keys.add(option.key);
    });
  },
});
