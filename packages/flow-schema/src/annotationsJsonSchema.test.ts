import { describe, expect, it } from 'vitest';
import type { CanvasAnnotations } from './flowDocument.ts';
import { migrateFlow } from './migrations/migrateFlow.ts';
import { testCatalog, validTestFlow, validateMutated } from './validation/validationFixtures.ts';
import { validateFlow } from './validation/validateFlow.ts';

const annotations: CanvasAnnotations = {
  version: 1,
  notes: [
    {
      id: 'note1',
      text: 'Ask legal about the wording',
      color: 'yellow',
      position: { x: 0, y: -200 },
      size: { width: 200, height: 120 },
    },
  ],
  groups: [
    {
      id: 'group1',
      title: 'Identification',
      color: 'blue',
      position: { x: -20, y: -40 },
      size: { width: 600, height: 300 },
      nodes: ['start', 'menu'],
    },
  ],
};

describe('the annotations section (issue 20: sticky notes and groups)', () => {
  it('is optional: a flow without it validates as before', () => {
    expect(validateFlow(validTestFlow(), testCatalog())).toMatchObject({ ok: true, issues: [] });
  });

  it('accepts notes and groups and reports nothing about them', () => {
    const result = validateMutated((flow) => {
      flow.annotations = structuredClone(annotations);
    });
    expect(result).toMatchObject({ ok: true, issues: [] });
    expect(result.ok && result.flow.annotations).toEqual(annotations);
  });

  it('leaves a group that still names a deleted node to the canvas: layout never blocks a publish', () => {
    const result = validateMutated((flow) => {
      flow.annotations = { ...structuredClone(annotations), groups: [{ ...annotations.groups[0]!, nodes: ['gone'] }] };
    });
    expect(result).toMatchObject({ ok: true, issues: [] });
  });

  it.each([
    ['an unknown colour', { notes: [{ ...annotations.notes[0]!, color: 'orange' }] }, '/annotations/notes/0/color'],
    ['a note without a size', { notes: [{ ...annotations.notes[0]!, size: undefined }] }, '/annotations/notes/0'],
    [
      'a zero-wide group',
      { groups: [{ ...annotations.groups[0]!, size: { width: 0, height: 10 } }] },
      '/annotations/groups/0/size/width',
    ],
    ['another version', { version: 2 }, '/annotations/version'],
  ])('rejects %s with a pointer into the section', (_name, change, pointer) => {
    const result = validateMutated((flow) => {
      Reflect.set(flow, 'annotations', JSON.parse(JSON.stringify({ ...annotations, ...change })));
    });
    expect(result.ok).toBe(false);
    expect(result.issues[0]).toMatchObject({ code: 'FLOW001', pointer: expect.stringContaining(pointer) });
  });

  it('survives migration untouched', () => {
    const flow = { ...validTestFlow(), annotations };
    const migrated = migrateFlow(flow);
    expect(migrated.ok && migrated.flow['annotations']).toEqual(annotations);
  });
});
