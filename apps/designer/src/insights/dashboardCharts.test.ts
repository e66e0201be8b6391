import { describe, expect, it } from 'vitest';
import { dashboardCharts } from './dashboardCharts.ts';

const words = { outcome: (o: string) => o.toUpperCase(), channel: (c: string) => `ch:${c}` };

describe('dashboardCharts (issue 17)', () => {
  it('stacks contacts per day by outcome and sums channels across outcomes', () => {
    const charts = dashboardCharts(
      {
        volume: [
          { day: '2026-12-01', channel: 'chat', outcome: 'completed', contacts: 3 },
          { day: '2026-12-01', channel: 'voice', outcome: 'completed', contacts: 2 },
          { day: '2026-12-02', channel: 'chat', outcome: 'transferred', contacts: 4 },
        ],
        containment: { contacts: 9, contained: 5 },
        transferReasons: [{ reason: 'escalation:angry', contacts: 4 }],
        sentiment: [],
        topCategories: [],
      },
      [
        { day: '2026-12-01', flowId: 'a', queue: null, agentId: null, contacts: 1, averageScore: 100 },
        { day: '2026-12-01', flowId: 'a', queue: 'care', agentId: 'ana', contacts: 2, averageScore: 50 },
        { day: '2026-12-01', flowId: 'a', queue: 'care', agentId: 'bo', contacts: 1, averageScore: 80 },
        { day: '2026-12-02', flowId: 'a', queue: 'cards', agentId: 'bo', contacts: 1, averageScore: 40 },
      ],
      words,
    );
    expect(charts.byOutcome['series']).toEqual([
      { name: 'COMPLETED', type: 'bar', stack: 'contacts', data: [5, 0] },
      { name: 'TRANSFERRED', type: 'bar', stack: 'contacts', data: [0, 4] },
    ]);
    expect(charts.byChannel['series']).toMatchObject([
      {
        data: [
          { name: 'ch:chat', value: 7 },
          { name: 'ch:voice', value: 2 },
        ],
      },
    ]);
    expect(charts.qaTrend['series']).toMatchObject([{ data: [70, 40] }]);
    // Per agent and per queue over time; a day without the agent's contacts has no point.
    expect(charts.qaByAgent['series']).toMatchObject([
      { name: 'ana', data: [50, null] },
      { name: 'bo', data: [80, 40] },
    ]);
    expect(charts.qaByQueue['series']).toMatchObject([
      { name: 'cards', data: [null, 40] },
      { name: 'care', data: [60, null] },
    ]);
  });
});
