import type { SetConfig } from '@omniflow/flow-schema';
import { defineNodeType } from '../../nodeTypes/defineNodeType.ts';
import { expressionSchema, variableNameSchema } from '../nodeSchemaParts.ts';
import { setRuntime } from './setRuntime.ts';

/** `set` — assigns computed values to variables, in order. */
export const setNode = defineNodeType<SetConfig>({
  spec: {
    type: 'set',
    version: 1,
    title: 'Set variables',
    description: 'Computes values with expressions and stores them in variables.',
    category: 'Logic',
    icon: '＝',
    behaviour: 'automatic',
    configSchema: {
      type: 'object',
      required: ['assignments'],
      properties: {
        assignments: {
          type: 'array',
          items: { type: 'object', required: ['variable', 'value'], properties: { variable: variableNameSchema, value: expressionSchema }, additionalProperties: false },
        },
      },
      additionalProperties: false,
    },
    defaults: { assignments: [] },
    ports: [{ name: 'next', label: 'Next' }],
    ui: { '/assignments': { widget: 'table', label: 'Assignments (in order)', columns: ['variable', 'value'], order: 1 } },
  },
  runtime: setRuntime,
});
