import type { FieldKind, JsonSchema } from '../nodeTypeSpec.ts';
import { jsonPointer } from '../jsonPointer.ts';
import { isRecord } from '../isRecord.ts';

/** One annotated value found in a node config. */
export interface ConfigField {
  kind: FieldKind;
  /** JSON pointer relative to the config. */
  pointer: string;
  value: unknown;
  /** Names an expression here may read without declaring them (`value` in an ask's validation). */
  implicit?: readonly string[];
}

const FIELD_KINDS: readonly FieldKind[] = ['prompt', 'expression', 'template', 'variable', 'secret', 'node', 'flow'];
const MAX_REF_DEPTH = 32;

/**
 * Finds every `x-kind` field of a config by walking the config alongside its schema — `properties`,
 * `additionalProperties`, `patternProperties`, `items`, `prefixItems`, `allOf`/`anyOf`/`oneOf`, local `$ref`s into
 * `$defs`/`definitions`, and `propertyNames` (annotated keys). A field the schema annotates twice (same pointer and kind, e.g. through
 * `allOf`) is reported once, with the `x-implicit` names of both annotations.
 */
export function collectConfigFields(schema: JsonSchema, config: Record<string, unknown>): ConfigField[] {
  const found = new Map<string, ConfigField>();
  const add = (field: ConfigField): void => {
    const key = `${field.kind} ${field.pointer}`;
    const seen = found.get(key);
    if (seen === undefined) found.set(key, field);
    else if (field.implicit !== undefined)
      found.set(key, { ...seen, implicit: [...new Set([...(seen.implicit ?? []), ...field.implicit])] });
  };
  walk(schema, schema, config, '', 0, add);
  return [...found.values()];
}

const COMBINATORS = ['allOf', 'anyOf', 'oneOf'] as const;

function walk(
  root: JsonSchema,
  schema: unknown,
  value: unknown,
  pointer: string,
  depth: number,
  add: (f: ConfigField) => void,
): void {
  if (!isRecord(schema) || value === undefined || depth > MAX_REF_DEPTH) return;
  const ref = schema['$ref'];
  if (typeof ref === 'string') walk(root, resolveLocalRef(root, ref), value, pointer, depth + 1, add);
  const kind = schema['x-kind'];
  if (isFieldKind(kind)) {
    const implicit = implicitNames(schema['x-implicit']);
    add(implicit.length > 0 ? { kind, pointer, value, implicit } : { kind, pointer, value });
    // A prompt is checked as a whole; nothing inside it is annotated separately.
    if (kind === 'prompt') return;
  }
  for (const keyword of COMBINATORS) {
    const branches = schema[keyword];
    if (Array.isArray(branches)) for (const branch of branches) walk(root, branch, value, pointer, depth + 1, add);
  }
  if (Array.isArray(value)) {
    const prefix = schema['prefixItems'];
    const prefixLength = Array.isArray(prefix) ? prefix.length : 0;
    value.forEach((item, i) => {
      const itemSchema = i < prefixLength && Array.isArray(prefix) ? prefix[i] : schema['items'];
      walk(root, itemSchema, item, `${pointer}${jsonPointer(i)}`, depth + 1, add);
    });
    return;
  }
  if (!isRecord(value)) return;
  const properties = isRecord(schema['properties']) ? schema['properties'] : {};
  const patterns = isRecord(schema['patternProperties']) ? Object.entries(schema['patternProperties']) : [];
  const names = schema['propertyNames'];
  const keyKind = isRecord(names) ? names['x-kind'] : undefined;
  for (const [key, child] of Object.entries(value)) {
    const childPointer = `${pointer}${jsonPointer(key)}`;
    if (isFieldKind(keyKind)) add({ kind: keyKind, pointer: childPointer, value: key });
    if (Object.hasOwn(properties, key)) {
      walk(root, properties[key], child, childPointer, depth + 1, add);
      continue;
    }
    const pattern = patterns.find(([source]) => safeTest(source, key));
    walk(root, pattern ? pattern[1] : schema['additionalProperties'], child, childPointer, depth + 1, add);
  }
}

function resolveLocalRef(root: JsonSchema, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  let current: unknown = root;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (!isRecord(current) || !Object.hasOwn(current, key)) return undefined;
    current = current[key];
  }
  return current;
}

function safeTest(source: string, key: string): boolean {
  try {
    return new RegExp(source, 'u').test(key);
  } catch {
    // ajv already refused a schema with an invalid pattern; here it simply matches nothing.
    return false;
  }
}

function implicitNames(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((name): name is string => typeof name === 'string') : [];
}

function isFieldKind(value: unknown): value is FieldKind {
  return typeof value === 'string' && (FIELD_KINDS as readonly string[]).includes(value);
}
