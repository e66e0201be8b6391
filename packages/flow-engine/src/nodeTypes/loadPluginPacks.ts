import type { NodeTypeImplementation } from './defineNodeType.ts';
import type { NodeHandler } from './handlerTypes.ts';
import type { NodeTypeRegistry } from './NodeTypeRegistry.ts';

/**
 * A plugin pack as modules export it: a name, its node types with handlers attached, and optionally named
 * transaction handlers that `transaction` nodes call by `config.handler`.
 */
export interface PluginPack {
  name: string;
  definitions: NodeTypeImplementation[];
  handlers?: Readonly<Record<string, NodeHandler>>;
}

/** What happened to each named pack module. */
export interface PackLoadReport {
  loaded: { module: string; pack: string; types: string[]; handlers: string[] }[];
  failed: { module: string; error: string }[];
}

/**
 * Imports each named plugin pack module with `importModule` (the host's own `import`, so names resolve from the
 * host's dependencies) and registers its node types and handlers. A module that fails (missing, no pack export,
 * a type or handler already registered) is reported by name and skipped; the others still load.
 * A package exposing its server side as `<name>/handlers` (the browser-safe split) is found there.
 */
export async function loadPluginPacks(
  modules: readonly string[],
  registry: NodeTypeRegistry,
  importModule: (specifier: string) => Promise<unknown>,
): Promise<PackLoadReport> {
  const report: PackLoadReport = { loaded: [], failed: [] };
  for (const name of modules) {
    try {
      const packs = findPacks(await importPack(name, importModule));
      if (packs.length === 0) throw new Error('the module exports no plugin pack ({ name, definitions: [...] })');
      for (const pack of packs) {
        const handlers = Object.entries(pack.handlers ?? {});
        const clash = pack.definitions.find((impl) => registry.get(impl.spec.type) !== undefined);
        if (clash) throw new Error(`node type "${clash.spec.type}" is already registered`);
        const handlerClash = handlers.find(([handler]) => registry.handler(handler) !== undefined);
        if (handlerClash) throw new Error(`handler "${handlerClash[0]}" is already registered`);
        registry.registerAll(pack.definitions);
        for (const [handler, run] of handlers) registry.registerHandler(handler, run);
        report.loaded.push({
          module: name,
          pack: pack.name,
          types: pack.definitions.map((impl) => impl.spec.type),
          handlers: handlers.map(([handler]) => handler),
        });
      }
    } catch (error) {
      report.failed.push({ module: name, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return report;
}

async function importPack(name: string, importModule: (specifier: string) => Promise<unknown>): Promise<unknown> {
  try {
    return await importModule(name);
  } catch (error) {
    // Packs that split browser-safe definitions from server code expose the latter as `<name>/handlers`.
    try {
      return await importModule(`${name}/handlers`);
    } catch {
      throw error;
    }
  }
}

function findPacks(module: unknown): PluginPack[] {
  if (typeof module !== 'object' || module === null) return [];
  return Object.values(module).filter(isPluginPack);
}

function isPluginPack(value: unknown): value is PluginPack {
  if (typeof value !== 'object' || value === null) return false;
  const name: unknown = Reflect.get(value, 'name');
  const definitions: unknown = Reflect.get(value, 'definitions');
  const handlers: unknown = Reflect.get(value, 'handlers');
  return (
    typeof name === 'string' &&
    Array.isArray(definitions) &&
    definitions.every((d) => typeof d === 'object' && d !== null && 'spec' in d) &&
    (handlers === undefined ||
      (typeof handlers === 'object' &&
        handlers !== null &&
        Object.values(handlers).every((h) => typeof h === 'function')))
  );
}
