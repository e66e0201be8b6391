import type { JsonSchema } from './nodeTypeSpec.ts';
import { ESCALATION_VERSION } from './flowDocument.ts';

const score: JsonSchema = { type: 'number', minimum: -1, maximum: 1 };

/** JSON Schema of a flow's {@link EscalationSettings} section, at {@link ESCALATION_VERSION}. */
export const escalationJsonSchema: JsonSchema = {
  type: 'object',
  required: ['version', 'rules'],
  additionalProperties: false,
  properties: {
    version: { const: ESCALATION_VERSION },
    upsetAtMost: score,
    rules: {
      type: 'array',
      maxItems: 50,
      items: {
        type: 'object',
        required: ['id', 'when', 'action'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', minLength: 1, maxLength: 100 },
          when: {
            type: 'object',
            required: ['kind'],
            oneOf: [
              branch('sentiment', {
                atMost: score,
                turns: { type: 'integer', minimum: 1, maximum: 20 },
              }),
              branch('noMatch', { count: { type: 'integer', minimum: 1, maximum: 20 } }),
              branch('phrases', {
                phrases: {
                  type: 'object',
                  propertyNames: { pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$' },
                  additionalProperties: {
                    type: 'array',
                    maxItems: 200,
                    items: { type: 'string', minLength: 1, maxLength: 200 },
                  },
                },
              }),
            ],
          },
          action: {
            type: 'object',
            required: ['kind'],
            oneOf: [
              branch('goto', { target: { type: 'string', minLength: 1, 'x-kind': 'node' } }),
              branch(
                'transfer',
                {
                  queue: { type: 'string', minLength: 1, maxLength: 200 },
                  priority: { type: 'integer', minimum: -5, maximum: 5 },
                },
                ['queue'],
              ),
            ],
          },
        },
      },
    },
  },
};

/** One `kind` of a discriminated object: its own properties, all required unless `required` names them. */
function branch(kind: string, properties: Record<string, JsonSchema>, required?: readonly string[]): JsonSchema {
  return {
    properties: { kind: { const: kind }, ...properties },
    additionalProperties: false,
    required: ['kind', ...(required ?? Object.keys(properties))],
  };
}
