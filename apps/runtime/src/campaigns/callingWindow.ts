/** When a campaign may call: its dates, week days, holidays and a daily window in each recipient's local time. */
export interface CampaignSchedule {
  /** ISO instant the campaign starts calling (inclusive). */
  startAt: string;
  /** ISO instant it stops calling (exclusive). */
  endAt: string;
  /** Allowed local week days, 0 = Sunday … 6 = Saturday. */
  days: number[];
  /** Local dates (YYYY-MM-DD) with no calls. */
  holidays: string[];
  /** Daily local window, `HH:MM` (start inclusive, end exclusive). */
  window: { start: string; end: string };
}

/** A local wall-clock reading of an instant in one zone. */
interface LocalTime {
  date: string;
  weekday: number;
  minutes: number;
}

/** True when `at` is inside the schedule in every one of `zones` (a number whose zone is unsure must fit them all). */
export function isWindowOpen(schedule: CampaignSchedule, zones: readonly string[], at: Date): boolean {
  const t = at.getTime();
  if (t < Date.parse(schedule.startAt) || t >= Date.parse(schedule.endAt)) return false;
  return zones.every((zone) => isOpenIn(schedule, localTime(at, zone)));
}

/**
 * The first instant at or after `from` when the window is open in all `zones`, or `undefined` when it does not open
 * again before the schedule ends. Jumps from opening to opening (never scans minutes), so DST changes are exact.
 */
export function nextWindowOpening(schedule: CampaignSchedule, zones: readonly string[], from: Date): Date | undefined {
  const end = Date.parse(schedule.endAt);
  let candidate = Math.max(from.getTime(), Date.parse(schedule.startAt));
  // Each pass moves to the latest next-opening among the closed zones; a year of days bounds it.
  for (let pass = 0; pass < 2_000 && candidate < end; pass++) {
    let latest = candidate;
    for (const zone of zones) {
      if (isOpenIn(schedule, localTime(new Date(candidate), zone))) continue;
      const opening = nextOpeningIn(schedule, zone, candidate);
      if (opening === undefined) return undefined;
      latest = Math.max(latest, opening);
    }
    if (latest === candidate) return new Date(candidate);
    candidate = latest;
  }
  return undefined;
}

/** A reason the schedule itself can never call anyone, or `undefined` when it is well formed. */
export function scheduleProblem(schedule: CampaignSchedule): { message: string; pointer: string } | undefined {
  const start = Date.parse(schedule.startAt);
  const end = Date.parse(schedule.endAt);
  if (Number.isNaN(start)) return { message: 'startAt is not an ISO date-time.', pointer: '/schedule/startAt' };
  if (Number.isNaN(end)) return { message: 'endAt is not an ISO date-time.', pointer: '/schedule/endAt' };
  if (end <= start) return { message: 'endAt must be after startAt.', pointer: '/schedule/endAt' };
  const open = minutesOf(schedule.window.start);
  const close = minutesOf(schedule.window.end);
  if (open === undefined)
    return { message: 'window.start must be HH:MM (00:00–23:59).', pointer: '/schedule/window/start' };
  if (close === undefined)
    return { message: 'window.end must be HH:MM (00:00–24:00).', pointer: '/schedule/window/end' };
  if (close <= open)
    return { message: 'The window never opens: window.end must be after window.start.', pointer: '/schedule/window' };
  if (schedule.days.length === 0 || schedule.days.some((d) => !Number.isInteger(d) || d < 0 || d > 6))
    return { message: 'days must list week days 0 (Sunday) to 6 (Saturday), at least one.', pointer: '/schedule/days' };
  const badHoliday = schedule.holidays.findIndex((h) => !/^\d{4}-\d{2}-\d{2}$/.test(h));
  if (badHoliday >= 0)
    return { message: 'Holidays are local dates YYYY-MM-DD.', pointer: `/schedule/holidays/${badHoliday}` };
  return undefined;
}

/** The wall-clock date, week day and minute of day of `at` in `zone`. */
export function localTime(at: Date, zone: string): LocalTime {
  const parts = cachedFormatter(zone, 'local').formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  const hour = Number(get('hour')) % 24;
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    weekday: WEEKDAYS.indexOf(get('weekday')),
    minutes: hour * 60 + Number(get('minute')),
  };
}

/** The instant a local wall-clock time has in `zone`; a time skipped by a DST jump maps just past the jump. */
export function zonedInstant(date: string, minutes: number, zone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, 0, minutes);
  let instant = wall - offsetAt(wall, zone);
  const second = wall - offsetAt(instant, zone);
  // In a gap neither guess reads back as the wall time; the later one lands after the jump.
  if (second !== instant) instant = Math.max(instant, second);
  return instant;
}

function isOpenIn(schedule: CampaignSchedule, local: LocalTime): boolean {
  const open = minutesOf(schedule.window.start) ?? 0;
  const close = minutesOf(schedule.window.end) ?? 0;
  return (
    schedule.days.includes(local.weekday) &&
    !schedule.holidays.includes(local.date) &&
    local.minutes >= open &&
    local.minutes < close
  );
}

/** The next window opening in one zone strictly after a closed instant, day by day (at most 400 local days). */
function nextOpeningIn(schedule: CampaignSchedule, zone: string, after: number): number | undefined {
  const open = minutesOf(schedule.window.start) ?? 0;
  const local = localTime(new Date(after), zone);
  let date = local.date;
  for (let day = 0; day < 400; day++) {
    const instant = zonedInstant(date, open, zone);
    // An opening inside a DST gap reads back as the hour after it, which may be past the window: then try the next day.
    if (instant > after && isOpenIn(schedule, localTime(new Date(instant), zone))) return instant;
    date = addDays(date, 1);
  }
  return undefined;
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

function offsetAt(instant: number, zone: string): number {
  const parts = cachedFormatter(zone, 'offset').formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'));
  return asUtc - (instant - (instant % 1000));
}

function minutesOf(text: string): number | undefined {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  if (!match) return undefined;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return Number(match[2]) < 60 && minutes <= 24 * 60 ? minutes : undefined;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const formatters = new Map<string, Intl.DateTimeFormat>();

/** One cached formatter per zone and shape: building an Intl formatter costs far more than using one. */
function cachedFormatter(zone: string, shape: 'local' | 'offset'): Intl.DateTimeFormat {
  const key = `${shape} ${zone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: shape === 'local' ? '2-digit' : 'numeric',
      day: shape === 'local' ? '2-digit' : 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      ...(shape === 'local' ? { weekday: 'short' } : { second: 'numeric' }),
    });
    formatters.set(key, formatter);
  }
  return formatter;
}
