import { contactInputJsonSchema } from '@omniflow/flow-schema';
import { DESK_SCHEMAS } from '../agents/deskSchemas.ts';
/** Ids of flows and tokens: URL-safe, short. */
const ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$';
/** BCP 47-like locale tags (`en-US`, `zh-CN`). */
const LOCALE_PATTERN = '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$';

const idString = { type: 'string', minLength: 1, maxLength: 200 } as const;

/**
 * The shape a draft must have to be saved (issue 14): the lists a flow is made of, typed and bounded, so a draft can
 * be half-finished but never a different kind of document. Node configs are checked by their node types on publish.
 */
const flowDocumentShape = {
  type: 'object',
  required: ['id'],
  properties: {
    id: { type: 'string', pattern: ID_PATTERN },
    name: { type: 'string', maxLength: 200 },
    schemaVersion: { type: 'integer', minimum: 1 },
    locales: { type: 'array', maxItems: 50, items: { type: 'string', pattern: LOCALE_PATTERN } },
    defaultLocale: { type: 'string', pattern: LOCALE_PATTERN },
    start: { type: 'string', maxLength: 200 },
    variables: {
      type: 'array',
      maxItems: 1000,
      items: { type: 'object', required: ['name'], properties: { name: idString } },
    },
    nodes: {
      type: 'array',
      maxItems: 5000,
      items: {
        type: 'object',
        required: ['id', 'type'],
        properties: {
          id: idString,
          type: idString,
          label: { type: 'string', maxLength: 1000 },
          config: { type: 'object' },
        },
      },
    },
    edges: {
      type: 'array',
      maxItems: 20000,
      items: {
        type: 'object',
        required: ['source', 'target'],
        properties: { source: idString, target: idString, port: { type: 'string', maxLength: 200 } },
      },
    },
  },
  description:
    'A flow document (see the flow-schema package); its shape is checked on save, fully validated on publish and by /validate.',
} as const;

/** A chat message's idempotency key: the same id sent again gets the stored reply, the turn is not run twice. */
const inputId = {
  type: 'string',
  minLength: 1,
  maxLength: 200,
  description: 'Idempotency key of this input (a UUID); resend a message whose reply was lost with the same id.',
} as const;

const inputEvent = {
  type: 'object',
  required: ['type'],
  discriminator: { propertyName: 'type' },
  oneOf: [
    {
      properties: { type: { const: 'dtmf' }, digits: { type: 'string', pattern: '^[0-9*#]{1,64}$' } },
      required: ['type', 'digits'],
      additionalProperties: false,
    },
    {
      properties: {
        type: { const: 'speech' },
        transcript: { type: 'string', maxLength: 2000 },
        confidence: { type: 'number', minimum: 0, maximum: 1 },
        alternatives: {
          type: 'array',
          maxItems: 10,
          items: {
            type: 'object',
            required: ['transcript'],
            properties: {
              transcript: { type: 'string', maxLength: 2000 },
              confidence: { type: 'number', minimum: 0, maximum: 1 },
            },
            additionalProperties: false,
          },
        },
      },
      required: ['type', 'transcript'],
      additionalProperties: false,
    },
    {
      properties: { type: { const: 'text' }, text: { type: 'string', maxLength: 4000 } },
      required: ['type', 'text'],
      additionalProperties: false,
    },
    { properties: { type: { const: 'noInput' } }, required: ['type'], additionalProperties: false },
    { properties: { type: { const: 'hangup' } }, required: ['type'], additionalProperties: false },
  ],
} as const;

/** JSON Schemas of every request body, used by ajv to validate and by the OpenAPI document to describe. */
export const REQUEST_SCHEMAS = {
  ...DESK_SCHEMAS,
  CreateFlow: {
    type: 'object',
    required: ['flow'],
    additionalProperties: false,
    properties: { flow: flowDocumentShape },
  },
  UpdateDraft: {
    type: 'object',
    required: ['flow'],
    additionalProperties: false,
    properties: {
      flow: flowDocumentShape,
      revision: {
        type: 'integer',
        minimum: 1,
        description: 'The revision this edit is based on; or send it as If-Match.',
      },
    },
  },
  ValidateFlow: {
    type: 'object',
    additionalProperties: false,
    properties: { flow: { type: 'object', description: 'A document to validate instead of the stored draft.' } },
  },
  Publish: {
    type: 'object',
    additionalProperties: false,
    properties: {
      note: { type: 'string', maxLength: 1000 },
      revision: { type: 'integer', minimum: 1, description: 'Publish only if the draft is still at this revision.' },
      overrideFailingTests: {
        type: 'object',
        required: ['reason'],
        additionalProperties: false,
        description: "Publish although the flow's tests fail; the reason is kept in the version note.",
        properties: { reason: { type: 'string', minLength: 3, maxLength: 500 } },
      },
    },
  },
  RunFlowTests: {
    type: 'object',
    additionalProperties: false,
    properties: {
      flow: {
        type: 'object',
        description: "A document to test instead of the stored draft (the designer's unsaved edits).",
      },
      testIds: { type: 'array', maxItems: 500, items: { type: 'string' }, description: 'Run only these tests.' },
    },
  },
  Rollback: {
    type: 'object',
    required: ['version'],
    additionalProperties: false,
    properties: { version: { type: 'integer', minimum: 1 } },
  },
  ImportFlow: {
    type: 'object',
    description:
      'An Omniflow flow document, or an Amazon Connect / Twilio Studio flow export, or several exports as `{ "documents": [...] }` (see ImportFlows).',
  },
  ImportFlows: {
    type: 'object',
    required: ['documents'],
    additionalProperties: false,
    properties: {
      documents: {
        type: 'array',
        minItems: 1,
        maxItems: 200,
        items: {
          type: 'object',
          required: ['document'],
          additionalProperties: false,
          properties: {
            name: {
              type: 'string',
              minLength: 1,
              maxLength: 200,
              description: 'The file name; it names the flow (main.json → main) and what other documents call it.',
            },
            document: { type: 'object', description: 'An Amazon Connect or Twilio Studio flow export.' },
          },
        },
      },
      publish: { type: 'boolean', description: 'Publish every imported flow, called flows first (publisher role).' },
    },
  },
  StartSession: {
    type: 'object',
    required: ['flowId', 'channel'],
    additionalProperties: false,
    properties: {
      flowId: { type: 'string', pattern: ID_PATTERN },
      channel: { enum: ['dtmf', 'voice', 'chat'] },
      locale: { type: 'string', pattern: LOCALE_PATTERN },
      callerData: {
        type: 'object',
        maxProperties: 50,
        description: "Initial values of the flow's own declared variables (a campaign row's fields…).",
      },
      contact: {
        ...contactInputJsonSchema,
        description:
          'What the channel knows about the contact, read by the flow as contact.direction, contact.callerNumber, contact.dialedNumber and contact.attributes.<name> (strings only).',
      },
      draft: {
        type: 'boolean',
        description: 'Run the current draft instead of the live version (editor tokens only).',
      },
    },
  },
  SessionInput: {
    type: 'object',
    required: ['input'],
    additionalProperties: false,
    properties: { input: inputEvent },
  },
  CreateToken: {
    type: 'object',
    required: ['role'],
    additionalProperties: false,
    properties: {
      role: { enum: ['viewer', 'editor', 'publisher', 'admin'] },
      label: { type: 'string', maxLength: 200 },
      expiresInSeconds: { type: 'integer', minimum: 60 },
    },
  },
  CreateChannelToken: {
    type: 'object',
    additionalProperties: false,
    properties: { label: { type: 'string', maxLength: 200 } },
  },
  ChatSocketMessage: {
    type: 'object',
    required: ['type'],
    discriminator: { propertyName: 'type' },
    oneOf: [
      {
        properties: {
          type: { const: 'start' },
          flowId: { type: 'string', pattern: ID_PATTERN },
          locale: { type: 'string', pattern: LOCALE_PATTERN },
          callerData: { type: 'object', maxProperties: 50 },
          contact: contactInputJsonSchema,
          inputId,
        },
        required: ['type'],
        additionalProperties: false,
      },
      {
        properties: { type: { const: 'resume' }, sessionId: { type: 'string', maxLength: 200 } },
        required: ['type', 'sessionId'],
        additionalProperties: false,
      },
      {
        properties: { type: { const: 'input' }, input: inputEvent, inputId },
        required: ['type', 'input'],
        additionalProperties: false,
      },
      { properties: { type: { const: 'end' }, inputId }, required: ['type'], additionalProperties: false },
    ],
  },
} as const;

/** Names of the request body schemas. */
export type RequestSchemaName = keyof typeof REQUEST_SCHEMAS;

/** The JSON Schema of one caller input event, shared by the HTTP API and the chat WebSocket. */
export const INPUT_EVENT_SCHEMA = inputEvent;
