import { loadPluginPacks as loadPacks, type NodeTypeRegistry, type PackLoadReport } from '@omniflow/flow-engine';
import type { Logger } from 'pino';

/**
 * Imports each configured plugin pack module (resolved from the runtime's dependencies) and registers its node
 * types and handlers; a pack that fails to load is logged by name and skipped, and the runtime starts with the others.
 */
export async function loadPluginPacks(
  modules: readonly string[],
  registry: NodeTypeRegistry,
  logger: Logger,
): Promise<PackLoadReport> {
  const report = await loadPacks(modules, registry, (specifier) => import(specifier));
  for (const pack of report.loaded) {
    logger.info(
      { plugin: pack.module, pack: pack.pack, types: pack.types.length, handlers: pack.handlers.length },
      `plugin pack "${pack.pack}" loaded`,
    );
  }
  for (const failure of report.failed) {
    logger.error(
      { plugin: failure.module, err: failure.error },
      `plugin pack "${failure.module}" failed to load and is skipped: ${failure.error}`,
    );
  }
  return report;
}
