import type { HoursConfig } from '@omniflow/flow-schema';
import { defineNodeType } from '../../nodeTypes/defineNodeType.ts';
import { hoursRuntime } from './hoursRuntime.ts';

const time = { type: 'string', pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$' };

/** `hours` — checks a business calendar in its time zone; ports `open`, `closed`, `holiday`. */
export const hoursNode = defineNodeType<HoursConfig>({
  spec: {
    type: 'hours',
    version: 1,
    title: 'Business hours',
    description: 'Branches on whether the business is open now, closed, or on a holiday, in the calendar\'s time zone.',
    category: 'Logic',
    icon: '🕘',
    behaviour: 'automatic',
    configSchema: {
      type: 'object',
      required: ['timeZone', 'weekly'],
      properties: {
        timeZone: { type: 'string', minLength: 1 },
        weekly: {
          type: 'array',
          items: {
            type: 'object',
            required: ['day', 'open', 'close'],
            properties: { day: { type: 'string', enum: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] }, open: time, close: time },
            additionalProperties: false,
          },
        },
        holidays: {
          type: 'array',
          items: { type: 'object', required: ['date'], properties: { date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }, name: { type: 'string' } }, additionalProperties: false },
        },
      },
      additionalProperties: false,
    },
    defaults: {
      timeZone: 'UTC',
      weekly: ['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => ({ day, open: '09:00', close: '17:00' })),
      holidays: [],
    },
    ports: [{ name: 'open', label: 'Open' }, { name: 'closed', label: 'Closed' }, { name: 'holiday', label: 'Holiday' }],
    ui: {
      '/timeZone': { widget: 'text', label: 'Time zone (IANA, e.g. Asia/Seoul)', order: 1 },
      '/weekly': { widget: 'table', label: 'Opening hours', columns: ['day', 'open', 'close'], order: 2 },
      '/holidays': { widget: 'table', label: 'Holidays', columns: ['date', 'name'], order: 3 },
    },
  },
  runtime: hoursRuntime,
});
