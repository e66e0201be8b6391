import { describe, expect, it } from 'vitest';
import { campaignBarOption, RESULT_COLOURS } from './campaignBarOption.ts';

describe('campaignBarOption', () => {
  it('draws one bar per outcome, largest on top, in its colour, with translated names', () => {
    const option = campaignBarOption({ busy: 2, completed: 7, optedOut: 1 }, (r) => `<${r}>`) as {
      yAxis: { data: string[] };
      series: { data: { value: number; itemStyle: { color: string } }[] }[];
    };
    // ECharts puts the first category at the bottom.
    expect(option.yAxis.data).toEqual(['<optedOut>', '<busy>', '<completed>']);
    expect(option.series[0]?.data.map((d) => d.value)).toEqual([1, 2, 7]);
    expect(option.series[0]?.data[2]?.itemStyle.color).toBe(RESULT_COLOURS['completed']);
  });

  it('draws an empty chart for a campaign with no results yet', () => {
    const option = campaignBarOption({}, String) as { yAxis: { data: string[] } };
    expect(option.yAxis.data).toEqual([]);
  });
});
