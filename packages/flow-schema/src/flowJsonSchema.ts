import type { JsonSchema } from './nodeTypeSpec.ts';
import { CHANNELS, CURRENT_SCHEMA_VERSION } from './flowDocument.ts';
import { annotationsJsonSchema } from './annotationsJsonSchema.ts';
import { escalationJsonSchema } from './escalationJsonSchema.ts';
import { flowTestsJsonSchema } from './tests/flowTestsJsonSchema.ts';

const identifier = '^[A-Za-z_][A-Za-z0-9_]*$';

/** JSON Schema of {@link LocalizedText}: text keyed by locale tag. Node type schemas may reuse it. */
export const localizedTextJsonSchema: JsonSchema = {
  type: 'object',
  propertyNames: { pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$' },
  additionalProperties: { type: 'string', maxLength: 10_000 },
};

/** JSON Schema of a {@link Prompt}, annotated `x-kind: prompt`; node type config schemas should reuse it. */
export const promptJsonSchema: JsonSchema = {
  type: 'object',
  'x-kind': 'prompt',
  required: ['text'],
  additionalProperties: false,
  properties: {
    text: localizedTextJsonSchema,
    ssml: localizedTextJsonSchema,
    audio: localizedTextJsonSchema,
    channels: {
      type: 'object',
      propertyNames: { enum: [...CHANNELS] },
      additionalProperties: {
        type: 'object',
        required: ['text'],
        additionalProperties: false,
        properties: { text: localizedTextJsonSchema },
      },
    },
    empathetic: localizedTextJsonSchema,
  },
};

/** JSON Schema of a {@link RetryPolicy}. */
export const retryPolicyJsonSchema: JsonSchema = {
  type: 'object',
  required: ['maxRetries'],
  additionalProperties: false,
  properties: {
    maxRetries: { type: 'integer', minimum: 0, maximum: 10 },
    reprompts: { type: 'array', maxItems: 10, items: promptJsonSchema },
  },
};

/**
 * The JSON Schema (draft 2020-12) of a {@link FlowDocument} at {@link CURRENT_SCHEMA_VERSION}. It checks the
 * document's shape only; node configs are checked against their own type's schema by `validateFlow`.
 */
export const flowJsonSchema: JsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://omniflow.dev/schema/flow.json',
  title: 'Omniflow flow document',
  type: 'object',
  required: ['id', 'name', 'schemaVersion', 'locales', 'defaultLocale', 'variables', 'start', 'nodes', 'edges'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', minLength: 1, maxLength: 200 },
    name: { type: 'string', minLength: 1, maxLength: 500 },
    description: { type: 'string', maxLength: 10_000 },
    schemaVersion: { const: CURRENT_SCHEMA_VERSION },
    locales: {
      type: 'array',
      minItems: 1,
      maxItems: 50,
      uniqueItems: true,
      items: { type: 'string', pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$' },
    },
    defaultLocale: { type: 'string', minLength: 1 },
    variables: {
      type: 'array',
      maxItems: 1000,
      items: {
        type: 'object',
        required: ['name', 'type'],
        additionalProperties: false,
        properties: {
          name: { type: 'string', pattern: identifier, maxLength: 100 },
          type: { enum: ['string', 'number', 'boolean', 'date', 'object'] },
          default: { type: ['string', 'number', 'boolean', 'null', 'object'] },
          sensitive: { type: 'boolean' },
          description: { type: 'string', maxLength: 2000 },
        },
      },
    },
    start: { type: 'string', minLength: 1, 'x-kind': 'node' },
    nodes: {
      type: 'array',
      maxItems: 10_000,
      items: {
        type: 'object',
        required: ['id', 'type', 'config'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', minLength: 1, maxLength: 200 },
          type: { type: 'string', minLength: 1, maxLength: 200 },
          label: { type: 'string', maxLength: 500 },
          position: {
            type: 'object',
            required: ['x', 'y'],
            additionalProperties: false,
            properties: { x: { type: 'number' }, y: { type: 'number' } },
          },
          typeVersion: { type: 'integer', minimum: 1 },
          config: { type: 'object' },
        },
      },
    },
    edges: {
      type: 'array',
      maxItems: 50_000,
      items: {
        type: 'object',
        required: ['source', 'port', 'target'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', minLength: 1, maxLength: 200 },
          source: { type: 'string', minLength: 1, 'x-kind': 'node' },
          port: { type: 'string', minLength: 1, maxLength: 200 },
          target: { type: 'string', minLength: 1, 'x-kind': 'node' },
        },
      },
    },
    globalIntents: {
      type: 'array',
      maxItems: 100,
      items: {
        type: 'object',
        required: ['id', 'phrases', 'target'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', minLength: 1 },
          phrases: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string', minLength: 1 } } },
          dtmf: { type: 'string', pattern: '^[0-9*#]$' },
          target: { type: 'string', minLength: 1, 'x-kind': 'node' },
        },
      },
    },
    settings: {
      type: 'object',
      additionalProperties: false,
      properties: {
        noInput: retryPolicyJsonSchema,
        noMatch: retryPolicyJsonSchema,
        noInputTimeoutSeconds: { type: 'number', exclusiveMinimum: 0, maximum: 120 },
        maxTurns: { type: 'integer', minimum: 1 },
        maxDurationSeconds: { type: 'number', exclusiveMinimum: 0 },
        minConfidence: { type: 'number', minimum: 0, maximum: 1 },
        voices: {
          type: 'object',
          maxProperties: 50,
          additionalProperties: {
            type: 'object',
            additionalProperties: false,
            properties: {
              twilio: { type: 'string', minLength: 1, maxLength: 100 },
              local: { type: 'string', minLength: 1, maxLength: 100 },
            },
          },
        },
      },
    },
    escalation: escalationJsonSchema,
    tests: flowTestsJsonSchema,
    annotations: annotationsJsonSchema,
  },
};
