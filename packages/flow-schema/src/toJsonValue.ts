import type { JsonSchema, JsonValue } from './nodeTypeSpec.ts';

/**
 * Copies a value built in code (a TypeBox schema, a defaults object) into plain JSON; anything that is not JSON
 * (a function, `undefined` in an array, a class instance) is a programmer error in a node type definition.
 */
export function toJsonValue(value: unknown, path = ''): JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (Array.isArray(value)) return value.map((item, i) => toJsonValue(item, `${path}/${i}`));
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const copy: { [key: string]: JsonValue } = {};
    for (const [key, child] of Object.entries(value)) {
      // An optional property left undefined is simply absent in JSON.
      if (child !== undefined) copy[key] = toJsonValue(child, `${path}/${key}`);
    }
    return copy;
  }
  throw new Error(
    `${path || 'the value'} is not JSON (${typeof value}); node type specs and defaults must be plain JSON`,
  );
}

/** {@link toJsonValue} for a value that must be a JSON object, such as a config schema or defaults. */
export function toJsonObject(value: unknown, what: string): JsonSchema {
  const json = toJsonValue(value);
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new Error(`${what} must be a JSON object`);
  return json;
}
