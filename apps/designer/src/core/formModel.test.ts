import { describe, expect, it } from 'vitest';
import { TEST_NODE_TYPES } from '../testing/testNodeTypes.ts';
import { buildFormModel, type FormField } from './formModel.ts';

function specOf(type: string) {
  const spec = TEST_NODE_TYPES.find((s) => s.type === type);
  if (!spec) throw new Error(`no test spec ${type}`);
  return spec;
}

function find(fields: FormField[], pointer: string): FormField | undefined {
  for (const f of fields) {
    if (f.pointer === pointer) return f;
    if (f.kind === 'group') {
      const inner = find(f.fields, pointer);
      if (inner) return inner;
    }
  }
  return undefined;
}

describe('buildFormModel', () => {
  it('orders fields by their UI hint and puts the prompt first', () => {
    const fields = buildFormModel(specOf('menu'));
    expect(fields.map((f) => f.pointer).slice(0, 2)).toEqual(['/prompt', '/options']);
    expect(fields[0]?.kind).toBe('prompt');
  });

  it('turns menu options into a table of key, per-locale label and per-locale synonyms', () => {
    const options = find(buildFormModel(specOf('menu')), '/options');
    expect(options?.kind).toBe('table');
    if (options?.kind !== 'table') return;
    expect(options.columns.map((c) => [c.key, c.kind])).toEqual([
      ['key', 'text'],
      ['label', 'localized'],
      ['synonyms', 'localizedList'],
    ]);
  });

  it('shows reprompts of a retry policy as a table of prompt text per locale', () => {
    const reprompts = find(buildFormModel(specOf('menu')), '/noInput/reprompts');
    expect(reprompts?.kind === 'table' ? reprompts.columns.map((c) => c.kind) : reprompts?.kind).toEqual(['localized']);
  });

  it('uses x-kind annotations for variable pickers and expression editors inside nested objects', () => {
    const fields = buildFormModel(specOf('ask'));
    expect(find(fields, '/variable')?.kind).toBe('variable');
    expect(find(fields, '/slot')?.kind).toBe('group');
    expect(find(fields, '/slot/validate')?.kind).toBe('expression');
    const slotType = find(fields, '/slot/type');
    expect(slotType?.kind === 'select' ? slotType.options : []).toEqual(['digits', 'number', 'text']);
  });

  it('builds a form for a plugin node type from its schema alone', () => {
    const fields = buildFormModel(specOf('banking.activateCard'));
    expect(fields.map((f) => [f.pointer, f.kind])).toEqual([
      ['/customerIdVariable', 'variable'],
      ['/timeoutMs', 'number'],
    ]);
  });

  it('resolves local $refs and falls back to a JSON field for shapes it has no widget for', () => {
    const fields = buildFormModel({
      ...specOf('end'),
      configSchema: {
        $defs: { text: { type: 'object', additionalProperties: { type: 'string' } } },
        type: 'object',
        properties: { greeting: { $ref: '#/$defs/text' }, headers: { type: 'object', additionalProperties: { type: 'string' } }, anything: {} },
      },
    });
    expect(fields.map((f) => f.kind)).toEqual(['keyValue', 'keyValue', 'json']);
  });
});
