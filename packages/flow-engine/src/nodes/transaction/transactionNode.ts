import type { TransactionConfig } from '@omniflow/flow-schema';
import { defineNodeType } from '../../nodeTypes/defineNodeType.ts';
import { expressionSchema } from '../nodeSchemaParts.ts';
import { transactionRuntime } from './transactionRuntime.ts';

/** `transaction` — runs a handler registered by name with a timeout; ports `success`, `error`, `timeout` and each outcome. */
export const transactionNode = defineNodeType<TransactionConfig>({
  spec: {
    type: 'transaction',
    version: 1,
    title: 'Transaction',
    description: 'Calls a back-end handler registered with the runtime, with a timeout and retries.',
    category: 'Integration',
    icon: '⚙',
    behaviour: 'async',
    configSchema: {
      type: 'object',
      required: ['handler'],
      properties: {
        handler: { type: 'string', minLength: 1 },
        args: { type: 'object', additionalProperties: expressionSchema },
        results: { type: 'object', propertyNames: { pattern: '^[A-Za-z_][A-Za-z0-9_]*$' }, additionalProperties: { type: 'string' } },
        outcomes: { type: 'array', items: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_]*$' } },
        timeoutMs: { type: 'integer', minimum: 100, maximum: 120000 },
        retries: { type: 'integer', minimum: 0, maximum: 5 },
      },
      additionalProperties: false,
    },
    defaults: { handler: '', args: {}, results: {}, outcomes: [], timeoutMs: 10000, retries: 0 },
    ports: [{ name: 'success', label: 'Success' }, { fromConfig: '/outcomes', key: '' }, { name: 'error', label: 'Error' }, { name: 'timeout', label: 'Timeout' }],
    ui: {
      '/handler': { widget: 'text', label: 'Handler', order: 1 },
      '/args': { widget: 'json', label: 'Arguments (expressions)', order: 2 },
      '/results': { widget: 'json', label: 'Store results (variable: result field)', order: 3 },
      '/outcomes': { widget: 'json', label: 'Extra outcomes', order: 4 },
      '/timeoutMs': { widget: 'number', label: 'Timeout (ms)', order: 5 },
      '/retries': { widget: 'number', label: 'Retries', order: 6 },
    },
  },
  runtime: transactionRuntime,
});
