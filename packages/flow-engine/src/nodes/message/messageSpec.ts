import { defineNodeSpec } from '@omniflow/flow-schema';
import { Type, type Static } from 'typebox';
import { promptSchema } from '../nodeSchemaParts.ts';

/** Schema of a `message` node's config. */
export const messageConfigSchema = Type.Object(
  {
    prompt: promptSchema,
    /** Whether caller speech or a key press may interrupt this prompt (default true). */
    bargeIn: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/** A `message` node's config. */
export type MessageConfig = Static<typeof messageConfigSchema>;

/** `message` — says a prompt and moves on by `next`. */
export const messageSpec = defineNodeSpec({
  type: 'message',
  version: 1,
  category: 'Conversation',
  icon: '💬',
  behaviour: 'automatic',
  config: messageConfigSchema,
  defaults: { prompt: { text: { 'en-US': '' } }, bargeIn: true },
  ports: [{ name: 'next' }],
  ui: { '/prompt': { widget: 'prompt', order: 1 }, '/bargeIn': { widget: 'checkbox', order: 2 } },
  labels: {
    en: {
      title: 'Message',
      description: 'Says or shows a message, then continues.',
      fields: { '/prompt': { label: 'Message' }, '/bargeIn': { label: 'Caller may interrupt' } },
      ports: { next: 'Next' },
    },
    'zh-CN': {
      title: '消息',
      category: '对话',
      description: '播报或显示一条消息，然后继续。',
      fields: { '/prompt': { label: '消息' }, '/bargeIn': { label: '允许来电者打断' } },
      ports: { next: '下一步' },
    },
    ko: {
      title: '메시지',
      category: '대화',
      description: '메시지를 읽어 주거나 보여 준 뒤 계속합니다.',
      fields: { '/prompt': { label: '메시지' }, '/bargeIn': { label: '고객 끼어들기 허용' } },
      ports: { next: '다음' },
    },
  },
});
