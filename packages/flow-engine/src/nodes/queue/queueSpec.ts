import { defineNodeSpec } from '@omniflow/flow-schema';
import { Type, type Static } from 'typebox';
import { promptSchema, templateSchema } from '../nodeSchemaParts.ts';

/** Schema of a `queue` node's config: the queue, the contact's priority in it, and how the caller waits. */
export const queueConfigSchema = Type.Object(
  {
    queue: Type.String({ minLength: 1, maxLength: 200 }),
    /** Added to the queue's own priority for this contact (−5 … 5), e.g. a premium customer. */
    priority: Type.Optional(Type.Integer({ minimum: -5, maximum: 5 })),
    prompt: Type.Optional(promptSchema),
    /** Why the caller waits for an agent; a template, shown to the agent. */
    reason: Type.Optional(templateSchema),
    /** How often the waiting caller hears where they are. */
    updateEverySeconds: Type.Optional(Type.Integer({ minimum: 10, maximum: 600 })),
    announcePosition: Type.Optional(Type.Boolean()),
    /** Said while waiting, between position updates. */
    waitingMessage: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

/** A `queue` node's config. */
export type QueueConfig = Static<typeof queueConfigSchema>;

/** `queue` — puts the caller in an agent queue with a priority and a waiting treatment, with the whole context. */
export const queueSpec = defineNodeSpec({
  type: 'queue',
  version: 1,
  category: 'Flow',
  icon: '⏳',
  behaviour: 'terminal',
  config: queueConfigSchema,
  defaults: { queue: 'general-banking', announcePosition: true, updateEverySeconds: 30 },
  ports: [],
  ui: {
    '/queue': { widget: 'text', order: 1 },
    '/priority': { widget: 'number', order: 2 },
    '/prompt': { widget: 'prompt', order: 3 },
    '/reason': { widget: 'text', order: 4 },
    '/announcePosition': { widget: 'checkbox', order: 5 },
    '/updateEverySeconds': { widget: 'number', order: 6 },
    '/waitingMessage': { widget: 'text', order: 7 },
  },
  labels: {
    en: {
      title: 'Queue for an agent',
      description: 'Puts the caller in an agent queue with what was collected; they hear their place while waiting.',
      fields: {
        '/queue': { label: 'Queue' },
        '/priority': { label: 'Priority in the queue', help: '−5 … 5, added to the queue’s priority.' },
        '/prompt': { label: 'Said before queueing' },
        '/reason': { label: 'Reason shown to the agent' },
        '/announcePosition': { label: 'Tell the caller their position' },
        '/updateEverySeconds': { label: 'Update every (seconds)' },
        '/waitingMessage': { label: 'Message while waiting' },
      },
    },
    'zh-CN': {
      title: '排队等待坐席',
      category: '流程',
      description: '把来电者连同已收集的信息放入坐席队列；等待时告知排队位置。',
      fields: {
        '/queue': { label: '队列' },
        '/priority': { label: '队列内优先级', help: '−5 … 5，加在队列优先级上。' },
        '/prompt': { label: '排队前的提示' },
        '/reason': { label: '给坐席看的原因' },
        '/announcePosition': { label: '告知排队位置' },
        '/updateEverySeconds': { label: '更新间隔（秒）' },
        '/waitingMessage': { label: '等待时的提示' },
      },
    },
    ko: {
      title: '상담원 대기열',
      category: '흐름',
      description: '수집한 정보와 함께 고객을 상담원 대기열에 넣고, 기다리는 동안 대기 순서를 알려 줍니다.',
      fields: {
        '/queue': { label: '대기열' },
        '/priority': { label: '대기열 내 우선순위', help: '−5 … 5, 대기열 우선순위에 더해집니다.' },
        '/prompt': { label: '대기 전 멘트' },
        '/reason': { label: '상담원에게 보일 사유' },
        '/announcePosition': { label: '대기 순서 안내' },
        '/updateEverySeconds': { label: '안내 간격(초)' },
        '/waitingMessage': { label: '대기 중 멘트' },
      },
    },
  },
});
