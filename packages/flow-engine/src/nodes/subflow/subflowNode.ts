import type { SubflowConfig } from '@omniflow/flow-schema';
import { defineNodeType } from '../../nodeTypes/defineNodeType.ts';
import { expressionSchema } from '../nodeSchemaParts.ts';
import { subflowRuntime } from './subflowRuntime.ts';

/** `subflow` — runs another flow (inlined at compile time) and returns; ports `next`, `error`. */
export const subflowNode = defineNodeType<SubflowConfig>({
  spec: {
    type: 'subflow',
    version: 1,
    title: 'Subflow',
    description: 'Runs another flow, then continues here. The other flow\'s end returns; its transfer transfers.',
    category: 'Flow',
    icon: '↳',
    behaviour: 'subflow',
    configSchema: {
      type: 'object',
      required: ['flowId'],
      properties: {
        flowId: { 'x-kind': 'flow', type: 'string', minLength: 1 },
        inputs: { type: 'object', additionalProperties: expressionSchema },
        outputs: { type: 'object', additionalProperties: { type: 'string', minLength: 1 } },
      },
      additionalProperties: false,
    },
    defaults: { flowId: '', inputs: {}, outputs: {} },
    ports: [{ name: 'next', label: 'Next' }, { name: 'error', label: 'Error' }],
    ui: {
      '/flowId': { widget: 'flow', label: 'Flow', order: 1 },
      '/inputs': { widget: 'json', label: 'Inputs (child variable: expression)', order: 2 },
      '/outputs': { widget: 'json', label: 'Outputs (variable: child variable)', order: 3 },
    },
  },
  runtime: subflowRuntime,
});
