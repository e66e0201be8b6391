import type { HoursConfig } from './hoursSpec.ts';
import type { AutomaticRuntime } from '../../nodeTypes/nodeRuntime.ts';

/** Leaves by `holiday` on a listed date, `open` inside a weekly interval, else `closed` — all in the calendar's zone. */
export const hoursRuntime: AutomaticRuntime<HoursConfig> = {
  kind: 'automatic',
  run: (config, scope) => {
    const local = localTime(scope.now(), config.timeZone);
    if ((config.holidays ?? []).some((holiday) => holiday.date === local.date)) return { port: 'holiday' };
    const open = config.weekly.some(
      (slot) => slot.day === local.day && slot.open <= local.time && local.time < slot.close,
    );
    return { port: open ? 'open' : 'closed' };
  },
};

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The weekday (`mon`…), date (`YYYY-MM-DD`) and time (`HH:MM`) of an instant in an IANA time zone. */
export function localTime(epochMs: number, timeZone: string): { day: string; date: string; time: string } {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, format);
  }
  const parts: Record<string, string> = {};
  for (const part of format.formatToParts(epochMs)) parts[part.type] = part.value;
  return {
    day: (parts.weekday ?? '').slice(0, 3).toLowerCase(),
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
  };
}
