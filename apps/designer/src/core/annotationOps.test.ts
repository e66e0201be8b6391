import { describe, expect, it } from 'vitest';
import { validateFlow, type FlowDocument } from '@omniflow/flow-schema';
import { builtInSpecs } from '@omniflow/flow-engine/specs';
import { createCatalog } from './nodeCatalog.ts';
import { newFlow } from './newFlow.ts';
import { addNode, createNode, deleteElements } from './flowOps.ts';
import {
  addNote,
  annotationCanvasId,
  fitGroups,
  groupAt,
  groupNodes,
  moveGroup,
  parseAnnotationId,
  pruneAnnotations,
  setNodeGroup,
  updateNote,
} from './annotationOps.ts';
import { copyNodes, isClipboardPayload, pasteNodes } from './clipboard.ts';

const catalog = createCatalog(builtInSpecs.map((definition) => definition.spec));

function twoMessages(): FlowDocument {
  const spec = catalog.byType.get('message');
  if (!spec) throw new Error('no message spec');
  let flow = newFlow('notes', 'Notes', ['en-US']);
  flow = addNode(flow, createNode(spec, 'a', { x: 0, y: 0 }));
  return addNode(flow, createNode(spec, 'b', { x: 400, y: 0 }));
}

const box = (flow: FlowDocument) => (id: string) => ({
  ...(flow.nodes.find((n) => n.id === id)?.position ?? { x: 0, y: 0 }),
  width: 220,
  height: 90,
});

describe('sticky notes and groups (issue 20)', () => {
  it('keeps notes and groups in a section the flow schema accepts', () => {
    const withNote = addNote(twoMessages(), { x: 10, y: -200 }, 'Check the wording with legal').flow;
    const grouped = groupNodes(withNote, ['a', 'b'], 'Greeting', box(withNote));
    expect(grouped?.flow.annotations).toMatchObject({
      version: 1,
      notes: [{ id: 'note1', text: 'Check the wording with legal', color: 'yellow' }],
      groups: [{ id: 'group1', title: 'Greeting', nodes: ['a', 'b'] }],
    });
    const result = validateFlow(grouped?.flow, catalog.validation);
    expect(result.issues.filter((issue) => issue.pointer.startsWith('/annotations'))).toEqual([]);
  });

  it('frames the grouped cards with room for the title', () => {
    const flow = twoMessages();
    const group = groupNodes(flow, ['a', 'b'], 'Greeting', box(flow))?.flow.annotations?.groups[0];
    expect(group && group.position.x < 0 && group.position.y < 0).toBe(true);
    expect(group && group.position.x + group.size.width > 400 + 220).toBe(true);
  });

  it('moves the nodes of a group with its frame, by the same distance', () => {
    const flow = twoMessages();
    const grouped = groupNodes(flow, ['a'], 'A', box(flow));
    if (!grouped) throw new Error('not grouped');
    const frame = grouped.flow.annotations?.groups[0]?.position ?? { x: 0, y: 0 };
    const moved = moveGroup(grouped.flow, grouped.id, { x: frame.x + 100, y: frame.y + 50 });
    expect(moved.nodes.map((n) => [n.id, n.position])).toEqual([
      ['start1', { x: 0, y: 0 }],
      ['a', { x: 100, y: 50 }],
      ['b', { x: 400, y: 0 }],
    ]);
  });

  it('takes a node out of its group when dropped outside every frame, and puts it in the frame it is dropped in', () => {
    const flow = twoMessages();
    const grouped = groupNodes(flow, ['a'], 'A', box(flow));
    if (!grouped) throw new Error('not grouped');
    const inside = { x: 110, y: 45 };
    expect(groupAt(grouped.flow, inside)).toBe(grouped.id);
    expect(groupAt(grouped.flow, { x: 3000, y: 0 })).toBeNull();
    const out = setNodeGroup(grouped.flow, 'a', null);
    expect(out.annotations?.groups[0]?.nodes).toEqual([]);
    expect(setNodeGroup(out, 'b', grouped.id).annotations?.groups[0]?.nodes).toEqual(['b']);
  });

  it('drops a deleted node from its group, and an ungrouped group leaves its nodes; the last one leaves no section', () => {
    const flow = twoMessages();
    const grouped = groupNodes(flow, ['a', 'b'], 'AB', box(flow));
    if (!grouped) throw new Error('not grouped');
    const deleted = pruneAnnotations(deleteElements(grouped.flow, new Set(['a'])));
    expect(deleted.annotations?.groups[0]?.nodes).toEqual(['b']);
    const ungrouped = pruneAnnotations(deleted, new Set([annotationCanvasId('group', grouped.id)]));
    expect(ungrouped.nodes.map((n) => n.id)).toEqual(['start1', 'b']);
    expect('annotations' in ungrouped).toBe(false);
  });

  it('fits group frames around their nodes again after the nodes moved (auto-layout)', () => {
    const flow = twoMessages();
    const grouped = groupNodes(flow, ['a', 'b'], 'AB', box(flow));
    if (!grouped) throw new Error('not grouped');
    const frame = grouped.flow.annotations?.groups[0];
    const moved = {
      ...grouped.flow,
      nodes: grouped.flow.nodes.map((n) => ({ ...n, position: { x: (n.position?.x ?? 0) + 1000, y: 500 } })),
    };
    const refit = fitGroups(moved, box(moved)).annotations?.groups[0];
    expect(refit?.position).toEqual({ x: (frame?.position.x ?? 0) + 1000, y: (frame?.position.y ?? 0) + 500 });
    expect(refit?.size).toEqual(frame?.size);
  });

  it('edits a note and tells canvas ids of notes and groups from node ids', () => {
    const { flow, id } = addNote(twoMessages(), { x: 0, y: 0 });
    const edited = updateNote(flow, id, { text: 'hi', color: 'pink', size: { width: 300.4, height: 5 } });
    expect(edited.annotations?.notes[0]).toMatchObject({ text: 'hi', color: 'pink', size: { width: 300, height: 20 } });
    expect(parseAnnotationId(annotationCanvasId('note', id))).toEqual({ kind: 'note', id });
    expect(parseAnnotationId('menu1')).toBeNull();
  });

  it('copies a group with its nodes and a note, and pastes them with fresh ids and the group following its nodes', () => {
    const start = addNote(twoMessages(), { x: 0, y: -200 }, 'todo');
    const grouped = groupNodes(start.flow, ['a', 'b'], 'AB', box(start.flow));
    if (!grouped) throw new Error('not grouped');
    const payload = copyNodes(
      grouped.flow,
      new Set(),
      new Set([annotationCanvasId('group', grouped.id), annotationCanvasId('note', start.id)]),
    );
    expect(isClipboardPayload(JSON.parse(JSON.stringify(payload)))).toBe(true);
    expect(payload.nodes.map((n) => n.id)).toEqual(['a', 'b']);
    const pasted = pasteNodes(grouped.flow, payload, { x: 40, y: 40 });
    const groups = pasted.flow.annotations?.groups ?? [];
    expect(groups.map((g) => g.id)).toEqual(['group1', 'group2']);
    expect(groups[1]?.nodes).toEqual(pasted.pastedIds);
    expect(pasted.flow.annotations?.notes.map((n) => [n.id, n.text])).toEqual([
      ['note1', 'todo'],
      ['note2', 'todo'],
    ]);
    expect(pasted.pastedAnnotationIds).toEqual(['note:note2', 'group:group2']);
  });
});
