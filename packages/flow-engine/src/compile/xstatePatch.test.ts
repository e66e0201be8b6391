import { assign, createActor, createMachine } from 'xstate';
import { describe, expect, it } from 'vitest';

// The engine runs on xstate 5.33.3 with `patches/xstate@5.33.3.patch` (snapshot clones and transition domains).
// These tests pin what the patch must keep true, and that it is applied.
describe('patched xstate', () => {
  const counter = createMachine({
    context: { count: 0 },
    initial: 'idle',
    states: {
      idle: { tags: ['waiting'], on: { go: { target: 'busy', actions: assign(({ context }) => ({ count: context.count + 1 })) } } },
      busy: {
        tags: ['working'],
        entry: assign(({ context }) => ({ count: context.count * 10 })),
        on: { bump: { actions: assign(({ context }) => ({ count: context.count + 1 })) }, back: 'idle' },
      },
    },
  });

  it('keeps state value, tags and matches right across assignments and transitions', () => {
    const actor = createActor(counter).start();
    actor.send({ type: 'go' });
    let snapshot = actor.getSnapshot();
    expect(snapshot.context.count).toBe(10);
    expect(snapshot.value).toBe('busy');
    expect(snapshot.hasTag('working')).toBe(true);
    expect(snapshot.hasTag('waiting')).toBe(false);
    actor.send({ type: 'bump' });
    snapshot = actor.getSnapshot();
    expect(snapshot.context.count).toBe(11);
    expect(snapshot.matches('busy')).toBe(true);
    actor.send({ type: 'back' });
    snapshot = actor.getSnapshot();
    expect(snapshot.value).toBe('idle');
    expect(snapshot.hasTag('waiting')).toBe(true);
    expect(actor.getPersistedSnapshot()).toMatchObject({ value: 'idle', context: { count: 11 }, status: 'active' });
  });

  it('is applied: an assignment that leaves the state nodes alone reuses the tags and state value', () => {
    const actor = createActor(counter).start();
    actor.send({ type: 'go' });
    const before = actor.getSnapshot();
    actor.send({ type: 'bump' });
    const after = actor.getSnapshot();
    expect(after).not.toBe(before);
    // Unpatched xstate rebuilds `tags` (a new Set) on every clone; the patch keeps the same one while nodes are unchanged.
    expect(after.tags).toBe(before.tags);
    expect(after.value).toBe(before.value);
  });

  it('still resolves history targets each time (their domain is not cached)', () => {
    const machine = createMachine({
      initial: 'on',
      states: {
        on: {
          initial: 'low',
          states: { low: { on: { up: 'high' } }, high: { on: { down: 'low' } }, memory: { type: 'history' } },
          on: { off: 'off' },
        },
        off: { on: { resume: 'on.memory' } },
      },
    });
    const actor = createActor(machine).start();
    actor.send({ type: 'up' });
    actor.send({ type: 'off' });
    actor.send({ type: 'resume' });
    expect(actor.getSnapshot().value).toEqual({ on: 'high' });
    actor.send({ type: 'down' });
    actor.send({ type: 'off' });
    actor.send({ type: 'resume' });
    expect(actor.getSnapshot().value).toEqual({ on: 'low' });
  });

  it('takes eventless transitions of parallel regions together, and an ancestor`s when the leaf has none', () => {
    const machine = createMachine({
      type: 'parallel',
      context: { ready: false },
      on: { ready: { actions: assign({ ready: true }) } },
      states: {
        left: { initial: 'wait', states: { wait: { always: { guard: ({ context }) => context.ready, target: 'done' } }, done: {} } },
        right: {
          initial: 'wait',
          always: { guard: ({ context }) => context.ready, target: '.done' },
          states: { wait: {}, done: {} },
        },
      },
    });
    const actor = createActor(machine).start();
    expect(actor.getSnapshot().value).toEqual({ left: 'wait', right: 'wait' });
    actor.send({ type: 'ready' });
    expect(actor.getSnapshot().value).toEqual({ left: 'done', right: 'done' });
  });

  it('re-enters a state on a reentering self-transition every time (cached domain)', () => {
    let entries = 0;
    const machine = createMachine({
      initial: 'ask',
      states: { ask: { entry: () => entries++, on: { again: { target: 'ask', reenter: true } } } },
    });
    const actor = createActor(machine).start();
    for (let round = 0; round < 3; round++) actor.send({ type: 'again' });
    expect(entries).toBe(4);
  });
});
