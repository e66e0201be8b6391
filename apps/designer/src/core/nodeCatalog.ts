import type {
  FlowNode,
  NodeTypeCatalog,
  NodeTypeDefinition,
  NodeTypeSpec,
  PortInfo,
  UiLanguage,
} from '@omniflow/flow-schema';
import { derivePorts } from '@omniflow/flow-schema';
import { builtInSpecs } from '@omniflow/flow-engine/specs';

/** The node types the runtime serves, indexed for the palette, the canvas and validation. */
export interface DesignerCatalog {
  specs: readonly NodeTypeSpec[];
  byType: ReadonlyMap<string, NodeTypeSpec>;
  /** The shape `validateFlow` takes. */
  validation: NodeTypeCatalog;
}

/** Indexes a list of specs as served by `/api/node-types`. */
export function createCatalog(specs: readonly NodeTypeSpec[]): DesignerCatalog {
  return {
    specs,
    byType: new Map(specs.map((s) => [s.type, s])),
    validation: new Map(specs.map((s) => [s.type, definitionOf(s)])),
  };
}

const BUILT_IN_DEFINITIONS = new Map(builtInSpecs.map((definition) => [definition.spec.type, definition]));

/**
 * A served spec with the validation hook and migrations of its built-in definition: functions do not travel as
 * JSON, but the built-ins' come from the browser-safe specs entry, so the designer reports what the runtime does.
 */
function definitionOf(spec: NodeTypeSpec): NodeTypeDefinition {
  const builtIn = BUILT_IN_DEFINITIONS.get(spec.type);
  // Another version of the type (an older or newer runtime) has another config: its hooks would not fit it.
  if (builtIn === undefined || builtIn.spec.version !== spec.version) return { spec };
  return { ...builtIn, spec };
}

/** A node type's title, description and palette category in the UI language, falling back to the English ones. */
export function specText(
  spec: NodeTypeSpec,
  language: UiLanguage,
): { title: string; description: string; category: string } {
  const labels = spec.labels?.[language];
  return {
    title: labels?.title ?? spec.title,
    description: labels?.description ?? spec.description,
    category: labels?.category ?? spec.category,
  };
}

/**
 * The spec as the inspector shows it in the UI language: title, description, field labels and help, and fixed
 * port labels from the spec's own `labels`, each falling back to the English one. English returns the spec itself.
 */
export function localizedSpec(spec: NodeTypeSpec, language: UiLanguage): NodeTypeSpec {
  const labels = spec.labels?.[language];
  if (language === 'en' || labels === undefined) return spec;
  const ui: NonNullable<NodeTypeSpec['ui']> = {};
  for (const [pointer, hint] of Object.entries(spec.ui ?? {})) ui[pointer] = { ...hint, ...labels.fields?.[pointer] };
  for (const [pointer, field] of Object.entries(labels.fields ?? {})) ui[pointer] ??= { ...field };
  const ports = spec.ports.map((port) => {
    const label = 'name' in port ? labels.ports?.[port.name] : undefined;
    return label === undefined ? port : { ...port, label };
  });
  return { ...spec, ...specText(spec, language), ports, ...(Object.keys(ui).length === 0 ? {} : { ui }) };
}

/** The empty catalog used before the runtime answered. */
export const EMPTY_CATALOG: DesignerCatalog = createCatalog([]);

/**
 * Palette groups: specs by category (in the order of the English names, so the palette keeps its shape in every
 * language), each titled in the UI language, filtered by a case-insensitive search over type, category, title and
 * description in English and in the UI language.
 */
export function paletteGroups(
  catalog: DesignerCatalog,
  search: string,
  language: UiLanguage = 'en',
): { category: string; label: string; specs: NodeTypeSpec[] }[] {
  const needle = search.trim().toLowerCase();
  const groups = new Map<string, { label: string; specs: NodeTypeSpec[] }>();
  for (const spec of catalog.specs) {
    if (spec.type === 'start' && needle === '') continue;
    const local = specText(spec, language);
    const hay =
      `${spec.title} ${spec.type} ${spec.description} ${spec.category} ${local.title} ${local.description} ${local.category}`.toLowerCase();
    if (needle && !hay.includes(needle)) continue;
    const group = groups.get(spec.category) ?? { label: local.category, specs: [] };
    group.specs.push(spec);
    groups.set(spec.category, group);
  }
  return [...groups.entries()]
    .toSorted(([a], [b]) => a.localeCompare(b))
    .map(([category, group]) => ({ category, ...group }));
}

/**
 * The ports of a node as the canvas draws them. An unknown type has no spec, so it keeps the ports its edges
 * use — the flow stays intact until the type is installed again. Option labels are in `locale` when given.
 */
export function nodePorts(
  node: FlowNode,
  spec: NodeTypeSpec | undefined,
  edgePorts: readonly string[],
  locale?: string,
): PortInfo[] {
  if (!spec) return [...new Set(edgePorts)].map((name) => ({ name, label: name }));
  try {
    return derivePorts(spec, node.config, locale);
  } catch (error) {
    // A malformed config must not take the canvas down; validation reports the config itself.
    console.warn(`derivePorts failed for ${node.id}`, error);
    return [];
  }
}
