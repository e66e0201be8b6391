import type { CanvasPosition, FlowNode } from '@omniflow/flow-schema';
import type { FlowBuilder } from '../shared/FlowBuilder.ts';
import type { JsonRecord } from '../shared/jsonGuards.ts';
import type { ConnectAction } from './connectAction.ts';

/** What every Connect action mapper is given: the builder and the resolution of targets, ids and canvas data. */
export interface ConnectContext {
  builder: FlowBuilder;
  /** The node a transition to `actionId` enters (skipped actions followed); undefined goes to the shared end. */
  target(actionId: string | undefined, sourceRef: string): string | undefined;
  /** The node id claimed for an action. */
  nodeId(action: ConnectAction): string;
  /** The designer metadata of an action (`Metadata.ActionMetadata[id]`). */
  metadata(actionId: string): JsonRecord;
  /** Every `$.External.<key>` key the flow reads; each Lambda node fills all of them from its result. */
  externalKeys: readonly string[];
  /** Queue names set by `UpdateContactTargetQueue` blocks, in source order. */
  queueNames: readonly string[];
  /** Adds the node of `action` at its canvas position with its label. */
  addActionNode(action: ConnectAction, type: string, config: Record<string, unknown>, label?: string): string;
  /** Adds a node derived from `action` (an extra step of its mapping) near its position. */
  addDerivedNode(action: ConnectAction, suffix: string, node: Omit<FlowNode, 'id'>, offset: CanvasPosition): string;
}
