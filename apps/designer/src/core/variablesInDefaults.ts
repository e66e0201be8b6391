import type { JsonSchema, VariableDeclaration } from '@omniflow/flow-schema';
import { isRecord } from '@omniflow/flow-schema';
import { resolveRef } from './formModel.ts';

/**
 * The variables a node's config names (fields annotated `x-kind: variable`) that the flow does not declare yet, as
 * declarations of type `string` (a schema says no more about them); a drop declares them so a plugin node's
 * pre-filled names never show up as problems.
 */
export function variablesInDefaults(
  schema: JsonSchema,
  config: unknown,
  declared: readonly VariableDeclaration[],
): VariableDeclaration[] {
  const known = new Set(declared.map((v) => v.name));
  const found: VariableDeclaration[] = [];
  collect(schema, schema, config, (name) => {
    if (known.has(name)) return;
    known.add(name);
    found.push({ name, type: 'string' });
  });
  return found;
}

function collect(raw: JsonSchema, root: JsonSchema, value: unknown, found: (name: string) => void): void {
  const schema = resolveRef(raw, root);
  if (schema['x-kind'] === 'variable') {
    if (typeof value === 'string' && value !== '') found(value);
    return;
  }
  if (Array.isArray(value) && isRecord(schema.items)) {
    const items = schema.items;
    for (const item of value) collect(items, root, item, found);
    return;
  }
  if (!isRecord(value) || !isRecord(schema.properties)) return;
  for (const [key, property] of Object.entries(schema.properties)) {
    if (isRecord(property)) collect(property, root, value[key], found);
  }
}
