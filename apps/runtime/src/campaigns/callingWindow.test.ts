import { describe, expect, it } from 'vitest';
import { isWindowOpen, nextWindowOpening, scheduleProblem, type CampaignSchedule } from './callingWindow.ts';

const weekdays9to20: CampaignSchedule = {
  startAt: '2026-03-01T00:00:00Z',
  endAt: '2026-12-31T00:00:00Z',
  days: [1, 2, 3, 4, 5, 6, 0],
  holidays: [],
  window: { start: '09:00', end: '20:00' },
};

const at = (iso: string) => new Date(iso);

describe('isWindowOpen', () => {
  it('reads the window in each recipient zone', () => {
    // 01:00Z is 10:00 in Seoul and 20:00 (closed) the evening before in New York.
    expect(isWindowOpen(weekdays9to20, ['Asia/Seoul'], at('2026-06-10T01:00:00Z'))).toBe(true);
    expect(isWindowOpen(weekdays9to20, ['America/New_York'], at('2026-06-10T01:00:00Z'))).toBe(false);
    expect(isWindowOpen(weekdays9to20, ['Asia/Shanghai'], at('2026-06-10T01:00:00Z'))).toBe(true);
  });

  it('needs every zone open when a number may be in several', () => {
    // 14:30Z: 10:30 in New York, 07:30 in Los Angeles.
    expect(isWindowOpen(weekdays9to20, ['America/New_York'], at('2026-06-10T14:30:00Z'))).toBe(true);
    expect(isWindowOpen(weekdays9to20, ['America/New_York', 'America/Los_Angeles'], at('2026-06-10T14:30:00Z'))).toBe(
      false,
    );
  });

  it('keeps local days and holidays and the campaign dates', () => {
    const weekdaysOnly = { ...weekdays9to20, days: [1, 2, 3, 4, 5], holidays: ['2026-06-10'] };
    expect(isWindowOpen(weekdaysOnly, ['Asia/Seoul'], at('2026-06-10T01:00:00Z'))).toBe(false); // a holiday
    expect(isWindowOpen(weekdaysOnly, ['Asia/Seoul'], at('2026-06-11T01:00:00Z'))).toBe(true); // Thursday
    expect(isWindowOpen(weekdaysOnly, ['Asia/Seoul'], at('2026-06-13T01:00:00Z'))).toBe(false); // Saturday
    expect(isWindowOpen(weekdays9to20, ['Asia/Seoul'], at('2026-12-31T01:00:00Z'))).toBe(false); // after endAt
  });

  it('follows the DST change: 09:00 local is 14:00Z before and 13:00Z after in New York', () => {
    // 2026-03-08 02:00 EST → 03:00 EDT.
    expect(isWindowOpen(weekdays9to20, ['America/New_York'], at('2026-03-07T13:30:00Z'))).toBe(false);
    expect(isWindowOpen(weekdays9to20, ['America/New_York'], at('2026-03-07T14:00:00Z'))).toBe(true);
    expect(isWindowOpen(weekdays9to20, ['America/New_York'], at('2026-03-09T13:00:00Z'))).toBe(true);
    expect(isWindowOpen(weekdays9to20, ['America/New_York'], at('2026-03-09T12:59:00Z'))).toBe(false);
    // Closing: 20:00 EDT is 00:00Z.
    expect(isWindowOpen(weekdays9to20, ['America/New_York'], at('2026-03-09T23:59:00Z'))).toBe(true);
    expect(isWindowOpen(weekdays9to20, ['America/New_York'], at('2026-03-10T00:00:00Z'))).toBe(false);
  });
});

describe('nextWindowOpening', () => {
  it('finds the next local opening across the spring DST change', () => {
    // Saturday 21:00 EST → Sunday 09:00 EDT (13:00Z), not 14:00Z.
    expect(nextWindowOpening(weekdays9to20, ['America/New_York'], at('2026-03-08T02:00:00Z'))?.toISOString()).toBe(
      '2026-03-08T13:00:00.000Z',
    );
  });

  it('finds the next local opening across the autumn DST change in London', () => {
    // 2026-10-25 02:00 BST → 01:00 GMT: Sunday 09:00 is 09:00Z, Saturday's was 08:00Z.
    expect(nextWindowOpening(weekdays9to20, ['Europe/London'], at('2026-10-24T20:00:00Z'))?.toISOString()).toBe(
      '2026-10-25T09:00:00.000Z',
    );
    expect(nextWindowOpening(weekdays9to20, ['Europe/London'], at('2026-10-23T20:00:00Z'))?.toISOString()).toBe(
      '2026-10-24T08:00:00.000Z',
    );
  });

  it('skips a window that falls into the hour the clocks jump over', () => {
    const night = { ...weekdays9to20, window: { start: '02:00', end: '03:00' } };
    // No 02:00–03:00 on 2026-03-08 in New York: the next is Monday 02:00 EDT (06:00Z).
    expect(nextWindowOpening(night, ['America/New_York'], at('2026-03-08T05:00:00Z'))?.toISOString()).toBe(
      '2026-03-09T06:00:00.000Z',
    );
  });

  it('waits for the overlap of several zones and for the campaign start', () => {
    const opening = nextWindowOpening(
      weekdays9to20,
      ['America/New_York', 'America/Los_Angeles'],
      at('2026-06-10T12:00:00Z'),
    );
    expect(opening?.toISOString()).toBe('2026-06-10T16:00:00.000Z'); // 09:00 in Los Angeles
    expect(nextWindowOpening(weekdays9to20, ['Asia/Seoul'], at('2026-01-01T00:00:00Z'))?.toISOString()).toBe(
      '2026-03-01T00:00:00.000Z', // 09:00 in Seoul on the start day
    );
  });

  it('skips holidays and closed days, and says when the window never opens again', () => {
    const weekdays = { ...weekdays9to20, days: [1, 2, 3, 4, 5], holidays: ['2026-06-15'] };
    // Friday 21:00 in Seoul → Monday is a holiday → Tuesday 09:00 KST.
    expect(nextWindowOpening(weekdays, ['Asia/Seoul'], at('2026-06-12T12:00:00Z'))?.toISOString()).toBe(
      '2026-06-16T00:00:00.000Z',
    );
    const short = { ...weekdays, startAt: '2026-06-13T00:00:00Z', endAt: '2026-06-15T00:00:00Z' };
    expect(nextWindowOpening(short, ['Asia/Seoul'], at('2026-06-13T00:00:00Z'))).toBeUndefined();
  });

  it('is never earlier than an open instant it was asked from', () => {
    const from = at('2026-06-10T03:17:00Z');
    expect(nextWindowOpening(weekdays9to20, ['Asia/Seoul'], from)).toEqual(from);
  });
});

describe('scheduleProblem', () => {
  it('names a window that never opens and other impossible schedules', () => {
    expect(scheduleProblem(weekdays9to20)).toBeUndefined();
    expect(scheduleProblem({ ...weekdays9to20, window: { start: '20:00', end: '09:00' } })?.message).toMatch(
      /never opens/,
    );
    expect(scheduleProblem({ ...weekdays9to20, days: [] })?.pointer).toBe('/schedule/days');
    expect(scheduleProblem({ ...weekdays9to20, endAt: weekdays9to20.startAt })?.pointer).toBe('/schedule/endAt');
    expect(scheduleProblem({ ...weekdays9to20, window: { start: '9am', end: '20:00' } })?.pointer).toBe(
      '/schedule/window/start',
    );
  });
});
