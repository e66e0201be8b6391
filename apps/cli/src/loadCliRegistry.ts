import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createBuiltInRegistry, loadPluginPacks, type NodeTypeRegistry } from '@omniflow/flow-engine';
import { bankingPack } from '@omniflow/plugin-banking/handlers';

/**
 * The registry the CLI runs flows with: the built-in node types, the banking pack, and the plugin packs named in
 * `OMNIFLOW_PLUGINS` (comma-separated module names or file paths, loaded as the runtime loads them). A named pack
 * that fails to load is reported on stderr and skipped.
 */
export async function loadCliRegistry(
  env: Readonly<Record<string, string | undefined>>,
  stderr: (line: string) => void,
): Promise<NodeTypeRegistry> {
  const registry = createBuiltInRegistry().registerAll(bankingPack.definitions);
  const modules = (env['OMNIFLOW_PLUGINS'] ?? '')
    .split(',')
    .map((name) => name.trim())
    // The banking pack is always in; the runtime's usual setting names it too, so it is not loaded twice.
    .filter((name) => name !== '' && name !== '@omniflow/plugin-banking');
  const report = await loadPluginPacks(modules, registry, (specifier) => import(asImportable(specifier)));
  for (const failure of report.failed) stderr(`omniflow: plugin pack "${failure.module}" not loaded: ${failure.error}`);
  return registry;
}

/** A file path (relative to the working directory, or absolute) as a file URL; a package name as it is. */
function asImportable(specifier: string): string {
  const isPath = specifier.startsWith('.') || isAbsolute(specifier);
  return isPath ? pathToFileURL(resolve(specifier)).href : specifier;
}
