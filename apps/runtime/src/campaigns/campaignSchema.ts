const rule = {
  type: 'object',
  additionalProperties: false,
  required: ['retryAfterMinutes', 'maxAttempts', 'smsFallback'],
  properties: {
    retryAfterMinutes: { type: 'number', minimum: 0, maximum: 10_080 },
    maxAttempts: { type: 'integer', minimum: 1, maximum: 20 },
    smsFallback: { type: 'boolean' },
  },
} as const;

/** JSON Schema of a campaign's settings as the API takes them (`POST /api/campaigns`, `PUT /api/campaigns/:id`). */
export const CAMPAIGN_CONFIG_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'flowId', 'schedule', 'pacing'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 200 },
    flowId: { type: 'string', minLength: 1, maxLength: 200 },
    locale: { type: 'string', minLength: 2, maxLength: 35 },
    defaultRegion: { type: 'string', pattern: '^[A-Za-z]{2}$' },
    dialer: { enum: ['simulator', 'twilio'] },
    optOutKey: { type: 'string', pattern: '^[0-9*#]$' },
    schedule: {
      type: 'object',
      additionalProperties: false,
      required: ['startAt', 'endAt', 'window'],
      properties: {
        startAt: { type: 'string', minLength: 1 },
        endAt: { type: 'string', minLength: 1 },
        days: { type: 'array', items: { type: 'integer', minimum: 0, maximum: 6 }, maxItems: 7 },
        holidays: { type: 'array', items: { type: 'string' }, maxItems: 1000 },
        window: {
          type: 'object',
          additionalProperties: false,
          required: ['start', 'end'],
          properties: { start: { type: 'string' }, end: { type: 'string' } },
        },
      },
    },
    pacing: {
      type: 'object',
      additionalProperties: false,
      required: ['maxConcurrent', 'callsPerSecond'],
      properties: {
        maxConcurrent: { type: 'integer', minimum: 1, maximum: 10_000 },
        callsPerSecond: { type: 'number', exclusiveMinimum: 0, maximum: 1_000 },
      },
    },
    strategy: {
      type: 'object',
      additionalProperties: false,
      properties: {
        rules: {
          type: 'object',
          additionalProperties: false,
          properties: { busy: rule, noAnswer: rule, failed: rule, machine: rule },
        },
        smsTemplate: { type: 'object', additionalProperties: { type: 'string', maxLength: 1600 } },
      },
    },
  },
} as const;
