import { describe, expect, it } from 'vitest';
import type { JsonSchema, UiHint } from '@omniflow/flow-schema';
import { builtInSpecs } from '@omniflow/flow-engine/specs';
import { bankingDefinitions } from '@omniflow/plugin-banking/definitions';
import { localizedSpec } from './nodeCatalog.ts';
import { buildFormModel, isFieldVisible, rebaseFields, type FormField } from './formModel.ts';

/** The real spec of a built-in or banking node type, as the runtime's catalog serves it. */
function specOf(type: string) {
  const spec = [...builtInSpecs.map((definition) => definition.spec), ...bankingDefinitions].find(
    (s) => s.type === type,
  );
  if (!spec) throw new Error(`no node type ${type}`);
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

  it('shows reprompts of a retry policy as a list of prompt editors', () => {
    expect(find(buildFormModel(specOf('menu')), '/noInput/reprompts')?.kind).toBe('promptList');
  });

  it('uses x-kind annotations for variable pickers and expression editors inside nested objects', () => {
    const fields = buildFormModel(specOf('ask'));
    expect(find(fields, '/variable')?.kind).toBe('variable');
    expect(find(fields, '/slot')?.kind).toBe('group');
    expect(find(fields, '/slot/validate')?.kind).toBe('expression');
    const slotType = find(fields, '/slot/type');
    expect(slotType?.kind === 'select' ? slotType.options : []).toEqual([
      'digits',
      'number',
      'amount',
      'date',
      'yesNo',
      'choice',
      'text',
    ]);
  });

  it('builds a form for a plugin node type from its schema alone', () => {
    const fields = buildFormModel(specOf('banking.activateCard'));
    expect(fields.map((f) => [f.pointer, f.kind])).toEqual([
      ['/customerIdVariable', 'variable'],
      ['/cardLastFourVariable', 'variable'],
      ['/timeoutMs', 'number'],
    ]);
  });

  it('resolves local $refs and falls back to a JSON field for shapes it has no widget for', () => {
    const fields = buildFormModel({
      ...specOf('end'),
      configSchema: {
        $defs: { text: { type: 'object', additionalProperties: { type: 'string' } } },
        type: 'object',
        properties: {
          greeting: { $ref: '#/$defs/text' },
          headers: { type: 'object', additionalProperties: { type: 'string' } },
          anything: {},
        },
      },
    });
    expect(fields.map((f) => f.kind)).toEqual(['keyValue', 'keyValue', 'json']);
  });
});

function builtIn(type: string) {
  return buildFormModel(specOf(type));
}

function kinds(fields: FormField[]): string[] {
  return fields.flatMap((f) =>
    f.kind === 'group' ? [`${f.pointer}:group`, ...kinds(f.fields)] : [`${f.pointer}:${f.kind}`],
  );
}

function onlyField(schema: JsonSchema, ui: Record<string, UiHint> = {}): FormField | undefined {
  return buildFormModel({ ...specOf('end'), configSchema: { type: 'object', properties: { value: schema } }, ui })[0];
}

describe('buildFormModel for nested built-in config', () => {
  it('renders menu retry policies as groups with a bounded retry count and reprompt editors instead of JSON', () => {
    const fields = builtIn('menu');
    const noInput = find(fields, '/noInput');
    expect(noInput?.kind === 'group' ? noInput.label : noInput?.kind).toBe('No-input retries');
    expect(kinds(fields).filter((k) => k.startsWith('/no'))).toEqual([
      '/noInput:group',
      '/noInput/maxRetries:number',
      '/noInput/reprompts:promptList',
      '/noMatch:group',
      '/noMatch/maxRetries:number',
      '/noMatch/reprompts:promptList',
    ]);
    const retries = find(fields, '/noMatch/maxRetries');
    expect(retries?.kind === 'number' ? [retries.min, retries.max, retries.integer, retries.required] : null).toEqual([
      0,
      10,
      true,
      true,
    ]);
  });

  it('renders the ask slot as a group with a type select, a choices table and an expression', () => {
    const fields = builtIn('ask');
    expect(kinds(fields).filter((k) => k.startsWith('/slot'))).toEqual([
      '/slot:group',
      '/slot/type:select',
      '/slot/minLength:number',
      '/slot/maxLength:number',
      '/slot/terminator:text',
      '/slot/min:number',
      '/slot/max:number',
      '/slot/choices:table',
      '/slot/validate:expression',
    ]);
    const choices = find(fields, '/slot/choices');
    expect(choices?.kind === 'table' ? choices.columns.map((c) => c.kind) : null).toEqual([
      'text',
      'localized',
      'localizedList',
    ]);
  });

  it('renders string maps as key/value tables whose widgets follow the schema and the documented key meaning', () => {
    const maps = [...builtIn('transaction'), ...builtIn('subflow'), ...builtIn('http')].flatMap((f) =>
      f.kind === 'keyValue' ? [[f.pointer, f.keyKind, f.valueKind]] : [],
    );
    expect(maps).toEqual([
      ['/args', 'text', 'expression'],
      ['/results', 'variable', 'text'],
      ['/inputs', 'text', 'expression'],
      ['/outputs', 'variable', 'text'],
      ['/headers', 'text', 'template'],
    ]);
    expect(find(builtIn('transaction'), '/outcomes')?.kind).toBe('stringList');
  });

  it('takes variable keys from propertyNames and variable values from x-kind', () => {
    const field = onlyField({
      type: 'object',
      propertyNames: { 'x-kind': 'variable' },
      additionalProperties: { 'x-kind': 'variable', type: 'string' },
    });
    expect(field?.kind === 'keyValue' ? [field.keyKind, field.valueKind] : field?.kind).toEqual([
      'variable',
      'variable',
    ]);
  });

  it('turns oneOf and anyOf of consts into selects with their titles and keeps numeric values numeric', () => {
    const oneOf = onlyField({
      oneOf: [
        { const: 'fast', title: 'Fast' },
        { const: 'safe', title: 'Safe' },
      ],
    });
    expect(oneOf?.kind === 'select' ? [oneOf.options, oneOf.optionLabels, oneOf.numeric] : oneOf?.kind).toEqual([
      ['fast', 'safe'],
      ['Fast', 'Safe'],
      undefined,
    ]);
    const anyOf = onlyField({ anyOf: [{ const: 1 }, { const: 2 }] });
    expect(anyOf?.kind === 'select' ? [anyOf.options, anyOf.numeric] : anyOf?.kind).toEqual([['1', '2'], true]);
    expect(onlyField({ type: 'integer', enum: [5, 10] })).toMatchObject({ kind: 'select', numeric: true });
  });

  it('keeps the JSON field only for shapes without a widget, even when hinted as json', () => {
    expect(onlyField({ anyOf: [{ type: 'string' }, { type: 'number' }] }, { '/value': { widget: 'json' } })?.kind).toBe(
      'json',
    );
    expect(onlyField({ type: 'boolean' }, { '/value': { widget: 'json' } })?.kind).toBe('checkbox');
  });

  it('gives an array of objects with nested objects a repeatable group per item, whose fields rebase onto an item', () => {
    const field = onlyField({
      type: 'array',
      items: {
        type: 'object',
        required: ['name'],
        properties: {
          name: { type: 'string' },
          retry: { type: 'object', properties: { count: { type: 'integer', maximum: 3 } } },
          when: { 'x-kind': 'expression', type: 'string' },
        },
      },
    });
    expect(field?.kind).toBe('list');
    if (field?.kind !== 'list') return;
    expect(field.itemDefaults).toEqual({ name: '' });
    expect(kinds(rebaseFields(field.itemFields, `${field.pointer}/2`))).toEqual([
      '/value/2/name:text',
      '/value/2/retry:group',
      '/value/2/retry/count:number',
      '/value/2/when:expression',
    ]);
  });

  it('keeps an array of flat objects as a table', () => {
    expect(
      onlyField({
        type: 'array',
        items: { type: 'object', properties: { path: { type: 'string' }, optional: { type: 'boolean' } } },
      })?.kind,
    ).toBe('table');
  });
});

/** The slot settings an analyst sees for an ask node collecting `type`. */
function visibleSlotFields(type: string): string[] {
  const slot = buildFormModel(specOf('ask')).find((field) => field.pointer === '/slot');
  if (slot?.kind !== 'group') throw new Error('the ask slot is no longer a group of fields');
  const config = { ...specOf('ask').defaults, slot: { type } };
  return slot.fields.filter((field) => isFieldVisible(field, config)).map((field) => field.pointer);
}

describe('isFieldVisible (issue 20: fields follow the answer type)', () => {
  it('shows length bounds and the terminator for keypad digits, and no number bounds or choices', () => {
    expect(visibleSlotFields('digits')).toEqual([
      '/slot/type',
      '/slot/minLength',
      '/slot/maxLength',
      '/slot/terminator',
      '/slot/validate',
    ]);
  });

  it('shows number bounds for numbers and amounts', () => {
    expect(visibleSlotFields('number')).toEqual(['/slot/type', '/slot/min', '/slot/max', '/slot/validate']);
    expect(visibleSlotFields('amount')).toEqual(visibleSlotFields('number'));
  });

  it('shows the choices only for a choice', () => {
    expect(visibleSlotFields('choice')).toEqual(['/slot/type', '/slot/choices', '/slot/validate']);
  });

  it('shows nothing type-specific for a date', () => {
    expect(visibleSlotFields('date')).toEqual(['/slot/type', '/slot/validate']);
  });

  it('hides a conditional field while the value it depends on is unset', () => {
    expect(isFieldVisible({ visibleWhen: { '/slot/type': ['digits'] } }, {})).toBe(false);
    expect(isFieldVisible({}, {})).toBe(true);
  });
});

/** Every field of a form, nested ones included, with the pointer an analyst would find it at. */
function allFields(fields: readonly FormField[]): FormField[] {
  return fields.flatMap((field) =>
    field.kind === 'group'
      ? [field, ...allFields(field.fields)]
      : field.kind === 'list'
        ? [field, ...allFields(rebaseFields(field.itemFields, `${field.pointer}/*`))]
        : [field],
  );
}

describe('spec labels (issue 20: plain labels)', () => {
  const specs = [...builtInSpecs.map((definition) => definition.spec), ...bankingDefinitions];
  it.each(['en', 'zh-CN', 'ko'] as const)('labels every field of every built-in and banking node in %s', (language) => {
    const unlabelled = specs.flatMap((spec) =>
      allFields(buildFormModel(localizedSpec(spec, language)))
        .filter((field) => field.autoLabel)
        .map((field) => `${spec.type} ${field.pointer} ("${field.label}")`),
    );
    expect(unlabelled).toEqual([]);
  });
});

describe('select option words (issue 20: plain labels)', () => {
  it('names the answer types in plain words in every UI language', () => {
    const typeField = (language: 'en' | 'ko') =>
      find(buildFormModel(localizedSpec(specOf('ask'), language)), '/slot/type');
    const en = typeField('en');
    const ko = typeField('ko');
    expect(en?.kind === 'select' && en.optionLabels?.[en.options.indexOf('yesNo')]).toBe('Yes or no');
    expect(ko?.kind === 'select' && ko.optionLabels?.[ko.options.indexOf('digits')]).toBe('키패드 숫자');
  });
});
