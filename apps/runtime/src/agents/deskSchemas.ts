/** Ids of queues and agents: URL-safe, short. */
const ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$';
const LOCALE_PATTERN = '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$';
const TIME_PATTERN = '^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$';
const skillName = { type: 'string', minLength: 1, maxLength: 64 } as const;

/** The request bodies of the contact-center API (issue 16), validated and published like the others. */
export const DESK_SCHEMAS = {
  PutQueue: {
    type: 'object',
    required: ['name'],
    additionalProperties: false,
    properties: {
      name: { type: 'string', minLength: 1, maxLength: 200 },
      skills: {
        type: 'array',
        maxItems: 20,
        items: {
          type: 'object',
          required: ['skill'],
          additionalProperties: false,
          properties: { skill: skillName, minLevel: { type: 'integer', minimum: 1, maximum: 5 } },
        },
      },
      priority: { type: 'integer', minimum: 1, maximum: 10 },
      hours: {
        type: 'object',
        required: ['timeZone', 'days'],
        additionalProperties: false,
        properties: {
          timeZone: { type: 'string', minLength: 1, maxLength: 64 },
          days: {
            type: 'array',
            maxItems: 21,
            items: {
              type: 'object',
              required: ['day', 'open', 'close'],
              additionalProperties: false,
              properties: {
                day: { enum: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] },
                open: { type: 'string', pattern: TIME_PATTERN },
                close: { type: 'string', pattern: TIME_PATTERN },
              },
            },
          },
        },
      },
      maxWaitSeconds: { type: 'integer', minimum: 10, maximum: 86_400 },
      overflow: {
        type: 'object',
        required: ['kind'],
        discriminator: { propertyName: 'kind' },
        oneOf: [
          {
            properties: { kind: { const: 'queue' }, queueId: { type: 'string', pattern: ID_PATTERN } },
            required: ['kind', 'queueId'],
            additionalProperties: false,
          },
          {
            properties: { kind: { const: 'flow' }, flowId: { type: 'string', minLength: 1, maxLength: 128 } },
            required: ['kind', 'flowId'],
            additionalProperties: false,
          },
          { properties: { kind: { const: 'callback' } }, required: ['kind'], additionalProperties: false },
          { properties: { kind: { const: 'voicemail' } }, required: ['kind'], additionalProperties: false },
        ],
      },
      offerTimeoutSeconds: { type: 'integer', minimum: 5, maximum: 120 },
      afterCallWorkSeconds: { type: 'integer', minimum: 0, maximum: 3600 },
      dispositions: {
        type: 'array',
        maxItems: 50,
        items: { type: 'string', minLength: 1, maxLength: 64 },
      },
      holdPromptSeconds: { type: 'integer', minimum: 10, maximum: 600 },
      callbackKey: { type: 'string', pattern: '^([0-9*#]|none)$' },
    },
  },
  PutAgent: {
    type: 'object',
    required: ['name', 'login'],
    additionalProperties: false,
    properties: {
      name: { type: 'string', minLength: 1, maxLength: 200 },
      login: { type: 'string', pattern: ID_PATTERN },
      password: { type: 'string', minLength: 8, maxLength: 200 },
      role: { enum: ['agent', 'supervisor'] },
      skills: {
        type: 'array',
        maxItems: 50,
        items: {
          type: 'object',
          required: ['skill', 'level'],
          additionalProperties: false,
          properties: { skill: skillName, level: { type: 'integer', minimum: 1, maximum: 5 } },
        },
      },
      languages: { type: 'array', minItems: 1, maxItems: 20, items: { type: 'string', pattern: LOCALE_PATTERN } },
      maxChats: { type: 'integer', minimum: 1, maximum: 10 },
      queues: { type: 'array', maxItems: 50, items: { type: 'string', pattern: ID_PATTERN } },
      phone: { type: 'string', pattern: '^(\\+[1-9][0-9]{6,14}|sips?:[^\\s<>"]{3,200})$' },
    },
  },
  DeskSignIn: {
    type: 'object',
    required: ['login', 'password'],
    additionalProperties: false,
    properties: { login: { type: 'string', maxLength: 200 }, password: { type: 'string', maxLength: 200 } },
  },
  DeskState: {
    type: 'object',
    required: ['state'],
    additionalProperties: false,
    properties: {
      state: { enum: ['offline', 'available', 'break'] },
      reason: { type: 'string', minLength: 1, maxLength: 100 },
    },
  },
  DeskMessage: {
    type: 'object',
    required: ['id', 'text'],
    additionalProperties: false,
    properties: {
      id: { type: 'string', minLength: 8, maxLength: 100, pattern: '^[A-Za-z0-9_:.-]+$' },
      text: { type: 'string', minLength: 1, maxLength: 4000 },
    },
  },
  DeskWrapUp: {
    type: 'object',
    required: ['disposition'],
    additionalProperties: false,
    properties: {
      disposition: { type: 'string', minLength: 1, maxLength: 64 },
      notes: { type: 'string', maxLength: 4000 },
    },
  },
  DeskTransfer: {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    oneOf: [{ required: ['queueId'] }, { required: ['agentId'] }],
    properties: {
      queueId: { type: 'string', pattern: ID_PATTERN },
      agentId: { type: 'string', pattern: ID_PATTERN },
      note: { type: 'string', maxLength: 1000 },
    },
  },
  DeskSendToFlow: {
    type: 'object',
    required: ['flowId'],
    additionalProperties: false,
    properties: {
      flowId: { type: 'string', minLength: 1, maxLength: 128 },
      nodeId: { type: 'string', minLength: 1, maxLength: 128 },
    },
  },
  DeskVoiceControl: {
    type: 'object',
    required: ['type'],
    oneOf: [
      {
        properties: { type: { enum: ['mute', 'hold'] }, on: { type: 'boolean' } },
        required: ['type', 'on'],
        additionalProperties: false,
      },
      { properties: { type: { const: 'hangup' } }, required: ['type'], additionalProperties: false },
    ],
  },
  DeskMove: {
    type: 'object',
    required: ['queueId'],
    additionalProperties: false,
    properties: { queueId: { type: 'string', pattern: ID_PATTERN } },
  },
  LiveChatMessage: {
    type: 'object',
    required: ['type'],
    discriminator: { propertyName: 'type' },
    oneOf: [
      {
        properties: {
          type: { const: 'chat' },
          id: { type: 'string', minLength: 8, maxLength: 100, pattern: '^[A-Za-z0-9_:.-]+$' },
          text: { type: 'string', minLength: 1, maxLength: 4000 },
        },
        required: ['type', 'id', 'text'],
        additionalProperties: false,
      },
      { properties: { type: { const: 'typing' } }, required: ['type'], additionalProperties: false },
      {
        properties: { type: { const: 'seen' }, seq: { type: 'integer', minimum: 0 } },
        required: ['type', 'seq'],
        additionalProperties: false,
      },
      {
        properties: {
          type: { const: 'resumeChat' },
          contactId: { type: 'string', minLength: 1, maxLength: 200 },
          afterSeq: { type: 'integer', minimum: 0 },
        },
        required: ['type', 'contactId', 'afterSeq'],
        additionalProperties: false,
      },
      { properties: { type: { const: 'leave' } }, required: ['type'], additionalProperties: false },
      {
        properties: { type: { const: 'flowInput' }, input: { type: 'object' } },
        required: ['type', 'input'],
        additionalProperties: false,
      },
    ],
  },
} as const;

/** The live-chat message types a chat client sends once its contact is with the agents. */
export const LIVE_CHAT_TYPES = new Set(['chat', 'typing', 'seen', 'resumeChat', 'leave', 'flowInput']);

/** Whether a queue or agent id is well formed. */
export function isDeskId(value: string): boolean {
  return new RegExp(ID_PATTERN).test(value);
}
