import { create } from 'zustand';
import type { SuiteReportView } from './flowTestsClient.ts';

/** The latest test results of the open flow, and what the canvas shows of them. */
export interface FlowTestsState {
  report: SuiteReportView | null;
  /** The failing run picked in the Tests tab: its node is highlighted on the canvas. */
  failedNodeId: string | null;
  /** Whether the canvas marks the nodes and edges the suite covers. */
  showCoverage: boolean;
  setReport(report: SuiteReportView | null): void;
  showFailure(nodeId: string | null): void;
  setShowCoverage(on: boolean): void;
}

/** Test results live beside the flow store (not in it): they are not part of the document nor of undo. */
export const useFlowTestsStore = create<FlowTestsState>()((set) => ({
  report: null,
  failedNodeId: null,
  showCoverage: false,
  setReport: (report) => set({ report, failedNodeId: report?.runs.find((run) => !run.passed)?.failedNodeId ?? null }),
  showFailure: (failedNodeId) => set({ failedNodeId }),
  setShowCoverage: (showCoverage) => set({ showCoverage }),
}));
