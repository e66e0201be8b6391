export { startTestSession, TestSession } from './startTestSession.ts';
export type { TestSessionOptions, TestSessionResult } from './startTestSession.ts';
export type { ScriptedTurn } from './describeTurns.ts';
export { ManualClock } from './ManualClock.ts';
export { buildTestFlow, en } from './buildTestFlow.ts';
export type { TestNode } from './buildTestFlow.ts';
export { walkFlowGraph } from './walkFlowGraph.ts';
export type { FlowGraphWalk, WalkFlowGraphOptions } from './walkFlowGraph.ts';
export { seededRandom } from '@omniflow/flow-schema/testing';
