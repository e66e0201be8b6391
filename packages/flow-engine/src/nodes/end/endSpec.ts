import { defineNodeSpec } from '@omniflow/flow-schema';
import { Type, type Static } from 'typebox';
import { promptSchema } from '../nodeSchemaParts.ts';

/** Schema of an `end` node's config. */
export const endConfigSchema = Type.Object(
  {
    prompt: Type.Optional(promptSchema),
    /** Recorded with the session's end, e.g. `completed`, `declined`. */
    outcome: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);

/** An `end` node's config. */
export type EndConfig = Static<typeof endConfigSchema>;

/** `end` — says an optional goodbye and ends the session with an outcome. */
export const endSpec = defineNodeSpec({
  type: 'end',
  version: 1,
  category: 'Flow',
  icon: '⏹',
  behaviour: 'terminal',
  config: endConfigSchema,
  defaults: { outcome: 'completed' },
  ports: [],
  ui: { '/prompt': { widget: 'prompt', order: 1 }, '/outcome': { widget: 'text', order: 2 } },
  labels: {
    en: {
      title: 'End',
      description: 'Says goodbye and ends the conversation.',
      fields: { '/prompt': { label: 'Goodbye' }, '/outcome': { label: 'Outcome' } },
    },
    'zh-CN': {
      title: '结束',
      category: '流程',
      description: '道别并结束对话。',
      fields: { '/prompt': { label: '结束语' }, '/outcome': { label: '结果' } },
    },
    ko: {
      title: '종료',
      category: '흐름',
      description: '인사하고 대화를 끝냅니다.',
      fields: { '/prompt': { label: '종료 멘트' }, '/outcome': { label: '결과' } },
    },
  },
});
