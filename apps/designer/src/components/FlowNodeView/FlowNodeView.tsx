import { memo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { PortInfo } from '@omniflow/flow-schema';
import { useT } from '../../i18n/useT.ts';
import { NodeAnalyticsBadge } from '../../insights/NodeAnalyticsBadge.tsx';

/** What the canvas passes to a node: plain JSON derived from the flow document, never callbacks. */
export type FlowNodeData = {
  label: string;
  typeTitle: string;
  icon: string;
  ports: PortInfo[];
  /** The first line of the node's prompt in the editing locale; `''` when untranslated, null when the type has no prompt. */
  prompt: string | null;
  /** Input handle hidden for nodes nothing can enter (start). */
  hasInput: boolean;
  isStart: boolean;
  unknownType: string | null;
  errorCount: number;
  warningCount: number;
  active: boolean;
  /** Whether the test suite visits the node, when the coverage overlay is on (else null). */
  covered: boolean | null;
  /** The node of the failing test step picked in the Tests tab. */
  testFailed: boolean;
};

/** The xyflow node type the canvas uses for every flow node. */
export type FlowCanvasNode = Node<FlowNodeData, 'flowNode'>;

/** One flow node on the canvas: icon, label, a named source handle per derived port; unknown types render as a placeholder. */
export const FlowNodeView = memo(function FlowNodeView({ id, data, selected }: NodeProps<FlowCanvasNode>) {
  const t = useT();
  const classes = ['flow-node'];
  if (selected) classes.push('is-selected');
  if (data.active) classes.push('is-active');
  if (data.errorCount > 0) classes.push('has-errors');
  if (data.unknownType) classes.push('is-unknown');
  if (data.covered !== null) classes.push(data.covered ? 'is-covered' : 'is-uncovered');
  if (data.testFailed) classes.push('is-test-failed');
  return (
    <div className={classes.join(' ')} data-node-id={id} data-testid={`node-${id}`}>
      {data.hasInput && <Handle type="target" position={Position.Left} id="in" className="flow-node-in" />}
      <div className="flow-node-header">
        <span className="flow-node-icon" aria-hidden="true">
          {data.unknownType ? '⚠' : data.icon}
        </span>
        <span className="flow-node-label">{data.label}</span>
        {data.isStart && <span className="flow-node-badge start">start</span>}
        {data.errorCount > 0 && (
          <span className="flow-node-badge error" title={`${data.errorCount} error(s)`}>
            {data.errorCount}
          </span>
        )}
        {data.errorCount === 0 && data.warningCount > 0 && (
          <span className="flow-node-badge warning">{data.warningCount}</span>
        )}
      </div>
      <div className="flow-node-type">
        {data.unknownType ? `${t('unknownTypeShort')} "${data.unknownType}" (error003)` : `${data.typeTitle} · ${id}`}
      </div>
      <NodeAnalyticsBadge nodeId={id} />
      {data.prompt !== null && (
        <div className={`flow-node-prompt ${data.prompt === '' ? 'is-missing' : ''}`} title={data.prompt}>
          {data.prompt === '' ? t('promptMissing') : `“${data.prompt}”`}
        </div>
      )}
      {data.ports.length > 0 && (
        <ul className="flow-node-ports">
          {data.ports.map((port) => (
            <li key={port.name} className="flow-node-port" data-port={port.name}>
              <span>{port.label}</span>
              <Handle
                type="source"
                position={Position.Right}
                id={port.name}
                className="flow-node-out"
                data-testid={`port-${id}-${port.name}`}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});
