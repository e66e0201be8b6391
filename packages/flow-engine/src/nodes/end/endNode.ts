import type { EndConfig } from '@omniflow/flow-schema';
import { defineNodeType } from '../../nodeTypes/defineNodeType.ts';
import { promptSchema } from '../nodeSchemaParts.ts';
import { endRuntime } from './endRuntime.ts';

/** `end` — says an optional goodbye and ends the session with an outcome. */
export const endNode = defineNodeType<EndConfig>({
  spec: {
    type: 'end',
    version: 1,
    title: 'End',
    description: 'Says goodbye and ends the conversation.',
    category: 'Flow',
    icon: '⏹',
    behaviour: 'terminal',
    configSchema: {
      type: 'object',
      properties: { prompt: promptSchema, outcome: { type: 'string', maxLength: 64 } },
      additionalProperties: false,
    },
    defaults: { outcome: 'completed' },
    ports: [],
    ui: { '/prompt': { widget: 'prompt', label: 'Goodbye', order: 1 }, '/outcome': { widget: 'text', label: 'Outcome', order: 2 } },
  },
  runtime: endRuntime,
});
