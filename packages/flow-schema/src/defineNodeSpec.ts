import type { Static, TSchema } from 'typebox';
import type {
  NodeBehaviour,
  NodeCheckContext,
  NodeConfigMigration,
  NodeTypeDefinition,
  NodeTypeLabels,
  PortSpec,
  UiHint,
  UiLanguage,
} from './nodeTypeSpec.ts';
import { toJsonObject } from './toJsonValue.ts';

/** What a node type's author writes: the config as a TypeBox schema, its labels in every UI language, hooks. */
export interface NodeSpecSource<Schema extends TSchema> {
  type: string;
  version: number;
  category: string;
  icon: string;
  behaviour: NodeBehaviour;
  /** The config schema; the config's TypeScript type is `Static<typeof schema>`, never written by hand. */
  config: Schema;
  /** The config a new node starts with in the designer. */
  defaults: Partial<Static<Schema>>;
  /** Ports; a fixed port's label comes from `labels.en.ports`. */
  ports: PortSpec[];
  /** Inspector hints by config pointer; each field's label and help come from `labels.en.fields`. */
  ui?: Record<string, Omit<UiHint, 'label' | 'help' | 'options'>>;
  /** Title, description, field and port labels in English, Simplified Chinese and Korean. */
  labels: Record<UiLanguage, NodeTypeLabels>;
  pack?: string;
  /** Runtime secrets the handler looks up (see {@link NodeTypeSpec.secrets}). */
  secrets?: string[];
  /** One migration per version after 1, each from `version - 1`. */
  migrations?: NodeConfigMigration[];
  check?(config: Static<Schema>, context: NodeCheckContext): void;
}

/**
 * Turns a node type's source into the JSON spec the validator, the engine and the designer share: the TypeBox
 * schema becomes plain JSON Schema, and the English labels fill the title, description, ports and UI hints.
 */
export function defineNodeSpec<Schema extends TSchema>(
  source: NodeSpecSource<Schema>,
): NodeTypeDefinition<Static<Schema>> {
  const { en } = source.labels;
  const ui: Record<string, UiHint> = {};
  for (const [pointer, hint] of Object.entries(source.ui ?? {})) {
    const field = en.fields?.[pointer];
    ui[pointer] = { ...hint, ...(field === undefined ? {} : field) };
  }
  // A labelled field needs no other hint: its label alone keeps the form from inventing one ("End Of Speech Ms").
  for (const [pointer, field] of Object.entries(en.fields ?? {})) ui[pointer] ??= { ...field };
  const ports = source.ports.map((port): PortSpec => {
    const label = 'name' in port && port.label === undefined ? en.ports?.[port.name] : undefined;
    return label === undefined ? port : { ...port, label };
  });
  return {
    spec: {
      type: source.type,
      version: source.version,
      title: en.title,
      description: en.description,
      category: source.category,
      icon: source.icon,
      behaviour: source.behaviour,
      configSchema: toJsonObject(source.config, `the config schema of ${source.type}`),
      defaults: toJsonObject(source.defaults, `the defaults of ${source.type}`),
      ports,
      ...(Object.keys(ui).length === 0 ? {} : { ui }),
      labels: source.labels,
      ...(source.pack === undefined ? {} : { pack: source.pack }),
      ...(source.secrets === undefined ? {} : { secrets: [...source.secrets] }),
    },
    ...(source.migrations === undefined ? {} : { migrations: source.migrations }),
    ...(source.check === undefined ? {} : { check: source.check }),
  };
}
