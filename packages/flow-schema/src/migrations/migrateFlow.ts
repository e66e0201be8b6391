import { CURRENT_SCHEMA_VERSION } from '../flowDocument.ts';
import { flowIssue } from '../validation/flowIssue.ts';
import type { FlowIssue } from '../validation/flowIssue.ts';
import type { FlowMigration } from './flowMigration.ts';
import { migrateV0ToV1 } from './migrateV0ToV1.ts';
import { isRecord } from '../isRecord.ts';

/** Every flow migration in order; `FLOW_MIGRATIONS[i].version === i + 1`. */
export const FLOW_MIGRATIONS: readonly FlowMigration[] = [migrateV0ToV1];

/** The result of {@link migrateFlow}: the document at the current schema version (not yet validated), or why not. */
export type MigrateFlowResult =
  { ok: true; flow: Record<string, unknown>; migratedFrom: number } | { ok: false; issues: FlowIssue[] };

/**
 * Brings a flow document up to {@link CURRENT_SCHEMA_VERSION} by applying the migration chain to a copy; refuses
 * documents from a newer schema version (or without one) with a FLOW002 issue. Never throws.
 */
export function migrateFlow(json: unknown): MigrateFlowResult {
  if (!isRecord(json))
    return refuse('FLOW001', '', 'a flow must be a JSON object with id, name, schemaVersion, nodes and edges');
  const version = json['schemaVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return refuse(
      'FLOW002',
      '/schemaVersion',
      `schemaVersion must be a whole number from 0 to ${CURRENT_SCHEMA_VERSION}; set it to ${CURRENT_SCHEMA_VERSION} for a new flow`,
    );
  }
  if (version > CURRENT_SCHEMA_VERSION) {
    return refuse(
      'FLOW002',
      '/schemaVersion',
      `this flow was saved with schemaVersion ${version} by a newer Omniflow; this one reads up to ${CURRENT_SCHEMA_VERSION} — upgrade it to open the flow`,
    );
  }
  let flow = json;
  for (let target = version + 1; target <= CURRENT_SCHEMA_VERSION; target++) {
    const migration = FLOW_MIGRATIONS[target - 1];
    if (migration === undefined || migration.version !== target) {
      return refuse(
        'FLOW002',
        '/schemaVersion',
        `no migration to schemaVersion ${target} is installed; this is a packaging bug, please report it`,
      );
    }
    try {
      flow = migration.up(flow);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return refuse(
        'FLOW002',
        '',
        `migrating to schemaVersion ${target} (${migration.description}) failed: ${reason}; fix the document by hand`,
      );
    }
  }
  return { ok: true, flow, migratedFrom: version };
}

function refuse(code: 'FLOW001' | 'FLOW002', pointer: string, message: string): MigrateFlowResult {
  return { ok: false, issues: [flowIssue(code, pointer, message)] };
}
