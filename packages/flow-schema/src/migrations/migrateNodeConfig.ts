import type { NodeTypeDefinition } from '../nodeTypeSpec.ts';

/** The result of {@link migrateNodeConfig}: the config at the type's current version, or the step that failed and why. */
export type MigrateNodeConfigResult =
  | { ok: true; config: Record<string, unknown> }
  | { ok: false; version: number; missing: true }
  | { ok: false; version: number; missing: false; reason: string };

/**
 * Runs a node type's config migrations from version `from` up to its current version, on a copy of `config`.
 * Never throws: a missing step or a step that throws or returns no object is the result.
 */
export function migrateNodeConfig(
  definition: Pick<NodeTypeDefinition, 'spec' | 'migrations'>,
  from: number,
  config: Record<string, unknown>,
): MigrateNodeConfigResult {
  let current = config;
  for (let version = from + 1; version <= definition.spec.version; version++) {
    const step = definition.migrations?.find((migration) => migration.version === version);
    if (step === undefined) return { ok: false, version, missing: true };
    try {
      const next: unknown = step.up(structuredClone(current));
      if (typeof next !== 'object' || next === null || Array.isArray(next))
        throw new Error('the migration did not return an object');
      current = { ...next };
    } catch (error) {
      return { ok: false, version, missing: false, reason: error instanceof Error ? error.message : String(error) };
    }
  }
  return { ok: true, config: current };
}
