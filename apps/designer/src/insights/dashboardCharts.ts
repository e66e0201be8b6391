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
  const qaTrend = qaLines(qa, qaDays, () => '');
  // Per agent and per queue: one line each, a day without their contacts left empty (no point drawn).
  const qaByAgent = qaLines(
    qa.filter((row) => row.agentId !== null),
    qaDays,
    (row) => row.agentId ?? '',
  );
  const qaByQueue = qaLines(
    qa.filter((row) => row.queue !== null),
    qaDays,
    (row) => row.queue ?? '',
  );
  return {
    byOutcome,
    byChannel,
    transferReasons: horizontal(figures.transferReasons.map((row) => ({ name: row.reason, value: row.contacts }))),
    sentiment,
    topCategories: horizontal(figures.topCategories.map((row) => ({ name: row.category, value: row.contacts }))),
    qaTrend,
    qaByAgent,
    qaByQueue,
  };
}

/** A line per group (one unnamed line for a single group) of the QA average per day, weighted by contacts. */
function qaLines(rows: readonly QaPoint[], days: readonly string[], groupOf: (row: QaPoint) => string): ChartOption {
  const groups = [...new Set(rows.map(groupOf))].toSorted();
  const named = groups.length > 1 || groups[0] !== '';
  return {
    tooltip: { trigger: 'axis' },
    ...(named ? { legend: { top: 0 } } : {}),
    grid: { left: 40, right: 16, top: named ? 36 : 16, bottom: 28 },
    xAxis: { type: 'category', data: days },
    yAxis: { type: 'value', min: 0, max: 100 },
    series: (groups.length === 0 ? [''] : groups).map((group) => ({
      ...(named ? { name: group } : {}),
      type: 'line',
      connectNulls: true,
      data: days.map((day) => {
        const today = rows.filter((row) => row.day === day && groupOf(row) === group);
        const contacts = today.reduce((sum, row) => sum + row.contacts, 0);
        const total = today.reduce((sum, row) => sum + row.averageScore * row.contacts, 0);
        return contacts === 0 ? (named ? null : 0) : Math.round((total / contacts) * 10) / 10;
      }),
    })),
  };
}
