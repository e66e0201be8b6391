import { assign, createActor, createMachine, raise } from 'xstate';
import { describe, expect, it } from 'vitest';

// The engine runs on xstate 5.33.3 with `patches/xstate@5.33.3.patch` (snapshot clones, transition domains, state
// values of chain configurations, transition candidates, history children, single transitions and their actions).
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

  it('is applied: snapshots in the same state of a machine without parallel regions share one frozen state value', () => {
    const nested = createMachine({ initial: 'a', states: { a: { initial: 'b', states: { b: { on: { next: 'c' } }, c: {} } } } });
    const one = createActor(nested).start();
    const two = createActor(nested).start();
    // Unpatched xstate builds a fresh value object for every snapshot.
    expect(one.getSnapshot().value).toBe(two.getSnapshot().value);
    expect(Object.isFrozen(one.getSnapshot().value)).toBe(true);
    one.send({ type: 'next' });
    expect(one.getSnapshot().value).toEqual({ a: 'c' });
    expect(two.getSnapshot().value).toEqual({ a: 'b' });
  });

  it('builds the value of a parallel configuration from all its regions, and tags from every active node', () => {
    const machine = createMachine({
      type: 'parallel',
      states: {
        call: { initial: 'ringing', states: { ringing: { tags: ['alerting'], on: { answer: 'talking' } }, talking: { tags: ['busy'] } } },
        hold: { initial: 'off', tags: ['hold-capable'], states: { off: { on: { hold: 'on' } }, on: { tags: ['busy'] } } },
      },
    });
    const actor = createActor(machine).start();
    expect(actor.getSnapshot().value).toEqual({ call: 'ringing', hold: 'off' });
    expect([...actor.getSnapshot().tags].toSorted()).toEqual(['alerting', 'hold-capable']);
    actor.send({ type: 'answer' });
    actor.send({ type: 'hold' });
    expect(actor.getSnapshot().value).toEqual({ call: 'talking', hold: 'on' });
    expect([...actor.getSnapshot().tags].toSorted()).toEqual(['busy', 'hold-capable']);
  });

  it('picks candidates per event type, with wildcard descriptors after the exact one and guards in order', () => {
    const seen: string[] = [];
    const machine = createMachine({
      context: { open: false },
      initial: 'menu',
      states: {
        menu: {
          on: {
            'port.1': [{ guard: ({ context }) => context.open, target: 'open' }, { target: 'closed' }],
            'port.*': { target: 'other', actions: ({ event }) => seen.push(event.type) },
          },
        },
        open: {},
        closed: { on: { back: 'menu' } },
        other: { on: { back: 'menu' } },
      },
    });
    const actor = createActor(machine).start();
    actor.send({ type: 'port.1' });
    expect(actor.getSnapshot().value).toBe('closed');
    actor.send({ type: 'back' });
    actor.send({ type: 'port.2' });
    actor.send({ type: 'back' });
    actor.send({ type: 'port.3' });
    expect(actor.getSnapshot().value).toBe('other');
    expect(seen).toEqual(['port.2', 'port.3']);
  });

  it('keeps a shallow history for a state entered from a single transition, per actor', () => {
    const machine = createMachine({
      initial: 'menu',
      states: {
        menu: { initial: 'main', states: { main: { on: { cards: 'cards' } }, cards: {}, last: { type: 'history' } }, on: { agent: 'agent' } },
        agent: { on: { done: 'menu.last' } },
      },
    });
    const moved = createActor(machine).start();
    const stayed = createActor(machine).start();
    moved.send({ type: 'cards' });
    for (const actor of [moved, stayed]) {
      actor.send({ type: 'agent' });
      actor.send({ type: 'done' });
    }
    expect(moved.getSnapshot().value).toEqual({ menu: 'cards' });
    expect(stayed.getSnapshot().value).toEqual({ menu: 'main' });
  });

  it('runs a transition\'s actions in order, each seeing the context the one before assigned, raised events after', () => {
    const seen: string[] = [];
    const machine = createMachine({
      context: { count: 0 },
      initial: 'idle',
      states: {
        idle: {
          on: {
            go: {
              target: 'busy',
              actions: [assign({ count: 1 }), ({ context }) => seen.push(`saw ${context.count}`), raise({ type: 'done' }), assign(({ context }) => ({ count: context.count + 1 }))],
            },
          },
        },
        busy: { on: { done: { target: 'finished', actions: ({ context }) => seen.push(`done at ${context.count}`) } } },
        finished: {},
      },
    });
    const actor = createActor(machine).start();
    actor.send({ type: 'go' });
    expect(seen).toEqual(['saw 1', 'done at 2']);
    expect(actor.getSnapshot().value).toBe('finished');
  });

  it('keeps output, error and status in cloned snapshots: done with output, error from a throwing action, stopped', () => {
    const done = createActor(createMachine({ initial: 'a', states: { a: { on: { end: 'z' } }, z: { type: 'final' } }, output: () => 42 })).start();
    done.send({ type: 'end' });
    expect(done.getSnapshot()).toMatchObject({ status: 'done', output: 42, value: 'z' });
    const failing = createActor(createMachine({ initial: 'a', states: { a: { on: { boom: { actions: () => { throw new Error('boom'); } } } } } }));
    failing.subscribe({ error: () => {} });
    failing.start();
    failing.send({ type: 'boom' });
    expect(failing.getSnapshot().status).toBe('error');
    expect(String(failing.getSnapshot().error)).toMatch(/boom/);
    const stopped = createActor(counter).start();
    stopped.stop();
    expect(stopped.getSnapshot()).toMatchObject({ status: 'stopped', value: 'idle', context: { count: 0 } });
    expect(Object.keys(done.getSnapshot()).toSorted()).toEqual(Object.keys(stopped.getSnapshot()).toSorted());
  });
});
