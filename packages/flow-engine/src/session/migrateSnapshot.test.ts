import type { FlowDocument } from '@omniflow/flow-schema';
import { describe, expect, it } from 'vitest';
import { compileFlow } from '../compile/compileFlow.ts';
import { createBuiltInRegistry } from '../nodeTypes/createBuiltInRegistry.ts';
import { ManualClock } from '../testing/ManualClock.ts';
import legacy from './fixtures/format1Snapshots.json' with { type: 'json' };
import { FlowSession } from './FlowSession.ts';
import { migrateSnapshot, SNAPSHOT_FORMAT } from './migrateSnapshot.ts';
import type { InputEvent, OutputEvent } from './sessionEvents.ts';
import type { LegacySessionSnapshot, TurnResult } from './sessionTypes.ts';

// Snapshots FlowSession wrote in format 1 (the engine at commit 3413f06), each with the turns that engine answered
// after it: a pending sensitive PIN, a confirmation awaiting yes, a subflow frame, a counted retry, a handler in flight.
interface LegacyCase {
  name: string;
  flow: FlowDocument;
  children: FlowDocument[];
  channel: 'dtmf' | 'voice' | 'chat';
  snapshot: LegacySessionSnapshot;
  next: InputEvent[];
  turns: unknown[];
}
const cases: LegacyCase[] = JSON.parse(JSON.stringify(legacy));

function compiled(flow: FlowDocument, children: FlowDocument[]) {
  const registry = createBuiltInRegistry();
  // The fixture's handler answers with its idempotency key, so a changed `visit` would show in the reply.
  registry.registerHandler('activate', async ({ idempotencyKey }) => ({ variables: { key: idempotencyKey } }));
  const result = compileFlow(flow, registry, { resolveFlow: (id) => children.find((child) => child.id === id) });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.compiled;
}

/** The parts of a turn the fixtures recorded. */
function recorded(turn: TurnResult) {
  const outputs = turn.outputs.map((output: OutputEvent) => {
    if (output.type === 'say') return { type: 'say', text: output.text };
    if (output.type === 'transfer') return { type: 'transfer', queue: output.queue, variables: output.variables };
    return { type: output.type };
  });
  return { outputs, nodeId: turn.nodeId, status: turn.status, variables: turn.variables };
}

describe('migrateSnapshot', () => {
  it.each(cases.map((c) => [c.name, c] as const))('resumes a format 1 snapshot as the engine that wrote it would: %s', async (_name, legacyCase) => {
    const session = FlowSession.restore(compiled(legacyCase.flow, legacyCase.children), legacyCase.snapshot, { sessionId: 'legacy', channel: legacyCase.channel, clock: new ManualClock() });
    const turns = [];
    for (const input of legacyCase.next) turns.push(recorded(await session.send(input)));
    expect(turns).toEqual(legacyCase.turns);
  });

  it('writes the current format, which restores unchanged', async () => {
    const [first] = cases;
    if (!first) throw new Error('no fixture');
    const restored = FlowSession.restore(compiled(first.flow, first.children), first.snapshot, { sessionId: 'legacy', channel: first.channel });
    const snapshot = JSON.parse(JSON.stringify(restored.snapshot()));
    expect(snapshot.format).toBe(SNAPSHOT_FORMAT);
    expect(snapshot.machine.context.state).toMatchObject({ node: 'askPin', variables: { cardLastFour: '4211' }, confirmVariables: null });
    expect(migrateSnapshot(snapshot)).toBe(snapshot);
  });

  it('refuses a format it does not know and a format 1 snapshot without a machine context, saying why', () => {
    const [first] = cases;
    if (!first) throw new Error('no fixture');
    const newer = JSON.parse(JSON.stringify({ ...first.snapshot, format: 3 }));
    expect(() => migrateSnapshot(newer)).toThrow(/format 3 is not one this engine reads \(1 or 2\)/);
    expect(() => migrateSnapshot({ ...first.snapshot, machine: { status: 'active', output: undefined, error: undefined } })).toThrow(/no machine context/);
  });
});
