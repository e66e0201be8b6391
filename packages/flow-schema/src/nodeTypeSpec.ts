import type { Locale, VariableDeclaration } from './flowDocument.ts';
import type { FlowIssueCode } from './validation/flowIssue.ts';

/**
 * A JSON Schema as plain JSON. Config schemas may mark fields with the `x-kind` annotation so that
 * validation, the engine and the designer know what a string means:
 * - `prompt`: a {@link Prompt} object (checked for every flow locale, rendered per channel)
 * - `expression`: a safe expression (parsed at validation, evaluated by the engine)
 * - `template`: a string with `{{variable}}` placeholders
 * - `variable`: the name of a declared flow variable (written or read by the node)
 * - `secret`: the name of a runtime secret (never a secret value)
 * - `node`: the id of another node in the same flow
 * - `flow`: the id of another flow (subflow)
 *
 * An `expression` field may also carry `x-implicit`: names the expression may read without a declaration (an
 * `ask` node's validation reads `value`, the answer heard).
 */
export type JsonSchema = { [key: string]: JsonValue };

/** Any JSON value. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** The semantic kinds a config field can be annotated with (`x-kind`). */
export type FieldKind = 'prompt' | 'expression' | 'template' | 'variable' | 'secret' | 'node' | 'flow';

/**
 * How a node type's ports follow from its config, as data so the browser can derive them too.
 * - `{ name }`: a fixed port, e.g. `success`.
 * - `{ fromConfig: '/options', key: 'key', label: 'label' }`: one port per array item, named by its `key` field.
 * - `{ name, when: '/noInput/enabled' }`: a fixed port present only when that config pointer is truthy.
 */
export type PortSpec =
  { name: string; label?: string; when?: string } | { fromConfig: string; key: string; label?: string; when?: string };

/** One derived port of a concrete node. */
export interface PortInfo {
  name: string;
  label: string;
}

/** UI hints for the generated inspector form, keyed by JSON pointer into the config (`/options`). */
export interface UiHint {
  widget?:
    | 'text'
    | 'textarea'
    | 'number'
    | 'checkbox'
    | 'select'
    | 'prompt'
    | 'expression'
    | 'variable'
    | 'table'
    | 'json'
    | 'secret'
    | 'node'
    | 'flow';
  label?: string;
  help?: string;
  order?: number;
  /** Columns shown for `table` widgets, as property names of the array items. */
  columns?: string[];
  hidden?: boolean;
  /**
   * Shows the field only while other config values are among the listed ones, by pointer relative to the config:
   * `{ '/slot/type': ['digits', 'text'] }` — so a form offers only what applies to the choice made.
   */
  visibleWhen?: Record<string, JsonValue[]>;
  /** Words for a select's values, from the field's labels in the UI language. */
  options?: Record<string, string>;
}

/** What kind of step a node type is; decides how the engine drives it. */
export type NodeBehaviour =
  /** Runs immediately and leaves by one port (message, set, condition, hours, start). */
  | 'automatic'
  /** Renders a prompt and waits for caller input (menu, ask). */
  | 'interactive'
  /** Runs an async handler with a timeout (transaction, http, plugin nodes). */
  | 'async'
  /** Ends the session (end, transfer). */
  | 'terminal'
  /** Calls another flow and resumes when it ends. */
  | 'subflow';

/**
 * The JSON-only description of a node type: safe for the browser and served in the runtime's catalog.
 * Built-in and plugin node types are described the same way.
 */
export interface NodeTypeSpec {
  /** Unique id, `built-in` names are bare (`menu`); plugin types are namespaced (`banking.activateCard`). */
  type: string;
  /** Config version; bumped with a migration whenever the config shape changes. */
  version: number;
  title: string;
  description: string;
  category: string;
  /** An icon name or a single emoji used by the palette. */
  icon: string;
  behaviour: NodeBehaviour;
  configSchema: JsonSchema;
  defaults: Record<string, JsonValue>;
  ports: PortSpec[];
  ui?: Record<string, UiHint>;
  /** Plugin pack that contributed this type; absent for built-ins. */
  pack?: string;
  /**
   * Names of the runtime secrets the handler looks up; the runtime hands it no other (besides `{{secret:NAME}}`
   * placeholders in the node's own config) and sends each only to the destinations configured for it.
   */
  secrets?: string[];
  /** Title, description, field and port labels per UI language (`en`, `zh-CN`, `ko`); `title` and `ui` hold the English. */
  labels?: Partial<Record<UiLanguage, NodeTypeLabels>>;
}

/** The languages node type labels are written in. */
export type UiLanguage = 'en' | 'zh-CN' | 'ko';

/** Every UI language a node type labels itself in, in a stable order. */
export const UI_LANGUAGES: readonly UiLanguage[] = ['en', 'zh-CN', 'ko'];

/**
 * What a node type is called in one UI language: its title, palette category, description, config fields (by
 * pointer) and ports. `category` may be left out in English, where the spec's own `category` is the word.
 */
export interface NodeTypeLabels {
  title: string;
  category?: string;
  description: string;
  fields?: Record<string, FieldLabels>;
  ports?: Record<string, string>;
}

/** A field's words in one UI language; `options` names the values of a select (`{ yesNo: 'Yes or no' }`). */
export interface FieldLabels {
  label: string;
  help?: string;
  options?: Record<string, string>;
}

/** A config migration from `version - 1` to `version` (and back), shipped with the node type. */
export interface NodeConfigMigration {
  version: number;
  up(config: Record<string, unknown>): Record<string, unknown>;
  down(config: Record<string, unknown>): Record<string, unknown>;
}

/** What a node type's own validation hook may see of the flow and how it reports an issue. */
export interface NodeCheckContext {
  nodeId: string;
  /** The locales the flow declares. */
  locales: readonly Locale[];
  /** The flow's declaration of a variable, or `undefined` when it is not declared. */
  variable(name: string): VariableDeclaration | undefined;
  /** Reports an issue at a JSON pointer relative to the node's config (`/slot/type`). */
  report(code: FlowIssueCode, pointer: string, message: string): void;
}

/**
 * A node type definition as the schema package sees it: the JSON spec, its config migrations and its own
 * validation hook, which runs on a config that has passed the schema (so `Config` holds).
 */
export interface NodeTypeDefinition<Config = Record<string, unknown>> {
  spec: NodeTypeSpec;
  migrations?: NodeConfigMigration[];
  // Method syntax on purpose: a hook typed for one config still fits a catalog of untyped configs.
  check?(config: Config, context: NodeCheckContext): void;
}

/** The set of node types a flow is validated against, keyed by type id. */
export type NodeTypeCatalog = ReadonlyMap<string, NodeTypeDefinition>;
