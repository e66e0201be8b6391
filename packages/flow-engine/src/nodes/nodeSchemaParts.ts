import type { JsonSchema } from '@omniflow/flow-schema';

/** JSON Schema of a per-locale text map. */
export const localizedTextSchema: JsonSchema = {
  type: 'object',
  minProperties: 1,
  additionalProperties: { type: 'string' },
};

/** JSON Schema of a channel-neutral prompt (`x-kind: prompt`). */
export const promptSchema: JsonSchema = {
  'x-kind': 'prompt',
  type: 'object',
  required: ['text'],
  properties: {
    text: localizedTextSchema,
    ssml: localizedTextSchema,
    audio: localizedTextSchema,
    channels: {
      type: 'object',
      additionalProperties: false,
      properties: {
        dtmf: { type: 'object', required: ['text'], properties: { text: localizedTextSchema } },
        voice: { type: 'object', required: ['text'], properties: { text: localizedTextSchema } },
        chat: { type: 'object', required: ['text'], properties: { text: localizedTextSchema } },
      },
    },
  },
  additionalProperties: false,
};

/** JSON Schema of a no-input / no-match retry policy. */
export const retryPolicySchema: JsonSchema = {
  type: 'object',
  required: ['maxRetries'],
  properties: {
    maxRetries: { type: 'integer', minimum: 0, maximum: 10 },
    reprompts: { type: 'array', items: promptSchema },
  },
  additionalProperties: false,
};

/** JSON Schema of per-locale synonym lists. */
export const synonymsSchema: JsonSchema = {
  type: 'object',
  additionalProperties: { type: 'array', items: { type: 'string', minLength: 1 } },
};

/** JSON Schema of a declared variable's name (`x-kind: variable`). */
export const variableNameSchema: JsonSchema = { 'x-kind': 'variable', type: 'string', minLength: 1 };

/** JSON Schema of a safe expression (`x-kind: expression`). */
export const expressionSchema: JsonSchema = { 'x-kind': 'expression', type: 'string', minLength: 1 };
