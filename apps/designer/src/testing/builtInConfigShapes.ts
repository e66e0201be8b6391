import type { JsonSchema, NodeTypeSpec } from '@omniflow/flow-schema';

/**
 * Config schemas and UI hints copied from the engine's built-in menu, ask, transaction, subflow and http node types
 * (`createBuiltInRegistry().specs()`), including their `json` widget hints, for form model tests without the engine.
 */
const localized: JsonSchema = { type: 'object', minProperties: 1, additionalProperties: { type: 'string' } };
const prompt: JsonSchema = { 'x-kind': 'prompt', type: 'object', required: ['text'], properties: { text: localized, ssml: localized, audio: localized }, additionalProperties: false };
const retry: JsonSchema = { type: 'object', required: ['maxRetries'], properties: { maxRetries: { type: 'integer', minimum: 0, maximum: 10 }, reprompts: { type: 'array', items: prompt } }, additionalProperties: false };

function spec(type: string, configSchema: JsonSchema, ui: NodeTypeSpec['ui']): NodeTypeSpec {
  return { type, version: 1, title: type, description: type, category: 'Test', icon: '•', behaviour: 'automatic', configSchema, defaults: {}, ports: [{ name: 'next' }], ui };
}

/** The built-in shapes that used to fall back to a JSON textarea. */
export const BUILT_IN_CONFIG_SHAPES: NodeTypeSpec[] = [
  spec(
    'menu',
    { type: 'object', required: ['prompt', 'options'], properties: { prompt, noInput: retry, noMatch: retry }, additionalProperties: false },
    { '/prompt': { widget: 'prompt', order: 1 }, '/noInput': { widget: 'json', label: 'No-input retries', order: 4 }, '/noMatch': { widget: 'json', label: 'No-match retries', order: 5 } },
  ),
  spec(
    'ask',
    {
      type: 'object',
      properties: {
        slot: {
          type: 'object',
          required: ['type'],
          properties: {
            type: { type: 'string', enum: ['digits', 'number', 'amount', 'date', 'yesNo', 'choice', 'text'] },
            minLength: { type: 'integer', minimum: 0 },
            choices: { type: 'array', items: { type: 'object', required: ['value', 'label'], properties: { value: { type: 'string' }, label: localized, synonyms: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } } } } },
            validate: { type: 'string', 'x-kind': 'expression' },
          },
        },
      },
    },
    { '/slot': { widget: 'json', label: 'Answer type and validation', order: 3 } },
  ),
  spec(
    'transaction',
    {
      type: 'object',
      properties: {
        args: { type: 'object', additionalProperties: { 'x-kind': 'expression', type: 'string', minLength: 1 } },
        results: { type: 'object', propertyNames: { pattern: '^[A-Za-z_][A-Za-z0-9_]*$' }, additionalProperties: { type: 'string' } },
        outcomes: { type: 'array', items: { type: 'string' } },
      },
    },
    { '/args': { widget: 'json', label: 'Arguments (expressions)' }, '/results': { widget: 'json', label: 'Store results (variable: result field)' }, '/outcomes': { widget: 'json', label: 'Extra outcomes' } },
  ),
  spec(
    'subflow',
    { type: 'object', properties: { inputs: { type: 'object', additionalProperties: { 'x-kind': 'expression', type: 'string' } }, outputs: { type: 'object', additionalProperties: { type: 'string' } } } },
    { '/inputs': { widget: 'json', label: 'Inputs (child variable: expression)' }, '/outputs': { widget: 'json', label: 'Outputs (variable: child variable)' } },
  ),
  spec('http', { type: 'object', properties: { headers: { type: 'object', additionalProperties: { 'x-kind': 'template', type: 'string' } } } }, { '/headers': { widget: 'json', label: 'Headers' } }),
];
