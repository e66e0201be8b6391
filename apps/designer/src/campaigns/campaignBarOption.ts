import type { ChartOption } from '../insights/EChart.tsx';

/** The colour of each outcome and call result (others grey). */
export const RESULT_COLOURS: Readonly<Record<string, string>> = {
  completed: '#2f9e44',
  optedOut: '#e67700',
  busy: '#f08c00',
  noAnswer: '#868e96',
  machine: '#7048e8',
  failed: '#e03131',
  smsSent: '#1c7ed6',
  smsFailed: '#c92a2a',
  doNotCall: '#495057',
  windowClosed: '#5c940d',
  stopped: '#343a40',
};

/**
 * A horizontal bar per outcome (or call result), the largest on top, each in its colour and labelled with its count;
 * `label` names an outcome in the UI language.
 */
export function campaignBarOption(
  counts: Readonly<Record<string, number>>,
  label: (result: string) => string,
): ChartOption {
  // ECharts draws the first category at the bottom: ascending order puts the largest bar on top.
  const entries = Object.entries(counts).toSorted((a, b) => a[1] - b[1] || b[0].localeCompare(a[0]));
  return {
    animation: false,
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item' },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: entries.map(([result]) => label(result)) },
    series: [
      {
        type: 'bar',
        label: { show: true, position: 'right' },
        data: entries.map(([result, n]) => ({ value: n, itemStyle: { color: RESULT_COLOURS[result] ?? '#adb5bd' } })),
      },
    ],
  };
}
