import { defineNodeSpec } from '@omniflow/flow-schema';
import { Type, type Static } from 'typebox';

const time = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$' });

const openingHoursSchema = Type.Object(
  {
    day: Type.Enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], { type: 'string' }),
    /** `HH:MM`, 24-hour, in the calendar's time zone. */
    open: time,
    close: time,
  },
  { additionalProperties: false },
);

/** Schema of an `hours` node's config. */
export const hoursConfigSchema = Type.Object(
  {
    /** IANA time zone, e.g. `Asia/Seoul`. */
    timeZone: Type.String({ minLength: 1 }),
    weekly: Type.Array(openingHoursSchema),
    /** Closed dates, `YYYY-MM-DD` in the calendar's time zone. */
    holidays: Type.Optional(
      Type.Array(
        Type.Object(
          { date: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }), name: Type.Optional(Type.String()) },
          { additionalProperties: false },
        ),
      ),
    ),
  },
  { additionalProperties: false },
);

/** An `hours` node's config. */
export type HoursConfig = Static<typeof hoursConfigSchema>;

/** One weekday opening interval of a business calendar. */
export type OpeningHours = Static<typeof openingHoursSchema>;

const nineToFive = (day: OpeningHours['day']): OpeningHours => ({ day, open: '09:00', close: '17:00' });

/** `hours` — checks a business calendar in its time zone; ports `open`, `closed`, `holiday`. */
export const hoursSpec = defineNodeSpec({
  type: 'hours',
  version: 1,
  category: 'Logic',
  icon: '🕘',
  behaviour: 'automatic',
  config: hoursConfigSchema,
  defaults: {
    timeZone: 'UTC',
    weekly: [nineToFive('mon'), nineToFive('tue'), nineToFive('wed'), nineToFive('thu'), nineToFive('fri')],
    holidays: [],
  },
  ports: [{ name: 'open' }, { name: 'closed' }, { name: 'holiday' }],
  ui: {
    '/timeZone': { widget: 'text', order: 1 },
    '/weekly': { widget: 'table', columns: ['day', 'open', 'close'], order: 2 },
    '/holidays': { widget: 'table', columns: ['date', 'name'], order: 3 },
  },
  labels: {
    en: {
      title: 'Business hours',
      description:
        "Branches on whether the business is open now, closed, or on a holiday, in the calendar's time zone.",
      fields: {
        '/weekly/*/day': { label: 'Day' },
        '/weekly/*/open': { label: 'Open' },
        '/weekly/*/close': { label: 'Close' },
        '/holidays/*/date': { label: 'Date' },
        '/holidays/*/name': { label: 'Name' },
        '/timeZone': { label: 'Time zone (IANA, e.g. Asia/Seoul)' },
        '/weekly': { label: 'Opening hours' },
        '/holidays': { label: 'Holidays' },
      },
      ports: { open: 'Open', closed: 'Closed', holiday: 'Holiday' },
    },
    'zh-CN': {
      title: '营业时间',
      category: '逻辑',
      description: '按日历所在时区判断当前是营业中、已下班还是节假日。',
      fields: {
        '/weekly/*/day': { label: '星期' },
        '/weekly/*/open': { label: '开始时间' },
        '/weekly/*/close': { label: '结束时间' },
        '/holidays/*/date': { label: '日期' },
        '/holidays/*/name': { label: '名称' },
        '/timeZone': { label: '时区（IANA，例如 Asia/Shanghai）' },
        '/weekly': { label: '营业时间' },
        '/holidays': { label: '节假日' },
      },
      ports: { open: '营业中', closed: '已下班', holiday: '节假日' },
    },
    ko: {
      title: '영업시간',
      category: '로직',
      description: '달력의 시간대 기준으로 지금 영업 중인지, 영업 종료인지, 휴일인지에 따라 분기합니다.',
      fields: {
        '/weekly/*/day': { label: '요일' },
        '/weekly/*/open': { label: '시작 시간' },
        '/weekly/*/close': { label: '종료 시간' },
        '/holidays/*/date': { label: '날짜' },
        '/holidays/*/name': { label: '이름' },
        '/timeZone': { label: '시간대 (IANA, 예: Asia/Seoul)' },
        '/weekly': { label: '영업시간' },
        '/holidays': { label: '휴일' },
      },
      ports: { open: '영업 중', closed: '영업 종료', holiday: '휴일' },
    },
  },
});
