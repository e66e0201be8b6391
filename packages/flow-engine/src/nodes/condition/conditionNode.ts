import type { ConditionConfig } from '@omniflow/flow-schema';
import { defineNodeType } from '../../nodeTypes/defineNodeType.ts';
import { expressionSchema } from '../nodeSchemaParts.ts';
import { conditionRuntime } from './conditionRuntime.ts';

/** `condition` — takes the first case whose expression is true, else `default`. */
export const conditionNode = defineNodeType<ConditionConfig>({
  spec: {
    type: 'condition',
    version: 1,
    title: 'Condition',
    description: 'Branches on the first case whose expression is true.',
    category: 'Logic',
    icon: '🔀',
    behaviour: 'automatic',
    configSchema: {
      type: 'object',
      required: ['cases'],
      properties: {
        cases: {
          type: 'array',
          items: {
            type: 'object',
            required: ['id', 'when'],
            properties: { id: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_-]*$' }, label: { type: 'string' }, when: expressionSchema },
            additionalProperties: false,
          },
        },
      },
      additionalProperties: false,
    },
    defaults: { cases: [{ id: 'yes', label: 'Yes', when: 'true' }] },
    ports: [{ fromConfig: '/cases', key: 'id', label: 'label' }, { name: 'default', label: 'Otherwise' }],
    ui: { '/cases': { widget: 'table', label: 'Cases (first true wins)', columns: ['id', 'label', 'when'], order: 1 } },
  },
  runtime: conditionRuntime,
});
