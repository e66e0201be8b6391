import { isRecord } from '@omniflow/flow-schema';
import type { LegacySessionSnapshot, SessionSnapshot } from './sessionTypes.ts';

/** The snapshot format `FlowSession.snapshot` writes. */
export const SNAPSHOT_FORMAT = 2;

/**
 * A stored snapshot in the current format: format 2 as it is, format 1 (written before the engine kept its state as one
 * record in the machine context) rewritten. Anything else is refused with what to do about it.
 */
export function migrateSnapshot(snapshot: SessionSnapshot | LegacySessionSnapshot): SessionSnapshot {
  if (snapshot.format === SNAPSHOT_FORMAT) return withContact(snapshot);
  const format: unknown = snapshot.format;
  if (format !== 1) {
    throw new Error(
      `Snapshot format ${JSON.stringify(format)} is not one this engine reads (1 or ${SNAPSHOT_FORMAT}); restore it with the engine version that wrote it.`,
    );
  }
  const machine = snapshot.machine;
  if (!isRecord(machine) || !('context' in machine) || !isRecord(machine.context)) {
    throw new Error('Snapshot format 1 has no machine context; it was not written by FlowSession.snapshot.');
  }
  // Format 1 sessions that never asked for a confirmation have no `confirmVariables`.
  const migrated = { ...machine, context: { state: { confirmVariables: null, ...machine.context } } };
  return withContact({ ...snapshot, format: SNAPSHOT_FORMAT, machine: migrated });
}

/**
 * A snapshot whose state has a `contact`: sessions stored before the contact system variable (issue 15) get one with
 * just their id, so `contact.*` reads as unknown (null) for them rather than failing.
 */
function withContact(snapshot: SessionSnapshot): SessionSnapshot {
  const machine = snapshot.machine;
  if (!isRecord(machine) || !('context' in machine) || !isRecord(machine.context)) return snapshot;
  const state = machine.context.state;
  if (!isRecord(state) || isRecord(state.contact)) return snapshot;
  const migrated = {
    ...machine,
    context: { ...machine.context, state: { ...state, contact: { id: snapshot.sessionId } } },
  };
  return { ...snapshot, machine: migrated };
}
