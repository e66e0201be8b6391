import { create } from 'zustand';
import type { SuiteReportView, TestRunView } from './flowTestsClient.ts';

/** The latest test results of the open flow, and what the canvas shows of them. */
export interface FlowTestsState {
  report: SuiteReportView | null;
  /** The run picked in the Tests tab (kept while the tab is closed to look at the node in the inspector). */
  picked: TestRunView | null;
  /** The picked failing run's node, highlighted on the canvas. */
  failedNodeId: string | null;
  /** Whether the canvas marks the nodes and edges the suite covers. */
  showCoverage: boolean;
  setReport(report: SuiteReportView | null): void;
  pick(run: TestRunView | null): void;
  setShowCoverage(on: boolean): void;
}

/** Test results live beside the flow store (not in it): they are not part of the document nor of undo. */
export const useFlowTestsStore = create<FlowTestsState>()((set) => ({
  report: null,
  picked: null,
  failedNodeId: null,
  showCoverage: false,
  setReport: (report) => {
    const picked = report?.runs.find((run) => !run.passed) ?? null;
    set({ report, picked, failedNodeId: picked?.failedNodeId ?? null });
  },
  pick: (picked) => set({ picked, failedNodeId: picked?.failedNodeId ?? null }),
  setShowCoverage: (showCoverage) => set({ showCoverage }),
}));
