import { create } from 'zustand';
import type { CanvasPosition, FlowDocument, NodeTypeSpec, VariableDeclaration } from '@omniflow/flow-schema';
import type { FlowIssue } from '@omniflow/flow-schema';
import { copyNodes, pasteNodes, type ClipboardPayload } from '../core/clipboard.ts';
import {
  addNode,
  connectPort,
  createNode,
  declareVariable,
  deleteElements,
  edgeKey,
  moveNodes,
  nextNodeId,
  pruneDanglingEdges,
  setNodeConfig,
  setNodeLabel,
} from '../core/flowOps.ts';
import { variablesInDefaults } from '../core/variablesInDefaults.ts';
import { pruneAnnotations } from '../core/annotationOps.ts';
import { createCatalog, EMPTY_CATALOG, nodePorts, type DesignerCatalog } from '../core/nodeCatalog.ts';

/** How many undo steps are kept. */
const HISTORY_LIMIT = 200;

/** Where the draft stands against the runtime's copy. */
export type SaveStatus = 'saved' | 'dirty' | 'saving' | 'conflict' | 'error';

/** A request to focus a node (and optionally a config field) — set by the problems panel and find. */
export interface FocusRequest {
  nodeId: string;
  /** Pointer relative to the node's config, e.g. `/prompt/text/zh-CN`. */
  pointer?: string;
  /** Increments so the same target can be focused twice. */
  seq: number;
}

/** The designer's single store: the open flow document, its undo history, selection and editor status. */
export interface FlowStoreState {
  flow: FlowDocument | null;
  /** The runtime's revision the draft is based on; sent with every save. */
  revision: number | null;
  catalog: DesignerCatalog;
  past: FlowDocument[];
  future: FlowDocument[];
  /** Consecutive edits with the same gesture key collapse into one undo step. */
  gesture: string | null;
  /** Bumped on every document change; autosave watches it. */
  editCount: number;
  savedEditCount: number;
  saveStatus: SaveStatus;
  selectedNodeIds: string[];
  selectedEdgeIds: string[];
  /** Selected sticky notes and groups, by canvas id (`note:note1`, `group:group1`). */
  selectedAnnotationIds: string[];
  issues: FlowIssue[];
  focus: FocusRequest | null;
  /** The node the simulator is on, highlighted on the canvas. */
  activeNodeId: string | null;

  setCatalog(specs: readonly NodeTypeSpec[]): void;
  loadFlow(flow: FlowDocument, revision: number | null): void;
  closeFlow(): void;
  /** Applies a pure edit; `gesture` groups it with the previous edit of the same gesture for undo. */
  edit(change: (flow: FlowDocument) => FlowDocument, gesture?: string): void;
  endGesture(): void;
  undo(): void;
  redo(): void;
  addNodeOfType(type: string, position: CanvasPosition): string | null;
  moveNodes(moves: ReadonlyMap<string, CanvasPosition>, gesture: string): void;
  deleteSelection(): void;
  connect(source: string, port: string, target: string): void;
  disconnect(source: string, port: string): void;
  setConfig(nodeId: string, pointer: string, value: unknown): void;
  setLabel(nodeId: string, label: string): void;
  setStart(nodeId: string): void;
  setVariables(variables: VariableDeclaration[], gesture?: string): void;
  /** Declares one variable as its own undo step (the "+ New variable" form of a picker). */
  declareVariable(declaration: VariableDeclaration): void;
  setLocales(locales: string[], defaultLocale: string): void;
  replaceFlow(flow: FlowDocument): void;
  applyPositions(positions: ReadonlyMap<string, CanvasPosition>): void;
  select(nodeIds: string[], edgeIds?: string[], annotationIds?: string[]): void;
  copySelection(): ClipboardPayload | null;
  paste(payload: ClipboardPayload, offset?: { x: number; y: number }): string[];
  setIssues(issues: FlowIssue[]): void;
  focusNode(nodeId: string, pointer?: string): void;
  setActiveNode(nodeId: string | null): void;
  setSaveStatus(status: SaveStatus): void;
  markSaved(revision: number, editCount: number): void;
}

/** Creates an independent store (tests create one each; the app uses {@link useFlowStore}). */
export function createFlowStore() {
  return create<FlowStoreState>()((set, get) => {
    const portNames = (flow: FlowDocument) => {
      const catalog = get().catalog;
      return pruneDanglingEdges(flow, (node) => {
        const spec = catalog.byType.get(node.type);
        return spec ? new Set(nodePorts(node, spec, []).map((p) => p.name)) : null;
      });
    };
    return {
      flow: null,
      revision: null,
      catalog: EMPTY_CATALOG,
      past: [],
      future: [],
      gesture: null,
      editCount: 0,
      savedEditCount: 0,
      saveStatus: 'saved',
      selectedNodeIds: [],
      selectedEdgeIds: [],
      selectedAnnotationIds: [],
      issues: [],
      focus: null,
      activeNodeId: null,

      setCatalog: (specs) => set({ catalog: createCatalog(specs) }),
      loadFlow: (flow, revision) =>
        set({
          flow,
          revision,
          past: [],
          future: [],
          gesture: null,
          editCount: 0,
          savedEditCount: 0,
          saveStatus: 'saved',
          selectedNodeIds: [],
          selectedEdgeIds: [],
          selectedAnnotationIds: [],
          issues: [],
          activeNodeId: null,
          focus: null,
        }),
      closeFlow: () =>
        set({
          flow: null,
          revision: null,
          past: [],
          future: [],
          selectedNodeIds: [],
          selectedEdgeIds: [],
          selectedAnnotationIds: [],
          issues: [],
        }),

      edit: (change, gesture) => {
        const { flow, past, gesture: current, editCount } = get();
        if (!flow) return;
        const next = change(flow);
        if (next === flow) return;
        const grouped = gesture !== undefined && gesture === current;
        set({
          flow: next,
          past: grouped ? past : [...past, flow].slice(-HISTORY_LIMIT),
          future: [],
          gesture: gesture ?? null,
          editCount: editCount + 1,
          saveStatus: get().saveStatus === 'conflict' ? 'conflict' : 'dirty',
        });
      },
      endGesture: () => set({ gesture: null }),
      undo: () => {
        const { flow, past, future, editCount } = get();
        const previous = past[past.length - 1];
        if (!flow || !previous) return;
        set({
          flow: previous,
          past: past.slice(0, -1),
          future: [flow, ...future],
          gesture: null,
          editCount: editCount + 1,
          saveStatus: 'dirty',
        });
      },
      redo: () => {
        const { flow, past, future, editCount } = get();
        const next = future[0];
        if (!flow || !next) return;
        set({
          flow: next,
          past: [...past, flow],
          future: future.slice(1),
          gesture: null,
          editCount: editCount + 1,
          saveStatus: 'dirty',
        });
      },

      addNodeOfType: (type, position) => {
        const { flow, catalog } = get();
        const spec = catalog.byType.get(type);
        if (!flow || !spec) return null;
        const id = nextNodeId(type, new Set(flow.nodes.map((n) => n.id)));
        const node = createNode(spec, id, position);
        // Plugin defaults name variables (`customerId`); declaring them in the same undo step keeps a fresh drop
        // free of problems while keeping the names the pack's documentation uses.
        const missing = variablesInDefaults(spec.configSchema, node.config, flow.variables);
        get().edit((f) => addNode(missing.length ? { ...f, variables: [...f.variables, ...missing] } : f, node));
        set({ selectedNodeIds: [id], selectedEdgeIds: [], selectedAnnotationIds: [] });
        return id;
      },
      moveNodes: (moves, gesture) => get().edit((f) => moveNodes(f, moves), gesture),
      deleteSelection: () => {
        const { selectedNodeIds, selectedEdgeIds, selectedAnnotationIds } = get();
        if (selectedNodeIds.length + selectedEdgeIds.length + selectedAnnotationIds.length === 0) return;
        // Deleted nodes leave their groups; a deleted group leaves its nodes on the canvas.
        get().edit((f) =>
          pruneAnnotations(
            deleteElements(f, new Set(selectedNodeIds), new Set(selectedEdgeIds)),
            new Set(selectedAnnotationIds),
          ),
        );
        set({ selectedNodeIds: [], selectedEdgeIds: [], selectedAnnotationIds: [] });
      },
      connect: (source, port, target) => get().edit((f) => connectPort(f, source, port, target)),
      disconnect: (source, port) =>
        get().edit((f) => deleteElements(f, new Set(), new Set([edgeKey({ source, port })]))),
      setConfig: (nodeId, pointer, value) =>
        get().edit((f) => portNames(setNodeConfig(f, nodeId, pointer, value)), `config:${nodeId}:${pointer}`),
      setLabel: (nodeId, label) => get().edit((f) => setNodeLabel(f, nodeId, label), `label:${nodeId}`),
      setStart: (nodeId) => get().edit((f) => (f.start === nodeId ? f : { ...f, start: nodeId })),
      setVariables: (variables, gesture) => get().edit((f) => ({ ...f, variables }), gesture),
      declareVariable: (declaration) => get().edit((f) => declareVariable(f, declaration)),
      setLocales: (locales, defaultLocale) => get().edit((f) => ({ ...f, locales, defaultLocale })),
      replaceFlow: (flow) => get().edit(() => flow, 'json'),
      applyPositions: (positions) => get().edit((f) => moveNodes(f, positions)),

      select: (nodeIds, edgeIds = [], annotationIds = []) => {
        const state = get();
        if (
          sameIds(state.selectedNodeIds, nodeIds) &&
          sameIds(state.selectedEdgeIds, edgeIds) &&
          sameIds(state.selectedAnnotationIds, annotationIds)
        )
          return;
        set({ selectedNodeIds: nodeIds, selectedEdgeIds: edgeIds, selectedAnnotationIds: annotationIds });
      },
      copySelection: () => {
        const { flow, selectedNodeIds, selectedAnnotationIds } = get();
        if (!flow || selectedNodeIds.length + selectedAnnotationIds.length === 0) return null;
        return copyNodes(flow, new Set(selectedNodeIds), new Set(selectedAnnotationIds));
      },
      paste: (payload, offset = { x: 40, y: 40 }) => {
        let pasted: string[] = [];
        let pastedAnnotations: string[] = [];
        get().edit((f) => {
          const result = pasteNodes(f, payload, offset);
          pasted = result.pastedIds;
          pastedAnnotations = result.pastedAnnotationIds;
          return result.flow;
        });
        set({ selectedNodeIds: pasted, selectedEdgeIds: [], selectedAnnotationIds: pastedAnnotations });
        return pasted;
      },
      setIssues: (issues) => set({ issues }),
      focusNode: (nodeId, pointer) =>
        set({
          focus: { nodeId, ...(pointer ? { pointer } : {}), seq: (get().focus?.seq ?? 0) + 1 },
          selectedNodeIds: [nodeId],
          selectedEdgeIds: [],
          selectedAnnotationIds: [],
        }),
      setActiveNode: (nodeId) => set({ activeNodeId: nodeId }),
      setSaveStatus: (saveStatus) => set({ saveStatus }),
      markSaved: (revision, editCount) =>
        set({ revision, savedEditCount: editCount, saveStatus: get().editCount === editCount ? 'saved' : 'dirty' }),
    };
  });
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The app's flow store. */
export const useFlowStore = createFlowStore();
