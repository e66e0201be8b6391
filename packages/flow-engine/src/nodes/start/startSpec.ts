import { defineNodeSpec } from '@omniflow/flow-schema';
import { Type, type Static } from 'typebox';

/** Schema of a `start` node's config: there is nothing to configure. */
export const startConfigSchema = Type.Object({}, { additionalProperties: false });

/** A `start` node's config. */
export type StartConfig = Static<typeof startConfigSchema>;

/** `start` — the flow's entry point; leaves by `next` at once. */
export const startSpec = defineNodeSpec({
  type: 'start',
  version: 1,
  category: 'Flow',
  icon: '▶',
  behaviour: 'automatic',
  config: startConfigSchema,
  defaults: {},
  ports: [{ name: 'next' }],
  labels: {
    en: { title: 'Start', description: 'Where the conversation begins.', ports: { next: 'Next' } },
    'zh-CN': { title: '开始', category: '流程', description: '对话从这里开始。', ports: { next: '下一步' } },
    ko: { title: '시작', category: '흐름', description: '대화가 시작되는 곳입니다.', ports: { next: '다음' } },
  },
});
