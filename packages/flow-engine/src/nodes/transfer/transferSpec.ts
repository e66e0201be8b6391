import { defineNodeSpec } from '@omniflow/flow-schema';
import { Type, type Static } from 'typebox';
import { promptSchema, templateSchema } from '../nodeSchemaParts.ts';

/** Schema of a `transfer` node's config: a queue, an agent, or both. */
export const transferConfigSchema = Type.Object(
  {
    queue: Type.Optional(Type.String({ minLength: 1 })),
    agent: Type.Optional(Type.String({ minLength: 1 })),
    prompt: Type.Optional(promptSchema),
    /** Why the caller is transferred; a template, shown to the agent. */
    reason: Type.Optional(templateSchema),
  },
  { anyOf: [{ required: ['queue'] }, { required: ['agent'] }], additionalProperties: false },
);

/** A `transfer` node's config. */
export type TransferConfig = Static<typeof transferConfigSchema>;

/** `transfer` — hands the caller to a queue or agent with the collected variables and the transcript. */
export const transferSpec = defineNodeSpec({
  type: 'transfer',
  version: 1,
  category: 'Flow',
  icon: '☎',
  behaviour: 'terminal',
  config: transferConfigSchema,
  defaults: { queue: 'general' },
  ports: [],
  ui: {
    '/queue': { widget: 'text', order: 1 },
    '/agent': { widget: 'text', order: 2 },
    '/prompt': { widget: 'prompt', order: 3 },
    '/reason': { widget: 'text', order: 4 },
  },
  labels: {
    en: {
      title: 'Transfer',
      description: 'Hands the caller to an agent queue, with what was collected and the transcript.',
      fields: {
        '/queue': { label: 'Queue' },
        '/agent': { label: 'Agent' },
        '/prompt': { label: 'Said before transferring' },
        '/reason': { label: 'Reason shown to the agent' },
      },
    },
    'zh-CN': {
      title: '转接',
      category: '流程',
      description: '把来电者连同已收集的信息和对话记录转给坐席队列。',
      fields: {
        '/queue': { label: '队列' },
        '/agent': { label: '坐席' },
        '/prompt': { label: '转接前的提示' },
        '/reason': { label: '给坐席看的原因' },
      },
    },
    ko: {
      title: '연결',
      category: '흐름',
      description: '수집한 정보와 대화 기록과 함께 고객을 상담원 대기열로 연결합니다.',
      fields: {
        '/queue': { label: '대기열' },
        '/agent': { label: '상담원' },
        '/prompt': { label: '연결 전 멘트' },
        '/reason': { label: '상담원에게 보일 사유' },
      },
    },
  },
});
