import type { JsonSchema, JsonValue, NodeTypeSpec, UiHint } from '@omniflow/flow-schema';
import { isRecord } from '@omniflow/flow-schema';
import { getAtPointer } from './jsonPointer.ts';

/** One column of an array-of-objects table (menu options, condition cases, assignments). */
export interface TableColumn {
  key: string;
  label: string;
  kind: 'text' | 'number' | 'checkbox' | 'select' | 'localized' | 'localizedList' | 'expression' | 'variable' | 'json';
  options?: string[];
}

/** How the keys or values of a string map are edited. */
export type MapEntryKind = 'text' | 'expression' | 'template' | 'variable';

/** What every generated field has; `pointer` is relative to the node's config. */
export interface FieldBase {
  pointer: string;
  label: string;
  help?: string;
  required: boolean;
  /** The spec gave no label, so it was made from the property name ("End of speech ms"). */
  autoLabel?: boolean;
  /** From the UI hint: shown only while these config values match (see {@link isFieldVisible}). */
  visibleWhen?: Record<string, JsonValue[]>;
}

/** A field of a generated inspector form; `pointer` is relative to the node's config. */
export type FormField = FieldBase &
  (
    | {
        kind:
          | 'text'
          | 'textarea'
          | 'checkbox'
          | 'secret'
          | 'template'
          | 'expression'
          | 'variable'
          | 'node'
          | 'flow'
          | 'prompt'
          | 'promptList'
          | 'localized'
          | 'json'
          | 'stringList';
      }
    | {
        kind: 'number';
        min?: number;
        max?: number;
        integer?: boolean;
      }
    | {
        kind: 'keyValue';
        keyKind: MapEntryKind;
        valueKind: MapEntryKind;
      }
    | {
        kind: 'select';
        options: string[];
        optionLabels?: string[];
        numeric?: boolean;
      }
    | {
        kind: 'table';
        columns: TableColumn[];
        itemDefaults: Record<string, unknown>;
      }
    | { kind: 'group'; fields: FormField[] }
    /** An array of objects too rich for table cells: one group per item; `itemFields` pointers are relative to the item. */
    | {
        kind: 'list';
        itemFields: FormField[];
        itemDefaults: Record<string, unknown>;
      }
  );

/** Kinds of JSON values that mean per-locale text: `{ "en-US": "…" }` and `{ "en-US": ["…"] }`. */
const LOCALIZED_NAMES = new Set(['label', 'text', 'ssml', 'audio', 'title']);

/**
 * Builds the inspector form for a node type from its config JSON Schema and UI hints. Widgets come from the UI
 * hint first, then the `x-kind` annotation, then the JSON type; anything unrecognised falls back to a JSON field,
 * so every plugin node gets an editable form.
 */
export function buildFormModel(spec: NodeTypeSpec): FormField[] {
  const root = spec.configSchema;
  return objectFields(root, root, '', spec.ui ?? {});
}

function objectFields(schema: JsonSchema, root: JsonSchema, base: string, ui: Record<string, UiHint>): FormField[] {
  const resolved = resolveRef(schema, root);
  const properties = isRecord(resolved.properties) ? resolved.properties : {};
  const required = new Set(
    Array.isArray(resolved.required) ? resolved.required.filter((r) => typeof r === 'string') : [],
  );
  const fields: { field: FormField; order: number; index: number }[] = [];
  Object.entries(properties).forEach(([key, raw], index) => {
    if (!isJsonSchema(raw)) return;
    const pointer = `${base}/${key}`;
    const hint = ui[pointer] ?? {};
    if (hint.hidden) return;
    const field = fieldFor(key, resolveRef(raw, root), root, pointer, hint, ui, required.has(key));
    fields.push({ field, order: hint.order ?? 1000, index });
  });
  return fields.toSorted((a, b) => a.order - b.order || a.index - b.index).map((f) => f.field);
}

function fieldFor(
  key: string,
  schema: JsonSchema,
  root: JsonSchema,
  pointer: string,
  hint: UiHint,
  ui: Record<string, UiHint>,
  required: boolean,
): FormField {
  const given = hint.label ?? (typeof schema.title === 'string' ? schema.title : undefined);
  const label = given ?? humanize(key);
  const help = hint.help ?? (typeof schema.description === 'string' ? schema.description : undefined);
  const common: Common = {
    pointer,
    label,
    required,
    ...(help ? { help } : {}),
    ...(given === undefined ? { autoLabel: true } : {}),
    ...(hint.visibleWhen ? { visibleWhen: hint.visibleWhen } : {}),
  };
  const xKind = typeof schema['x-kind'] === 'string' ? schema['x-kind'] : undefined;
  // A `json` hint predates the structured widgets: it is honoured only when the schema has no better widget.
  const widget = hint.widget === 'json' ? undefined : hint.widget;
  const choices = choicesOf(schema);

  if (widget === 'select' || (choices && !widget)) {
    const select = choices ?? { options: [] };
    const named = hint.options;
    return {
      kind: 'select',
      ...common,
      ...select,
      ...(named ? { optionLabels: select.options.map((o, i) => named[o] ?? select.optionLabels?.[i] ?? o) } : {}),
    };
  }
  if (!widget && schema.type === 'array' && items(schema, root)?.['x-kind'] === 'prompt')
    return { kind: 'promptList', ...common };
  if (widget === 'table' || (!widget && schema.type === 'array' && isObjectSchema(items(schema, root)))) {
    const item = items(schema, root);
    if (item && isObjectSchema(item)) {
      const table = tableField(item, root, common, hint, ui);
      // A cell would need raw JSON: give each item its own group of generated fields instead.
      if (table.kind === 'table' && !hint.columns && table.columns.some((c) => c.kind === 'json'))
        return listField(item, root, common);
      return table;
    }
  }
  switch (widget ?? xKind) {
    case 'prompt':
      return { kind: 'prompt', ...common };
    case 'expression':
      return { kind: 'expression', ...common };
    case 'template':
      return { kind: 'template', ...common };
    case 'variable':
      return { kind: 'variable', ...common };
    case 'secret':
      return { kind: 'secret', ...common };
    case 'node':
      return { kind: 'node', ...common };
    case 'flow':
      return { kind: 'flow', ...common };
    case 'textarea':
      return { kind: 'textarea', ...common };
    case 'number':
      return numberField(schema, common);
    case 'checkbox':
      return { kind: 'checkbox', ...common };
    case 'text':
      return { kind: 'text', ...common };
    default:
      break;
  }
  if (schema.type === 'string') return { kind: 'text', ...common };
  if (schema.type === 'number' || schema.type === 'integer') return numberField(schema, common);
  if (schema.type === 'boolean') return { kind: 'checkbox', ...common };
  if (schema.type === 'array' && isRecord(schema.items) && schema.items.type === 'string')
    return { kind: 'stringList', ...common };
  if (isObjectSchema(schema)) {
    const additional = isJsonSchema(schema.additionalProperties) ? resolveRef(schema.additionalProperties, root) : null;
    if (additional && additional.type === 'string' && !isRecord(schema.properties)) {
      if (LOCALIZED_NAMES.has(key) || isLocalizedRef(schema)) return { kind: 'localized', ...common };
      return {
        kind: 'keyValue',
        ...common,
        keyKind: mapKeyKind(schema, label, help),
        valueKind: entryKind(additional),
      };
    }
    if (isRecord(schema.properties))
      return { kind: 'group', ...common, fields: objectFields(schema, root, pointer, ui) };
  }
  return { kind: 'json', ...common };
}

type Common = FieldBase;

function numberField(schema: JsonSchema, common: Common): FormField {
  return {
    kind: 'number',
    ...common,
    ...(typeof schema.minimum === 'number' ? { min: schema.minimum } : {}),
    ...(typeof schema.maximum === 'number' ? { max: schema.maximum } : {}),
    ...(schema.type === 'integer' ? { integer: true } : {}),
  };
}

/** The choices of an `enum`, or of a `oneOf`/`anyOf` whose every branch is a `const` (its `title` is the label). */
function choicesOf(schema: JsonSchema): { options: string[]; optionLabels?: string[]; numeric?: boolean } | null {
  if (Array.isArray(schema.enum))
    return { options: schema.enum.map(String), ...(numericValues(schema.enum) ? { numeric: true } : {}) };
  const branches = Array.isArray(schema.oneOf) ? schema.oneOf : Array.isArray(schema.anyOf) ? schema.anyOf : null;
  if (!branches || branches.length === 0 || !branches.every((b) => isRecord(b) && 'const' in b)) return null;
  const consts = branches.flatMap((b) => (isRecord(b) ? [b.const ?? null] : []));
  const labels = branches.flatMap((b, i) =>
    isRecord(b) && typeof b.title === 'string' ? [b.title] : [String(consts[i])],
  );
  return { options: consts.map(String), optionLabels: labels, ...(numericValues(consts) ? { numeric: true } : {}) };
}

function numericValues(values: readonly unknown[]): boolean {
  return values.length > 0 && values.every((v) => typeof v === 'number');
}

/** Keys are flow variables when the schema says so (`propertyNames: { x-kind: variable }`) or the label documents it: "(variable: …)". */
function mapKeyKind(schema: JsonSchema, label: string, help: string | undefined): MapEntryKind {
  const names = schema.propertyNames;
  if (isRecord(names) && names['x-kind'] === 'variable') return 'variable';
  return /\(\s*variables?\s*(:|→|->)/i.test(`${label} ${help ?? ''}`) ? 'variable' : 'text';
}

function entryKind(schema: JsonSchema): MapEntryKind {
  const xKind = schema['x-kind'];
  return xKind === 'expression' || xKind === 'template' || xKind === 'variable' ? xKind : 'text';
}

function tableField(
  item: JsonSchema,
  root: JsonSchema,
  common: Common,
  hint: UiHint,
  ui: Record<string, UiHint>,
): FormField {
  const properties = isRecord(item.properties) ? item.properties : {};
  // Reprompt lists are arrays of prompts: their text per locale is what an analyst edits in a table.
  const keys = hint.columns ?? (item['x-kind'] === 'prompt' ? ['text'] : Object.keys(properties));
  const columns: TableColumn[] = keys.flatMap((key) => {
    const raw = properties[key];
    if (!isJsonSchema(raw)) return [];
    return [
      {
        key,
        // A column's words come from the spec's labels by item pointer (`/options/*/key`), in the UI language.
        label: ui[`${common.pointer}/*/${key}`]?.label ?? (typeof raw.title === 'string' ? raw.title : humanize(key)),
        ...columnKind(key, resolveRef(raw, root), root),
      },
    ];
  });
  const itemDefaults: Record<string, unknown> = {};
  for (const column of columns) itemDefaults[column.key] = defaultFor(column.kind);
  return { kind: 'table', ...common, columns, itemDefaults };
}

function listField(item: JsonSchema, root: JsonSchema, common: Common): FormField {
  const itemFields = objectFields(item, root, '', {});
  const itemDefaults: Record<string, unknown> = {};
  for (const field of itemFields) {
    const key = field.pointer.slice(1);
    if (field.kind === 'checkbox') itemDefaults[key] = false;
    else if (field.kind === 'text' && field.required) itemDefaults[key] = '';
  }
  return { kind: 'list', ...common, itemFields, itemDefaults };
}

/**
 * Whether a field applies to the config as it stands: every `visibleWhen` pointer must hold one of its listed
 * values (an unset value never matches), so e.g. the terminator shows only for keypad digits.
 */
export function isFieldVisible(field: Pick<FieldBase, 'visibleWhen'>, config: unknown): boolean {
  if (!field.visibleWhen) return true;
  return Object.entries(field.visibleWhen).every(([pointer, values]) => {
    const current = getAtPointer(config, pointer);
    return values.some((value) => value === current);
  });
}

/** Prefixes the pointers of generated fields (a list item's fields) with `base`. */
export function rebaseFields(fields: readonly FormField[], base: string): FormField[] {
  return fields.map((field) =>
    field.kind === 'group'
      ? { ...field, pointer: base + field.pointer, fields: rebaseFields(field.fields, base) }
      : { ...field, pointer: base + field.pointer },
  );
}

function columnKind(key: string, schema: JsonSchema, root: JsonSchema): Pick<TableColumn, 'kind' | 'options'> {
  const xKind = schema['x-kind'];
  if (Array.isArray(schema.enum)) return { kind: 'select', options: schema.enum.map(String) };
  if (xKind === 'expression') return { kind: 'expression' };
  if (xKind === 'variable') return { kind: 'variable' };
  if (schema.type === 'string') return { kind: 'text' };
  if (schema.type === 'number' || schema.type === 'integer') return { kind: 'number' };
  if (schema.type === 'boolean') return { kind: 'checkbox' };
  if (isObjectSchema(schema) && isJsonSchema(schema.additionalProperties)) {
    const additional = resolveRef(schema.additionalProperties, root);
    if (additional.type === 'string' && (LOCALIZED_NAMES.has(key) || isLocalizedRef(schema)))
      return { kind: 'localized' };
    if (additional.type === 'array') return { kind: 'localizedList' };
  }
  return { kind: 'json' };
}

function defaultFor(kind: TableColumn['kind']): unknown {
  switch (kind) {
    case 'localized':
    case 'localizedList':
      return {};
    case 'number':
      return 0;
    case 'checkbox':
      return false;
    case 'json':
      return null;
    default:
      return '';
  }
}

function items(schema: JsonSchema, root: JsonSchema): JsonSchema | null {
  return isJsonSchema(schema.items) ? resolveRef(schema.items, root) : null;
}

function isObjectSchema(schema: JsonSchema | null): schema is JsonSchema {
  return schema !== null && (schema.type === 'object' || isRecord(schema.properties));
}

function isLocalizedRef(schema: JsonSchema): boolean {
  const ref = schema['x-ref'] ?? schema.$ref;
  return typeof ref === 'string' && /locali[sz]ed/i.test(ref);
}

/** Resolves a local `$ref` (`#/$defs/prompt`) against the root schema; other refs are left as they are. */
export function resolveRef(schema: JsonSchema, root: JsonSchema, depth = 0): JsonSchema {
  const ref = schema.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/') || depth > 8) return schema;
  let target: JsonValue = root;
  for (const part of ref.slice(2).split('/')) {
    target = isRecord(target) ? (target[part] ?? null) : null;
  }
  if (!isJsonSchema(target)) return schema;
  const { $ref: _ref, ...rest } = schema;
  // Keep the ref name: `#/$defs/localizedText` is how a schema says "text per locale".
  return resolveRef({ ...target, ...rest, 'x-ref': ref }, root, depth + 1);
}

function isJsonSchema(value: unknown): value is JsonSchema {
  return isRecord(value);
}

function humanize(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
