import { useMemo } from 'react';
import type { FlowNode } from '@omniflow/flow-schema';
import { localizedSpec, nodePorts } from '../../core/nodeCatalog.ts';
import { useFlowStore } from '../../store/useFlowStore.ts';
import { useT, useUiLanguage } from '../../i18n/useT.ts';

/** Each port of a node with a select of where it leads: connecting from the keyboard, without dragging. */
export function PortConnections({ node }: { node: FlowNode }) {
  const t = useT();
  const flow = useFlowStore((s) => s.flow);
  const catalog = useFlowStore((s) => s.catalog);
  const language = useUiLanguage((s) => s.language);
  const edges = flow?.edges ?? [];
  const ports = useMemo(() => {
    const spec = catalog.byType.get(node.type);
    return nodePorts(
      node,
      spec && localizedSpec(spec, language),
      edges.filter((e) => e.source === node.id).map((e) => e.port),
    );
  }, [node, catalog, edges, language]);
  if (!flow || ports.length === 0) return null;
  const targets = flow.nodes.filter((n) => n.type !== 'start');
  return (
    <fieldset className="form-group port-connections">
      <legend>{t('connections')}</legend>
      {ports.map((port) => {
        const edge = edges.find((e) => e.source === node.id && e.port === port.name);
        const id = `port-target-${node.id}-${port.name}`;
        return (
          <div key={port.name} className="port-connection">
            <label htmlFor={id}>{port.label}</label>
            <select
              id={id}
              value={edge?.target ?? ''}
              onChange={(e) => {
                const store = useFlowStore.getState();
                if (e.target.value) store.connect(node.id, port.name, e.target.value);
                else store.disconnect(node.id, port.name);
              }}
            >
              <option value="">{t('notConnected')}</option>
              {targets.map((n) => (
                <option key={n.id} value={n.id}>
                  {n.label ? `${n.label} (${n.id})` : n.id}
                </option>
              ))}
            </select>
          </div>
        );
      })}
    </fieldset>
  );
}
