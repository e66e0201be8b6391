import type { AskConfig } from '@omniflow/flow-schema';
import { defineNodeType } from '../../nodeTypes/defineNodeType.ts';
import { expressionSchema, localizedTextSchema, promptSchema, retryPolicySchema, synonymsSchema, variableNameSchema } from '../nodeSchemaParts.ts';
import { askRuntime } from './askRuntime.ts';

/** `ask` — collects one typed value into a variable; ports `next`, `noInput`, `noMatch`. */
export const askNode = defineNodeType<AskConfig>({
  spec: {
    type: 'ask',
    version: 1,
    title: 'Ask',
    description: 'Asks the caller for a value (digits, number, amount, date, yes/no, a choice or text) and stores it.',
    category: 'Conversation',
    icon: '❓',
    behaviour: 'interactive',
    configSchema: {
      type: 'object',
      required: ['prompt', 'variable', 'slot'],
      properties: {
        prompt: promptSchema,
        variable: variableNameSchema,
        slot: {
          type: 'object',
          required: ['type'],
          properties: {
            type: { type: 'string', enum: ['digits', 'number', 'amount', 'date', 'yesNo', 'choice', 'text'] },
            minLength: { type: 'integer', minimum: 0 },
            maxLength: { type: 'integer', minimum: 1 },
            terminator: { type: 'string', pattern: '^[#*]$' },
            min: { type: 'number' },
            max: { type: 'number' },
            choices: {
              type: 'array',
              items: {
                type: 'object',
                required: ['value', 'label'],
                properties: { value: { type: 'string', minLength: 1 }, label: localizedTextSchema, synonyms: synonymsSchema },
                additionalProperties: false,
              },
            },
            // flow-schema's built-in field table lets this expression read the implicit `value` (the answer heard).
            validate: expressionSchema,
          },
          additionalProperties: false,
        },
        invalidPrompt: promptSchema,
        noInput: retryPolicySchema,
        noMatch: retryPolicySchema,
        bargeIn: { type: 'boolean' },
        endOfSpeechMs: { type: 'integer', minimum: 300, maximum: 1000 },
      },
      additionalProperties: false,
    },
    defaults: { prompt: { text: { 'en-US': '' } }, variable: '', slot: { type: 'digits', minLength: 1, maxLength: 20 }, noInput: { maxRetries: 2 }, noMatch: { maxRetries: 2 } },
    ports: [{ name: 'next', label: 'Next' }, { name: 'noInput', label: 'No input' }, { name: 'noMatch', label: 'No match' }],
    ui: {
      '/prompt': { widget: 'prompt', label: 'Question', order: 1 },
      '/variable': { widget: 'variable', label: 'Store answer in', order: 2 },
      '/slot': { widget: 'json', label: 'Answer type and validation', order: 3 },
      '/invalidPrompt': { widget: 'prompt', label: 'Said when the answer is invalid', order: 4 },
      '/noInput': { widget: 'json', label: 'No-input retries', order: 5 },
      '/noMatch': { widget: 'json', label: 'No-match retries', order: 6 },
    },
  },
  runtime: askRuntime,
});
