import type { FlowDocument } from '@omniflow/flow-schema';
import { describe, expect, it } from 'vitest';
import { compileFlow } from '../compile/compileFlow.ts';
import { createBuiltInRegistry } from '../nodeTypes/createBuiltInRegistry.ts';
import { ManualClock } from '../testing/ManualClock.ts';
import legacy from './fixtures/format1Snapshots.json' with { type: 'json' };
import stored from './fixtures/format2Snapshots.json' with { type: 'json' };
import { FlowSession } from './FlowSession.ts';
import { migrateSnapshot, SNAPSHOT_FORMAT } from './migrateSnapshot.ts';
import type { InputEvent, OutputEvent } from './sessionEvents.ts';
import type { LegacySessionSnapshot, SessionSnapshot, TurnResult } from './sessionTypes.ts';

/** A stored snapshot with the turns the engine that wrote it answered after it. */
interface StoredCase<S> {
  name: string;
  flow: FlowDocument;
  children: FlowDocument[];
  channel: 'dtmf' | 'voice' | 'chat';
  snapshot: S;
  next: InputEvent[];
  turns: unknown[];
}
// Snapshots FlowSession wrote in format 1 (the engine at commit 3413f06): a pending sensitive PIN, a confirmation
// awaiting yes, a subflow frame, a counted retry, a handler in flight.
const cases: StoredCase<LegacySessionSnapshot>[] = JSON.parse(JSON.stringify(legacy));
// Format 2 snapshots written while xstate was patched (the engine at commit 32901a9, before issue 13 point 2): the same
// five moments, and the flight-rebooking example flow at an offer and with its booking lookup in flight. Their turns
// also hold the transcript lines.
const format2Cases: StoredCase<SessionSnapshot>[] = JSON.parse(JSON.stringify(stored));

function compiled(flow: FlowDocument, children: FlowDocument[]) {
  const registry = createBuiltInRegistry();
  // Stand-in handlers answer from their arguments or their idempotency key, so a changed `visit` would show in a reply.
  registry.registerHandler('activate', async ({ idempotencyKey }) => ({ variables: { key: idempotencyKey } }));
  registry.registerHandler('flights.lookupCustomer', async ({ args }) =>
    args.reference === '802468' || String(args.phone ?? '').endsWith('0142')
      ? {
          variables: {
            name: 'Ji-woo Park',
            reference: '802468',
            cancelledFlight: 'OA 352',
            nextFlight: 'OA 350',
            nextDeparture: '2026-12-05T08:20',
          },
        }
      : { port: 'notFound' },
  );
  registry.registerHandler('flights.searchByDate', async ({ args }) =>
    String(args.date).startsWith('2026-12-24')
      ? { port: 'noFlights' }
      : { variables: { flight: 'OA 350', departure: `${String(args.date).slice(0, 10)}T08:20` } },
  );
  registry.registerHandler('flights.rebook', async ({ idempotencyKey }) => ({
    variables: { confirmation: idempotencyKey },
  }));
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

/** A recorded turn with its transcript lines as `from:nodeId:text`. */
function recordedWithTranscript(turn: TurnResult) {
  return {
    ...recorded(turn),
    transcript: turn.transcript.map((entry) => `${entry.from}:${entry.nodeId ?? ''}:${entry.text}`),
  };
}

describe('migrateSnapshot', () => {
  it.each(cases.map((c) => [c.name, c] as const))(
    'resumes a format 1 snapshot as the engine that wrote it would: %s',
    async (_name, legacyCase) => {
      const session = FlowSession.restore(compiled(legacyCase.flow, legacyCase.children), legacyCase.snapshot, {
        sessionId: 'legacy',
        channel: legacyCase.channel,
        clock: new ManualClock(),
      });
      const turns = [];
      for (const input of legacyCase.next) turns.push(recorded(await session.send(input)));
      expect(turns).toEqual(legacyCase.turns);
    },
  );

  it.each(format2Cases.map((c) => [c.name, c] as const))(
    'resumes a format 2 snapshot written before xstate was stock as that engine would: %s',
    async (_name, storedCase) => {
      const session = FlowSession.restore(compiled(storedCase.flow, storedCase.children), storedCase.snapshot, {
        sessionId: 'fixture',
        channel: storedCase.channel,
        clock: new ManualClock(),
      });
      const turns = [];
      for (const input of storedCase.next) turns.push(recordedWithTranscript(await session.send(input)));
      expect(turns).toEqual(storedCase.turns);
    },
  );

  it('writes a restored format 2 session that has not moved as it was stored, plus the contact it lacked (issue 15)', () => {
    const resting = format2Cases.filter(
      (c) => Object.keys(c.snapshot.machine).length > 0 && !JSON.stringify(c.snapshot.machine).includes('"call"'),
    );
    expect(resting.length).toBeGreaterThan(3);
    for (const storedCase of resting) {
      const session = FlowSession.restore(compiled(storedCase.flow, storedCase.children), storedCase.snapshot, {
        sessionId: 'fixture',
        channel: storedCase.channel,
      });
      const written = JSON.parse(JSON.stringify(session.snapshot()));
      // Stored before the contact system variable: the state gains a contact holding only the session id.
      expect(written.machine.context.state.contact).toEqual({ id: storedCase.snapshot.sessionId });
      delete written.machine.context.state.contact;
      expect(written).toEqual(storedCase.snapshot);
    }
  });

  it('writes the current format, which restores unchanged', async () => {
    const [first] = cases;
    if (!first) throw new Error('no fixture');
    const restored = FlowSession.restore(compiled(first.flow, first.children), first.snapshot, {
      sessionId: 'legacy',
      channel: first.channel,
    });
    const snapshot = JSON.parse(JSON.stringify(restored.snapshot()));
    expect(snapshot.format).toBe(SNAPSHOT_FORMAT);
    expect(snapshot.machine.context.state).toMatchObject({
      node: 'askPin',
      variables: { cardLastFour: '4211' },
      confirmVariables: null,
    });
    expect(migrateSnapshot(snapshot)).toBe(snapshot);
  });

  it('refuses a format it does not know and a format 1 snapshot without a machine context, saying why', () => {
    const [first] = cases;
    if (!first) throw new Error('no fixture');
    const newer = JSON.parse(JSON.stringify({ ...first.snapshot, format: 3 }));
    expect(() => migrateSnapshot(newer)).toThrow(/format 3 is not one this engine reads \(1 or 2\)/);
    expect(() =>
      migrateSnapshot({ ...first.snapshot, machine: { status: 'active', output: undefined, error: undefined } }),
    ).toThrow(/no machine context/);
  });
});
