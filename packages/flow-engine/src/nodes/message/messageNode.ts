import type { MessageConfig } from '@omniflow/flow-schema';
import { defineNodeType } from '../../nodeTypes/defineNodeType.ts';
import { promptSchema } from '../nodeSchemaParts.ts';
import { messageRuntime } from './messageRuntime.ts';

/** `message` — says a prompt and moves on by `next`. */
export const messageNode = defineNodeType<MessageConfig>({
  spec: {
    type: 'message',
    version: 1,
    title: 'Message',
    description: 'Says or shows a message, then continues.',
    category: 'Conversation',
    icon: '💬',
    behaviour: 'automatic',
    configSchema: {
      type: 'object',
      required: ['prompt'],
      properties: { prompt: promptSchema, bargeIn: { type: 'boolean' } },
      additionalProperties: false,
    },
    defaults: { prompt: { text: { 'en-US': '' } }, bargeIn: true },
    ports: [{ name: 'next', label: 'Next' }],
    ui: { '/prompt': { widget: 'prompt', label: 'Message', order: 1 }, '/bargeIn': { widget: 'checkbox', label: 'Caller may interrupt', order: 2 } },
  },
  runtime: messageRuntime,
});
