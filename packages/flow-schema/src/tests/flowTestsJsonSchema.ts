import type { JsonSchema } from '../nodeTypeSpec.ts';
import { CHANNELS } from '../flowDocument.ts';
import { testContactJsonSchema } from '../contact/contactFactsJsonSchema.ts';

const locale = { type: 'string', pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$' };
const nodeId = { type: 'string', minLength: 1, maxLength: 200, 'x-kind': 'node' };

/** One key, one value: a step object names exactly one input or expectation. */
function step(key: string, value: JsonSchema): JsonSchema {
  return { type: 'object', required: [key], additionalProperties: false, properties: { [key]: value } };
}

/** JSON Schema of a flow's `tests`: conversation test cases (see `FlowTestCase`). */
export const flowTestsJsonSchema: JsonSchema = {
  type: 'array',
  maxItems: 500,
  items: {
    type: 'object',
    required: ['id', 'name', 'steps'],
    additionalProperties: false,
    properties: {
      id: { type: 'string', minLength: 1, maxLength: 200 },
      name: { type: 'string', minLength: 1, maxLength: 500 },
      locale,
      channels: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: [...CHANNELS] } },
      variables: { type: 'object' },
      contact: testContactJsonSchema,
      mocks: {
        type: 'object',
        additionalProperties: {
          type: 'object',
          additionalProperties: false,
          properties: {
            port: { type: 'string', minLength: 1, maxLength: 200 },
            variables: { type: 'object' },
            contact: {
              type: 'object',
              required: ['customerId'],
              additionalProperties: false,
              properties: { customerId: { type: 'string', minLength: 1, maxLength: 128 } },
            },
          },
        },
      },
      steps: {
        type: 'array',
        maxItems: 1000,
        items: {
          oneOf: [
            step('choose', { type: 'string', minLength: 1, maxLength: 200 }),
            step('say', { type: 'string', maxLength: 2000 }),
            step('digits', { type: 'string', pattern: '^[0-9*#]+$', maxLength: 100 }),
            step('noInput', { const: true }),
            step('expectPrompt', { type: 'string', minLength: 1, maxLength: 2000 }),
            step('expectNode', nodeId),
            step('expectVariable', {
              type: 'object',
              required: ['name', 'equals'],
              additionalProperties: false,
              properties: { name: { type: 'string', minLength: 1 }, equals: {} },
            }),
            step('expectTransfer', {
              type: 'object',
              additionalProperties: false,
              properties: { queue: { type: 'string', minLength: 1 } },
            }),
            step('expectEnd', {
              type: 'object',
              additionalProperties: false,
              properties: { outcome: { type: 'string', minLength: 1 } },
            }),
          ],
        },
      },
    },
  },
};
