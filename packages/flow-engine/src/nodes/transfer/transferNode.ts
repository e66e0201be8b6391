import type { TransferConfig } from '@omniflow/flow-schema';
import { defineNodeType } from '../../nodeTypes/defineNodeType.ts';
import { promptSchema } from '../nodeSchemaParts.ts';
import { transferRuntime } from './transferRuntime.ts';

/** `transfer` — hands the caller to a queue or agent with the collected variables and the transcript. */
export const transferNode = defineNodeType<TransferConfig>({
  spec: {
    type: 'transfer',
    version: 1,
    title: 'Transfer',
    description: 'Hands the caller to an agent queue, with what was collected and the transcript.',
    category: 'Flow',
    icon: '☎',
    behaviour: 'terminal',
    configSchema: {
      type: 'object',
      properties: {
        queue: { type: 'string', minLength: 1 },
        agent: { type: 'string', minLength: 1 },
        prompt: promptSchema,
        reason: { 'x-kind': 'template', type: 'string' },
      },
      anyOf: [{ required: ['queue'] }, { required: ['agent'] }],
      additionalProperties: false,
    },
    defaults: { queue: 'general' },
    ports: [],
    ui: {
      '/queue': { widget: 'text', label: 'Queue', order: 1 },
      '/agent': { widget: 'text', label: 'Agent', order: 2 },
      '/prompt': { widget: 'prompt', label: 'Said before transferring', order: 3 },
      '/reason': { widget: 'text', label: 'Reason shown to the agent', order: 4 },
    },
  },
  runtime: transferRuntime,
});
