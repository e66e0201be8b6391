import type { FlowNode, NodeTypeSpec } from '@omniflow/flow-schema';
import { nodePorts } from './nodeCatalog.ts';
import { nodeSize } from './nodeGeometry.ts';
import { promptPointers } from './promptLine.ts';

/** The size a node's card takes on the canvas, from its ports and whether its type has a prompt line. */
export function nodeCardSize(node: FlowNode, spec: NodeTypeSpec | undefined): { width: number; height: number } {
  return nodeSize(nodePorts(node, spec, []).length, spec !== undefined && promptPointers(spec).length > 0);
}
