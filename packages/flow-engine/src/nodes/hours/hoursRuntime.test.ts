import { describe, expect, it } from 'vitest';
import { CHANNELS } from '@omniflow/flow-schema';
import { buildTestFlow, en } from '../../testing/buildTestFlow.ts';
import { ManualClock } from '../../testing/ManualClock.ts';
import { startTestSession } from '../../testing/startTestSession.ts';

const flow = buildTestFlow([
  {
    id: 'hours',
    type: 'hours',
    config: {
      timeZone: 'Asia/Seoul',
      weekly: [{ day: 'mon', open: '09:00', close: '18:00' }],
      holidays: [{ date: '2026-01-12', name: 'Company day' }],
    },
    to: { open: 'open', closed: 'closed', holiday: 'holiday' },
  },
  { id: 'open', type: 'end', config: { prompt: en('We are open.') } },
  { id: 'closed', type: 'end', config: { prompt: en('We are closed.') } },
  { id: 'holiday', type: 'end', config: { prompt: en('Happy holiday.') } },
]);

const at = (iso: string) => new ManualClock({ start: Date.parse(iso) });

describe('hours', () => {
  for (const channel of CHANNELS) {
    it(`decides open, closed and holiday in the calendar's time zone (${channel})`, async () => {
      // Monday 2026-01-05 09:30 in Seoul is 00:30 UTC the same day.
      await startTestSession(flow, channel, { clock: at('2026-01-05T00:30:00Z') }).expectPrompt('We are open.');
      // Monday 08:30 in Seoul: still closed, though it is Sunday evening in UTC.
      await startTestSession(flow, channel, { clock: at('2026-01-04T23:30:00Z') }).expectPrompt('We are closed.');
      const { last } = await startTestSession(flow, channel, { clock: at('2026-01-12T01:00:00Z') }).expectPrompt(
        'Happy holiday.',
      );
      expect(last.transcript.some((entry) => entry.port === 'holiday')).toBe(true);
    });
  }
});
