import type { FlowNode, NodeTypeCatalog, NodeTypeSpec, PortInfo } from '@omniflow/flow-schema';
import { derivePorts } from '@omniflow/flow-schema';

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
    validation: new Map(specs.map((s) => [s.type, { spec: s }])),
  };
}

/** The empty catalog used before the runtime answered. */
export const EMPTY_CATALOG: DesignerCatalog = createCatalog([]);

/** Palette groups: specs by category (sorted), filtered by a case-insensitive search over title, type and description. */
export function paletteGroups(catalog: DesignerCatalog, search: string): { category: string; specs: NodeTypeSpec[] }[] {
  const needle = search.trim().toLowerCase();
  const groups = new Map<string, NodeTypeSpec[]>();
  for (const spec of catalog.specs) {
    if (spec.type === 'start' && needle === '') continue;
    const hay = `${spec.title} ${spec.type} ${spec.description} ${spec.category}`.toLowerCase();
    if (needle && !hay.includes(needle)) continue;
    const list = groups.get(spec.category) ?? [];
    list.push(spec);
    groups.set(spec.category, list);
  }
  return [...groups.entries()].toSorted(([a], [b]) => a.localeCompare(b)).map(([category, specs]) => ({ category, specs }));
}

/**
 * The ports of a node as the canvas draws them. An unknown type has no spec, so it keeps the ports its edges
 * use — the flow stays intact until the type is installed again.
 */
export function nodePorts(node: FlowNode, spec: NodeTypeSpec | undefined, edgePorts: readonly string[]): PortInfo[] {
  if (!spec) return [...new Set(edgePorts)].map((name) => ({ name, label: name }));
  try {
    return derivePorts(spec, node.config);
  } catch (error) {
    // A malformed config must not take the canvas down; validation reports the config itself.
    console.warn(`derivePorts failed for ${node.id}`, error);
    return [];
  }
}
