import { flowAjv, migrateNodeConfig, type NodeTypeDefinition } from '@omniflow/flow-schema';
import { isDeepStrictEqual } from 'node:util';

/** One config written at an older version of a node type, and what it must become at the current version. */
export interface MigrationCase {
  from: number;
  config: Record<string, unknown>;
  expected: Record<string, unknown>;
}

/**
 * The migration harness every node type is held to: one migration for each version after 1 (and none beyond
 * the current one), each case migrated up to exactly its expected config — which must pass the current schema —
 * and back down to where it started, and the defaults valid at the current version. Returns the problems found.
 */
export function checkNodeMigrations(definition: NodeTypeDefinition, cases: readonly MigrationCase[] = []): string[] {
  const { spec, migrations = [] } = definition;
  const problems: string[] = [];
  for (let version = 2; version <= spec.version; version++) {
    const count = migrations.filter((migration) => migration.version === version).length;
    if (count !== 1) problems.push(`${spec.type} has ${count} migrations to version ${version}; it needs exactly one`);
  }
  for (const migration of migrations) {
    if (migration.version < 2 || migration.version > spec.version)
      problems.push(`${spec.type} ships a migration to version ${migration.version}, outside 2..${spec.version}`);
  }
  const validate = flowAjv().compile(spec.configSchema);
  if (!validate(withoutEmptyNames(spec.defaults)))
    problems.push(`${spec.type} defaults do not pass its schema: ${JSON.stringify(validate.errors)}`);
  for (const { from, config, expected } of cases) {
    const migrated = migrateNodeConfig(definition, from, config);
    if (!migrated.ok) {
      problems.push(
        `${spec.type} v${from} config does not migrate: step ${migrated.version} ${migrated.missing ? 'is missing' : `failed (${migrated.reason})`}`,
      );
      continue;
    }
    if (!isDeepStrictEqual(migrated.config, expected))
      problems.push(
        `${spec.type} v${from} config migrates to ${JSON.stringify(migrated.config)}, not ${JSON.stringify(expected)}`,
      );
    if (!validate(migrated.config))
      problems.push(
        `${spec.type} v${from} config migrates to a config its schema refuses: ${JSON.stringify(validate.errors)}`,
      );
    let down = migrated.config;
    for (let version = spec.version; version > from; version--)
      down = migrations.find((migration) => migration.version === version)?.down(structuredClone(down)) ?? down;
    if (!isDeepStrictEqual(down, config))
      problems.push(`${spec.type} v${from} config does not come back down unchanged: ${JSON.stringify(down)}`);
  }
  return problems;
}

/**
 * Defaults may leave a name for the analyst to fill (`variable: ''`, `handler: ''`): the designer asks for it.
 * Such blanks are filled here so that only real mistakes in the defaults are reported.
 */
function withoutEmptyNames(defaults: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(defaults).map(([key, value]) => [key, value === '' ? 'filled' : value]));
}
