import { useMemo, useRef } from 'react';
import { Position, type Edge } from '@xyflow/react';
import { handleBoxes, nodeSize } from '../../core/nodeGeometry.ts';
import type { FlowNode } from '@omniflow/flow-schema';
import { useFlowStore } from '../../store/useFlowStore.ts';
import { useVersionPreview } from '../../store/useVersionPreview.ts';
import { edgeKey } from '../../core/flowOps.ts';
import { localizedSpec, nodePorts } from '../../core/nodeCatalog.ts';
import { useUiLanguage } from '../../i18n/useT.ts';
import { useCanvasT } from '../../i18n/canvasMessages.ts';
import { promptLine } from '../../core/promptLine.ts';
import type { FlowCanvasNode } from '../FlowNodeView/FlowNodeView.tsx';
import { useFlowTestsStore } from '../../flowTests/useFlowTestsStore.ts';
import { useContactReplay } from '../../contacts/useContactReplay.ts';

interface CacheEntry {
  key: string;
  node: FlowCanvasNode;
}

/**
 * Derives xyflow nodes and edges from the flow document. Unchanged flow nodes keep their xyflow node object,
 * so a drag of one node re-renders one node even in a 1,000-node flow.
 */
export function useCanvasElements(): { nodes: FlowCanvasNode[]; edges: Edge[] } {
  const draft = useFlowStore((s) => s.flow);
  // A previewed version replaces the draft on the canvas only; it is never edited.
  const previewFlow = useVersionPreview((s) => s.preview?.flow);
  const flow = previewFlow ?? draft;
  const catalog = useFlowStore((s) => s.catalog);
  const language = useUiLanguage((s) => s.language);
  const canvasT = useCanvasT();
  const edgeWords = canvasT('edgeLabel');
  // Cards name their type and fixed ports in the UI language (option ports keep the flow's own wording).
  const shownSpecs = useMemo(
    () => new Map(catalog.specs.map((spec) => [spec.type, localizedSpec(spec, language)])),
    [catalog, language],
  );
  const issues = useFlowStore((s) => s.issues);
  const selectedNodeIds = useFlowStore((s) => s.selectedNodeIds);
  const selectedEdgeIds = useFlowStore((s) => s.selectedEdgeIds);
  const activeNodeId = useFlowStore((s) => s.activeNodeId);
  const testFailedNodeId = useFlowTestsStore((s) => s.failedNodeId);
  const coverage = useFlowTestsStore((s) => (s.showCoverage ? s.report?.coverage : undefined));
  // A contact being replayed lights the nodes its path went through.
  const litPath = useContactReplay((s) => s.lit);
  const cache = useRef(new WeakMap<FlowNode, CacheEntry>());

  const counts = useMemo(() => {
    const map = new Map<string, { errors: number; warnings: number }>();
    for (const issue of issues) {
      if (!issue.nodeId) continue;
      const c = map.get(issue.nodeId) ?? { errors: 0, warnings: 0 };
      if (issue.severity === 'error') c.errors += 1;
      else c.warnings += 1;
      map.set(issue.nodeId, c);
    }
    return map;
  }, [issues]);

  const edgePortsBySource = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const e of flow?.edges ?? []) map.set(e.source, [...(map.get(e.source) ?? []), e.port]);
    return map;
  }, [flow?.edges]);

  const nodes = useMemo(() => {
    if (!flow) return [];
    const selected = new Set(selectedNodeIds);
    // The inspector's prompt tabs open on the default locale: cards show the text being edited there.
    const locale = flow.defaultLocale;
    return flow.nodes.map((n): FlowCanvasNode => {
      const spec = shownSpecs.get(n.type);
      const c = counts.get(n.id);
      const isSelected = selected.has(n.id);
      const isStart = flow.start === n.id;
      const edgePorts = spec ? [] : (edgePortsBySource.get(n.id) ?? []);
      const covered = litPath ? litPath.has(n.id) : coverage === undefined ? null : coverage.nodes.includes(n.id);
      const testFailed = testFailedNodeId === n.id;
      const key = `${spec ? 'k' : 'u'}|${n.label}|${isSelected}|${isStart}|${activeNodeId === n.id}|${c?.errors ?? 0}|${c?.warnings ?? 0}|${edgePorts.join(',')}|${covered}|${testFailed}|${locale}|${language}`;
      const hit = cache.current.get(n);
      if (hit && hit.key === key) return hit.node;
      const ports = nodePorts(n, spec, edgePorts, locale);
      const hasInput = n.type !== 'start';
      const prompt = promptLine(n, spec, locale);
      const size = nodeSize(ports.length, prompt !== null);
      const node: FlowCanvasNode = {
        id: n.id,
        type: 'flowNode',
        position: n.position ?? { x: 0, y: 0 },
        selected: isSelected,
        initialWidth: size.width,
        initialHeight: size.height,
        handles: handleBoxes(
          ports.map((p) => p.name),
          hasInput,
          prompt !== null,
        ).map((h) => ({ ...h, position: h.position === 'left' ? Position.Left : Position.Right })),
        data: {
          label: n.label || spec?.title || n.type,
          typeTitle: spec?.title ?? n.type,
          icon: spec?.icon ?? '•',
          ports,
          prompt,
          hasInput,
          isStart,
          unknownType: spec ? null : n.type,
          errorCount: c?.errors ?? 0,
          warningCount: c?.warnings ?? 0,
          active: activeNodeId === n.id,
          covered,
          testFailed,
        },
      };
      cache.current.set(n, { key, node });
      return node;
    });
  }, [
    flow,
    shownSpecs,
    language,
    counts,
    selectedNodeIds,
    activeNodeId,
    edgePortsBySource,
    coverage,
    litPath,
    testFailedNodeId,
  ]);

  const edges = useMemo(() => {
    if (!flow) return [];
    const selected = new Set(selectedEdgeIds);
    const labelOf = new Map(flow.nodes.map((n) => [n.id, n.label || n.id]));
    return flow.edges.map((e): Edge => {
      const id = edgeKey(e);
      const className =
        activeNodeId === e.source
          ? 'is-active'
          : coverage === undefined
            ? ''
            : coverage.ports.includes(`${e.source}:${e.port}`)
              ? 'is-covered'
              : 'is-uncovered';
      // Right-angled edges leave a port horizontally and clear the card before turning: bezier curves between wrapped
      // rows cut across the cards in between (issue 20).
      return {
        id,
        type: 'smoothstep',
        source: e.source,
        sourceHandle: e.port,
        target: e.target,
        targetHandle: 'in',
        selected: selected.has(id),
        className,
        ariaLabel: edgeWords
          .replace('{source}', labelOf.get(e.source) ?? e.source)
          .replace('{port}', e.port)
          .replace('{target}', labelOf.get(e.target) ?? e.target),
      };
    });
  }, [flow, selectedEdgeIds, activeNodeId, coverage, edgeWords]);

  return { nodes, edges };
}
