import type { ChartOption } from './EChart.tsx';
import type { DashboardFigures, QaPoint } from './insightsClient.ts';

/** Words the charts need, in the UI language. */
export interface ChartWords {
  /** The readable name of an outcome (`completed` → "Completed"). */
  outcome(outcome: string): string;
  channel(channel: string): string;
}

/** The chart options of the dashboard, built from the runtime's figures (pure, so tests can read them). */
export function dashboardCharts(figures: DashboardFigures, qa: readonly QaPoint[], words: ChartWords) {
  const days = [...new Set(figures.volume.map((row) => row.day))].toSorted();
  const outcomes = [...new Set(figures.volume.map((row) => row.outcome))].toSorted();
  const byOutcome: ChartOption = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: days },
    yAxis: { type: 'value', minInterval: 1 },
    series: outcomes.map((outcome) => ({
      name: words.outcome(outcome),
      type: 'bar',
      stack: 'contacts',
      data: days.map((day) =>
        figures.volume
          .filter((row) => row.day === day && row.outcome === outcome)
          .reduce((sum, row) => sum + row.contacts, 0),
      ),
    })),
  };
  const channels = new Map<string, number>();
  for (const row of figures.volume) channels.set(row.channel, (channels.get(row.channel) ?? 0) + row.contacts);
  const byChannel: ChartOption = {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['40%', '70%'],
        data: [...channels].map(([channel, value]) => ({ name: words.channel(channel), value })),
      },
    ],
  };
  const horizontal = (rows: { name: string; value: number }[]): ChartOption => ({
    tooltip: { trigger: 'axis' },
    grid: { left: 140, right: 24, top: 8, bottom: 24 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((row) => row.name).toReversed() },
    series: [{ type: 'bar', data: rows.map((row) => row.value).toReversed() }],
  });
  const sentiment: ChartOption = {
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, top: 16, bottom: 28 },
    xAxis: { type: 'category', data: figures.sentiment.map((row) => row.day) },
    yAxis: { type: 'value', min: -1, max: 1 },
    series: [{ type: 'line', smooth: true, data: figures.sentiment.map((row) => row.average) }],
  };
  const qaDays = [...new Set(qa.map((row) => row.day))].toSorted();
  const qaTrend: ChartOption = {
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, top: 16, bottom: 28 },
    xAxis: { type: 'category', data: qaDays },
    yAxis: { type: 'value', min: 0, max: 100 },
    series: [
      {
        type: 'line',
        data: qaDays.map((day) => {
          const rows = qa.filter((row) => row.day === day);
          const contacts = rows.reduce((sum, row) => sum + row.contacts, 0);
          const total = rows.reduce((sum, row) => sum + row.averageScore * row.contacts, 0);
          return contacts === 0 ? 0 : Math.round((total / contacts) * 10) / 10;
        }),
      },
    ],
  };
  return {
    byOutcome,
    byChannel,
    transferReasons: horizontal(figures.transferReasons.map((row) => ({ name: row.reason, value: row.contacts }))),
    sentiment,
    topCategories: horizontal(figures.topCategories.map((row) => ({ name: row.category, value: row.contacts }))),
    qaTrend,
  };
}
