import { create } from 'zustand';
import type { NodeFigures } from './insightsClient.ts';

/** The flow analytics overlaid on the canvas (issue 17): off, or the figures of a published version for a range. */
export interface FlowAnalyticsState {
  shown: { version: number; from: string; to: string; byNode: ReadonlyMap<string, NodeFigures> } | null;
  show(shown: NonNullable<FlowAnalyticsState['shown']>): void;
  hide(): void;
}

/** The canvas overlay's figures; node cards read their own entry. */
export const useFlowAnalytics = create<FlowAnalyticsState>()((set) => ({
  shown: null,
  show: (shown) => set({ shown }),
  hide: () => set({ shown: null }),
}));

/** A share as a whole percent, `–` when nothing was counted. */
export function percent(part: number, whole: number): string {
  return whole === 0 ? '–' : `${Math.round((part / whole) * 100)}%`;
}
