import type { NodeTypeImplementation, NodeTypeRegistry } from '@omniflow/flow-engine';
import type { Logger } from 'pino';

/** A plugin pack as modules export it: a name and its node types with handlers attached. */
export interface PluginPack {
  name: string;
  definitions: NodeTypeImplementation[];
}

/** What happened to each configured pack. */
export interface PackLoadReport {
  loaded: { module: string; pack: string; types: string[] }[];
  failed: { module: string; error: string }[];
}

/**
 * Imports each configured plugin pack module and registers its node types. A pack that fails to load (missing
 * module, no pack export, clashing type ids) is logged by name and skipped; the runtime starts with the others.
 * A package exposing its server side as `<name>/handlers` (the browser-safe split) is found there.
 */
export async function loadPluginPacks(modules: readonly string[], registry: NodeTypeRegistry, logger: Logger): Promise<PackLoadReport> {
  const report: PackLoadReport = { loaded: [], failed: [] };
  for (const name of modules) {
    try {
      const packs = findPacks(await importPack(name));
      if (packs.length === 0) throw new Error(`the module exports no plugin pack ({ name, definitions: [...] })`);
      for (const pack of packs) {
        const clash = pack.definitions.find((impl) => registry.get(impl.spec.type) !== undefined);
        if (clash) throw new Error(`node type "${clash.spec.type}" is already registered`);
        registry.registerAll(pack.definitions);
        report.loaded.push({ module: name, pack: pack.name, types: pack.definitions.map((impl) => impl.spec.type) });
        logger.info({ plugin: name, pack: pack.name, types: pack.definitions.length }, `plugin pack "${pack.name}" loaded`);
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      report.failed.push({ module: name, error: message });
      logger.error({ plugin: name, err: message }, `plugin pack "${name}" failed to load and is skipped: ${message}`);
    }
  }
  return report;
}

async function importPack(name: string): Promise<Record<string, unknown>> {
  try {
    return await import(name);
  } catch (error) {
    // Packs split browser-safe definitions from server code expose the latter as `<name>/handlers`.
    try {
      return await import(`${name}/handlers`);
    } catch {
      throw error;
    }
  }
}

function findPacks(module: Record<string, unknown>): PluginPack[] {
  return Object.values(module).filter(isPluginPack);
}

function isPluginPack(value: unknown): value is PluginPack {
  if (typeof value !== 'object' || value === null) return false;
  const name: unknown = Reflect.get(value, 'name');
  const definitions: unknown = Reflect.get(value, 'definitions');
  return typeof name === 'string' && Array.isArray(definitions) && definitions.every((d) => typeof d === 'object' && d !== null && 'spec' in d);
}
