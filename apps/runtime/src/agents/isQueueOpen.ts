import type { BusinessHours, Weekday } from './contactCenterTypes.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Whether a queue with these hours is open at `at` (epoch ms) in its own time zone; no hours means always open. */
export function isQueueOpen(hours: BusinessHours | undefined, at: number): boolean {
  if (!hours) return true;
  const { day, minutes } = localTime(hours.timeZone, at);
  return hours.days.some(
    (slot) => slot.day === day && minutes >= toMinutes(slot.open) && minutes < toMinutes(slot.close),
  );
}

/** Whether `timeZone` is an IANA zone this runtime knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone.length > 0;
  } catch {
    return false;
  }
}

function localTime(timeZone: string, at: number): { day: Weekday; minutes: number } {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, format);
  }
  const parts = format.formatToParts(at);
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return { day: part('weekday') as Weekday, minutes: Number(part('hour')) * 60 + Number(part('minute')) };
}

/** `HH:MM` → minutes after midnight; `24:00` closes at the end of the day. */
function toMinutes(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}
