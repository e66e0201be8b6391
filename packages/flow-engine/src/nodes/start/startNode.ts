import type { StartConfig } from '@omniflow/flow-schema';
import { defineNodeType } from '../../nodeTypes/defineNodeType.ts';
import { startRuntime } from './startRuntime.ts';

/** `start` — the flow's entry point; leaves by `next` at once. */
export const startNode = defineNodeType<StartConfig>({
  spec: {
    type: 'start',
    version: 1,
    title: 'Start',
    description: 'Where the conversation begins.',
    category: 'Flow',
    icon: '▶',
    behaviour: 'automatic',
    configSchema: { type: 'object', properties: {}, additionalProperties: false },
    defaults: {},
    ports: [{ name: 'next', label: 'Next' }],
  },
  runtime: startRuntime,
});
