import {
  ANNOTATIONS_VERSION,
  type AnnotationColor,
  type CanvasAnnotations,
  type CanvasGroup,
  type CanvasNote,
  type CanvasPosition,
  type CanvasSize,
  type FlowDocument,
} from '@omniflow/flow-schema';

/** Pure edits of a flow's sticky notes and groups (the `annotations` section); each returns a new document. */

/** The canvas id of a note or group: its own id in a namespace of its kind, so it never meets a node id. */
export function annotationCanvasId(kind: 'note' | 'group', id: string): string {
  return `${kind}:${id}`;
}

/** The kind and own id behind a canvas id, or null for a flow node's id. */
export function parseAnnotationId(canvasId: string): { kind: 'note' | 'group'; id: string } | null {
  const match = /^(note|group):(.+)$/.exec(canvasId);
  if (!match?.[2]) return null;
  return { kind: match[1] === 'note' ? 'note' : 'group', id: match[2] };
}

/** The flow's annotations, or an empty section. */
export function annotationsOf(flow: FlowDocument): CanvasAnnotations {
  return flow.annotations ?? { version: ANNOTATIONS_VERSION, notes: [], groups: [] };
}

/** The size a new note takes. */
export const NOTE_SIZE: CanvasSize = { width: 220, height: 140 };
/** Room a new group leaves around its nodes, and above them for its title. */
const GROUP_PADDING = 30;
const GROUP_TITLE = 32;

/** Adds a note at `position`; returns its id too. */
export function addNote(
  flow: FlowDocument,
  position: CanvasPosition,
  text = '',
  color: AnnotationColor = 'yellow',
): { flow: FlowDocument; id: string } {
  const annotations = annotationsOf(flow);
  const id = freshId('note', annotations);
  const note: CanvasNote = { id, text, color, position: rounded(position), size: { ...NOTE_SIZE } };
  return { flow: withAnnotations(flow, { ...annotations, notes: [...annotations.notes, note] }), id };
}

/**
 * Frames `nodeIds` in a new group titled `title` (taking them out of any group they were in); `boxOf` gives each
 * node's card box. Returns null when none of the nodes exist.
 */
export function groupNodes(
  flow: FlowDocument,
  nodeIds: readonly string[],
  title: string,
  boxOf: (nodeId: string) => CanvasPosition & CanvasSize,
): { flow: FlowDocument; id: string } | null {
  const members = flow.nodes.filter((n) => nodeIds.includes(n.id)).map((n) => n.id);
  if (members.length === 0) return null;
  const annotations = annotationsOf(flow);
  const id = freshId('group', annotations);
  const group: CanvasGroup = { id, title, color: 'blue', ...frameAround(members.map(boxOf)), nodes: members };
  const groups = annotations.groups.map((g) => ({ ...g, nodes: g.nodes.filter((n) => !members.includes(n)) }));
  return { flow: withAnnotations(flow, { ...annotations, groups: [...groups, group] }), id };
}

/**
 * Fits every group's frame around its nodes again (after auto-layout moved them), keeping the room `groupNodes`
 * leaves; a group whose nodes are all gone keeps its frame.
 */
export function fitGroups(flow: FlowDocument, boxOf: (nodeId: string) => CanvasPosition & CanvasSize): FlowDocument {
  if (!flow.annotations) return flow;
  const present = new Set(flow.nodes.map((n) => n.id));
  const groups = flow.annotations.groups.map((g) => {
    const members = g.nodes.filter((id) => present.has(id));
    return members.length === 0 ? g : { ...g, ...frameAround(members.map(boxOf)) };
  });
  return withAnnotations(flow, { ...flow.annotations, groups });
}

function frameAround(boxes: readonly (CanvasPosition & CanvasSize)[]): { position: CanvasPosition; size: CanvasSize } {
  const left = Math.min(...boxes.map((b) => b.x)) - GROUP_PADDING;
  const top = Math.min(...boxes.map((b) => b.y)) - GROUP_PADDING - GROUP_TITLE;
  const right = Math.max(...boxes.map((b) => b.x + b.width)) + GROUP_PADDING;
  const bottom = Math.max(...boxes.map((b) => b.y + b.height)) + GROUP_PADDING;
  return {
    position: rounded({ x: left, y: top }),
    size: { width: Math.round(right - left), height: Math.round(bottom - top) },
  };
}

/** Changes a note's text, colour or size. */
export function updateNote(
  flow: FlowDocument,
  id: string,
  change: Partial<Pick<CanvasNote, 'text' | 'color' | 'size' | 'position'>>,
): FlowDocument {
  const annotations = annotationsOf(flow);
  if (!annotations.notes.some((n) => n.id === id)) return flow;
  const notes = annotations.notes.map((n) => (n.id === id ? { ...n, ...normalized(change) } : n));
  return withAnnotations(flow, { ...annotations, notes });
}

/** Changes a group's title, colour, size or frame position (its nodes stay where they are). */
export function updateGroup(
  flow: FlowDocument,
  id: string,
  change: Partial<Pick<CanvasGroup, 'title' | 'color' | 'size' | 'position'>>,
): FlowDocument {
  const annotations = annotationsOf(flow);
  if (!annotations.groups.some((g) => g.id === id)) return flow;
  const groups = annotations.groups.map((g) => (g.id === id ? { ...g, ...normalized(change) } : g));
  return withAnnotations(flow, { ...annotations, groups });
}

/** Moves a group to `position` and its nodes with it, by the same distance. */
export function moveGroup(flow: FlowDocument, id: string, position: CanvasPosition): FlowDocument {
  const group = annotationsOf(flow).groups.find((g) => g.id === id);
  if (!group) return flow;
  const to = rounded(position);
  const dx = to.x - group.position.x;
  const dy = to.y - group.position.y;
  if (dx === 0 && dy === 0) return flow;
  const members = new Set(group.nodes);
  const moved = {
    ...flow,
    nodes: flow.nodes.map((n) =>
      members.has(n.id) && n.position ? { ...n, position: { x: n.position.x + dx, y: n.position.y + dy } } : n,
    ),
  };
  return updateGroup(moved, id, { position: to });
}

/** Puts a node in a group (`groupId`), or takes it out of every group (null). */
export function setNodeGroup(flow: FlowDocument, nodeId: string, groupId: string | null): FlowDocument {
  const annotations = annotationsOf(flow);
  const current = annotations.groups.find((g) => g.nodes.includes(nodeId))?.id ?? null;
  if (current === groupId) return flow;
  const groups = annotations.groups.map((g) => {
    const without = g.nodes.filter((n) => n !== nodeId);
    return { ...g, nodes: g.id === groupId ? [...without, nodeId] : without };
  });
  return withAnnotations(flow, { ...annotations, groups });
}

/** Removes notes and groups by canvas id (a removed group leaves its nodes on the canvas) and drops deleted nodes from groups. */
export function pruneAnnotations(flow: FlowDocument, canvasIds: ReadonlySet<string> = new Set()): FlowDocument {
  if (!flow.annotations) return flow;
  const annotations = flow.annotations;
  const nodeIds = new Set(flow.nodes.map((n) => n.id));
  const notes = annotations.notes.filter((n) => !canvasIds.has(annotationCanvasId('note', n.id)));
  const groups = annotations.groups
    .filter((g) => !canvasIds.has(annotationCanvasId('group', g.id)))
    .map((g) => (g.nodes.every((n) => nodeIds.has(n)) ? g : { ...g, nodes: g.nodes.filter((n) => nodeIds.has(n)) }));
  const unchanged =
    notes.length === annotations.notes.length &&
    groups.length === annotations.groups.length &&
    groups.every((g, i) => g === annotations.groups[i]);
  return unchanged ? flow : withAnnotations(flow, { ...annotations, notes, groups });
}

/**
 * The group whose frame holds a card's centre (the smallest, when frames overlap), or null: where a dragged card
 * belongs once it is dropped.
 */
export function groupAt(flow: FlowDocument, point: CanvasPosition): string | null {
  let best: CanvasGroup | null = null;
  for (const g of annotationsOf(flow).groups) {
    const inside =
      point.x > g.position.x &&
      point.x < g.position.x + g.size.width &&
      point.y > g.position.y &&
      point.y < g.position.y + g.size.height;
    if (inside && (!best || g.size.width * g.size.height < best.size.width * best.size.height)) best = g;
  }
  return best?.id ?? null;
}

function withAnnotations(flow: FlowDocument, annotations: CanvasAnnotations): FlowDocument {
  // An empty section is left out, so a flow whose last note was deleted is the flow it was before.
  if (annotations.notes.length === 0 && annotations.groups.length === 0) {
    const { annotations: _dropped, ...rest } = flow;
    return rest;
  }
  return { ...flow, annotations };
}

/** A fresh `note1`, `group2`… id not used by a note or a group of `annotations`. */
export function freshId(
  kind: 'note' | 'group',
  annotations: CanvasAnnotations,
  taken: ReadonlySet<string> = new Set(),
): string {
  const used = new Set([...annotations.notes.map((n) => n.id), ...annotations.groups.map((g) => g.id), ...taken]);
  for (let n = 1; ; n += 1) if (!used.has(`${kind}${n}`)) return `${kind}${n}`;
}

function rounded(p: CanvasPosition): CanvasPosition {
  return { x: Math.round(p.x), y: Math.round(p.y) };
}

function normalized<T extends { size?: CanvasSize; position?: CanvasPosition }>(change: T): T {
  return {
    ...change,
    ...(change.size
      ? {
          size: {
            width: Math.max(20, Math.round(change.size.width)),
            height: Math.max(20, Math.round(change.size.height)),
          },
        }
      : {}),
    ...(change.position ? { position: rounded(change.position) } : {}),
  };
}
