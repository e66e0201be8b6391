import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isRecord } from '@omniflow/flow-schema';
import { createBuiltInRegistry } from '../nodeTypes/createBuiltInRegistry.ts';
import { NodeTypeRegistry } from '../nodeTypes/NodeTypeRegistry.ts';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * The registry the CLI runs flows with: the examples' registry (built-ins, the banking pack and the example
 * handlers) when this checkout has `examples/`, else built-ins plus the banking pack when present, else
 * built-ins. Loaded by path so the engine package keeps no dependency on its own consumers.
 */
export async function loadCliRegistry(): Promise<NodeTypeRegistry> {
  const examples = await importIfPresent('examples/index.ts');
  const createExampleRegistry = examples?.createExampleRegistry;
  if (typeof createExampleRegistry === 'function') {
    const made: unknown = createExampleRegistry();
    const registry = isRecord(made) ? made.registry : undefined;
    if (registry instanceof NodeTypeRegistry) return registry;
  }
  const registry = createBuiltInRegistry();
  const banking = await importIfPresent('packages/plugins/banking/src/handlers.ts');
  const pack = banking?.bankingPack;
  if (isRecord(pack) && Array.isArray(pack.definitions)) {
    for (const definition of pack.definitions) if (isImplementation(definition)) registry.register(definition);
  }
  return registry;
}

async function importIfPresent(relative: string): Promise<Record<string, unknown> | undefined> {
  const path = `${repoRoot}${relative}`;
  if (!existsSync(path)) return undefined;
  try {
    const loaded: unknown = await import(pathToFileURL(path).href);
    return isRecord(loaded) ? loaded : undefined;
  } catch (error) {
    process.stderr.write(`omniflow: could not load ${relative} (${error instanceof Error ? error.message : String(error)}); continuing without it\n`);
    return undefined;
  }
}

function isImplementation(value: unknown): value is Parameters<NodeTypeRegistry['register']>[0] {
  return isRecord(value) && isRecord(value.spec) && typeof value.spec.type === 'string';
}
