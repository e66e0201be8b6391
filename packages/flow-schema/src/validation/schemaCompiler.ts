import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FlowDocument } from '../flowDocument.ts';
import { flowJsonSchema } from '../flowJsonSchema.ts';
import type { JsonSchema, NodeTypeSpec } from '../nodeTypeSpec.ts';
import type { IssueRule } from './flowIssue.ts';

const FIELD_KINDS = ['prompt', 'expression', 'template', 'variable', 'secret', 'node', 'flow'];

let sharedAjv: Ajv2020 | undefined;

/** The one ajv instance: draft 2020-12, all errors, formats, strict mode with the `x-kind` and `x-implicit` annotations registered. */
export function flowAjv(): Ajv2020 {
  if (sharedAjv === undefined) {
    const ajv = new Ajv2020({
      allErrors: true,
      strict: true,
      strictTypes: false,
      strictTuples: false,
      strictRequired: false,
      allowUnionTypes: true,
    });
    addFormats(ajv);
    ajv.addKeyword({ keyword: 'x-kind', schemaType: 'string', metaSchema: { enum: FIELD_KINDS } });
    ajv.addKeyword({
      keyword: 'x-implicit',
      schemaType: 'array',
      metaSchema: { type: 'array', items: { type: 'string' } },
    });
    sharedAjv = ajv;
  }
  return sharedAjv;
}

// ajv-formats is CommonJS; depending on the loader its default import is the plugin or a namespace holding it.
function addFormats(ajv: Ajv2020): void {
  const plugin: unknown = addFormatsModule;
  if (typeof plugin === 'function') {
    plugin(ajv);
    return;
  }
  const nested: unknown = typeof plugin === 'object' && plugin !== null ? Reflect.get(plugin, 'default') : undefined;
  if (typeof nested === 'function') nested(ajv);
}

let documentValidator: ValidateFunction<FlowDocument> | undefined;

/** The compiled validator of {@link flowJsonSchema}, compiled on first use. */
export function documentSchemaValidator(): ValidateFunction<FlowDocument> {
  documentValidator ??= flowAjv().compile<FlowDocument>(flowJsonSchema);
  return documentValidator;
}

/** A compiled config validator, or why the type's schema does not compile. */
export type ConfigValidator = { ok: true; validate: ValidateFunction } | { ok: false; message: string };

const configValidators = new Map<string, { schema: JsonSchema; validator: ConfigValidator }>();

/**
 * The compiled validator of a node type's config schema, cached by type and version (recompiled only when a
 * different schema object arrives under the same key, e.g. in tests).
 */
export function configValidatorFor(spec: NodeTypeSpec): ConfigValidator {
  const key = `${spec.type}@${spec.version}`;
  const cached = configValidators.get(key);
  if (cached !== undefined && cached.schema === spec.configSchema) return cached.validator;
  const validator = compileConfigSchema(spec.configSchema);
  configValidators.set(key, { schema: spec.configSchema, validator });
  return validator;
}

function compileConfigSchema(schema: JsonSchema): ConfigValidator {
  // `$id` would register the schema globally in ajv and clash on recompilation; `$schema` may name another draft.
  const { $id: _id, $schema: _schema, ...local } = schema;
  try {
    return { ok: true, validate: flowAjv().compile(local) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** Turns one ajv error into a readable sentence with the offending location and the rule it broke. */
export function describeAjvError(error: ErrorObject): { pointer: string; message: string; rule: IssueRule } {
  const params: Record<string, unknown> = error.params;
  let pointer = error.instancePath;
  let message = `${error.message ?? 'is invalid'}`;
  if (error.keyword === 'additionalProperties' && typeof params['additionalProperty'] === 'string') {
    pointer = `${pointer}/${escape(params['additionalProperty'])}`;
    message = `"${params['additionalProperty']}" is not a known field here; remove it or fix its spelling`;
  } else if (error.keyword === 'required' && typeof params['missingProperty'] === 'string') {
    message = `the field "${params['missingProperty']}" is required; add it`;
  } else if (error.keyword === 'enum' && Array.isArray(params['allowedValues'])) {
    message = `must be one of ${params['allowedValues'].map((v) => JSON.stringify(v)).join(', ')}`;
  } else if (error.keyword === 'const') {
    message = `must be ${JSON.stringify(params['allowedValue'])}`;
  }
  return { pointer, message, rule: { keyword: error.keyword, params: jsonParams(params) } };
}

/** ajv's params are JSON in practice; anything else is left out rather than trusted. */
function jsonParams(params: Record<string, unknown>): IssueRule['params'] {
  const json: IssueRule['params'] = {};
  for (const [key, value] of Object.entries(params)) {
    if (
      typeof value === 'string' ||
      typeof value === 'boolean' ||
      (typeof value === 'number' && Number.isFinite(value))
    )
      json[key] = value;
    else if (Array.isArray(value) && value.every(isTextOrNumber)) json[key] = [...value];
  }
  return json;
}

function isTextOrNumber(value: unknown): value is string | number {
  return typeof value === 'string' || typeof value === 'number';
}

function escape(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}
