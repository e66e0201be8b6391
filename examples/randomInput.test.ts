import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compileFlow,
  createBuiltInRegistry,
  FlowSession,
  type CompiledFlow,
  type InputEvent,
  type NodeHandler,
  type NodeTypeRegistry,
  type SessionClock,
} from '@omniflow/flow-engine';
import { seededRandom } from '@omniflow/flow-engine/testing';
import { CHANNELS, type Channel, type FlowDocument } from '@omniflow/flow-schema';
import { bankingPack } from '@omniflow/plugin-banking/handlers';
import { exampleFlows } from './exampleFlows.ts';
import { startExampleHarness, type ExampleHarness } from './exampleHarness.ts';

const pick = <T>(rng: () => number, items: readonly T[]): T => {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
};

const PHRASES = [
  'balance',
  'lost card',
  'I lost my card',
  'recent transactions',
  'agent',
  'representative',
  'yes',
  'no',
  'main menu',
  'four eight two one',
  '14 March 1985',
  'December 10 2026',
  'repeat',
  'um',
  '',
  '   ',
  '余额',
  '挂失',
  '转人工',
  '是',
  '不',
  '상담원',
  '네',
  '아니요',
  'asdf qwer',
  '1985-03-14',
  '2580',
  '%%%{{secret:CORE_BANKING_API_KEY}}',
  'x'.repeat(300),
  '🙂',
];

function randomInput(rng: () => number): InputEvent {
  const roll = rng();
  if (roll < 0.02) return { type: 'hangup' };
  if (roll < 0.2) return { type: 'noInput' };
  if (roll < 0.5) {
    const length = 1 + Math.floor(rng() * 9);
    return { type: 'dtmf', digits: Array.from({ length }, () => pick(rng, [...'0123456789*#'])).join('') };
  }
  if (roll < 0.75) return { type: 'speech', transcript: pick(rng, PHRASES), confidence: rng() };
  return { type: 'text', text: pick(rng, PHRASES) };
}

/** Answers that lead somewhere at each interactive node of the examples (as keys: every channel accepts them). */
const ANSWERS: Record<string, Record<string, string[]>> = {
  'card-activation': {
    askLastFour: ['4821', '9034', '7312', '1111', '12', '0#'],
    askDateOfBirth: ['19850314', '19781130', '19850315', '99999999'],
    askPin: ['2580', '1111', '8642', '2580'],
    askConfirmPin: ['2580', '1111', '8642', '1357'],
  },
  'bank-main-menu': {
    mainMenu: ['1', '2', '3', '4', '9', '7', '0'],
    askLastFour: ['4821', '3090', '5566', '0000'],
    askDateOfBirth: ['19850314', '19690105', '19900702', '20000101'],
    anythingElse: ['1', '2', '5'],
  },
  'bilingual-welcome': {
    pickLanguage: ['1', '2', '3', '7'],
    mainMenu: ['1', '2', '9'],
  },
  'payment-reminder': {
    offer: ['1', '2', '5'],
    promise: ['200*20991215#', '75*50*20990101#', '200*20201215#', '1'],
  },
  'satisfaction-survey': {
    rating: ['4', '5', '7'],
    nps: ['9', '10#', '55'],
    comment: ['1'],
  },
  'flight-rebooking': {
    askReference: ['246810', '111111', '111111', '12', '0#'],
    offer: ['1', '2', '5'],
    askDate: ['20261224', '20261210', '20260101', '1'],
  },
};

interface Setup {
  name: string;
  registry: NodeTypeRegistry;
  secrets: (name: string) => string | undefined;
  clock?: SessionClock;
}

const FLIGHT_HANDLERS = ['flights.lookupCustomer', 'flights.searchByDate', 'flights.rebook'];

let harness: ExampleHarness;
let setups: Setup[];

/** A clock whose timers run twenty times fast, so a hanging back end reaches the node's timeout port quickly. */
function hurriedClock(): SessionClock {
  const timers = new Map<number, NodeJS.Timeout>();
  let next = 0;
  return {
    now: () => Date.now(),
    setTimeout: (fn, ms) => {
      const id = next++;
      timers.set(id, setTimeout(fn, ms / 20));
      return id;
    },
    clearTimeout: (id) => {
      clearTimeout(timers.get(Number(id)));
      timers.delete(Number(id));
    },
  };
}

/** A set-up whose back ends fail (`throw`) or never answer (`hang`), except the named handlers and node types. */
function faulty(mode: 'throw' | 'hang', working: readonly string[]): Setup {
  const failing: NodeHandler =
    mode === 'throw'
      ? async () => {
          throw new Error('back end down');
        }
      : (args) =>
          new Promise((_resolve, reject) => args.signal.addEventListener('abort', () => reject(new Error('aborted'))));
  const registry = createBuiltInRegistry();
  for (const impl of bankingPack.definitions) {
    registry.register(working.includes(impl.spec.type) ? impl : { ...impl, handler: failing });
  }
  for (const name of FLIGHT_HANDLERS) {
    const real = harness.registry.handler(name);
    registry.registerHandler(name, working.includes(name) && real ? real : failing);
  }
  return {
    name: `${mode}, working: ${working.join(',') || 'none'}`,
    registry,
    secrets: harness.options.secrets ?? (() => undefined),
    ...(mode === 'hang' ? { clock: hurriedClock() } : {}),
  };
}

beforeAll(async () => {
  harness = await startExampleHarness();
  const identify = ['flights.lookupCustomer', 'banking.verifyCustomer'];
  const later = [...identify, 'flights.searchByDate', 'banking.setPin'];
  setups = [
    { name: 'healthy', registry: harness.registry, secrets: harness.options.secrets ?? (() => undefined) },
    ...(['throw', 'hang'] as const).flatMap((mode) => [faulty(mode, []), faulty(mode, identify), faulty(mode, later)]),
  ];
});
afterAll(async () => {
  await harness.close();
});

/** The healthy set-up most of the time, and each faulty one now and then. */
function setupFor(round: number): Setup {
  const setup = round % 2 === 1 ? setups[1 + (((round - 1) / 2) % (setups.length - 1))] : setups[0];
  if (setup === undefined) throw new Error('set-ups are created in beforeAll');
  return setup;
}

function compiled(flow: unknown, registry: NodeTypeRegistry): CompiledFlow {
  const result = compileFlow(flow, registry);
  if (!result.ok) throw new Error(`example does not compile: ${result.issues.map((i) => i.message).join('; ')}`);
  return result.compiled;
}

/** Runs one conversation, asserting a reply to every input; returns the `node port` pairs it took. */
async function converse(
  flow: CompiledFlow,
  setup: Setup,
  channel: Channel,
  seed: number,
  next: (rng: () => number, waitingAt: string | null) => InputEvent,
): Promise<Set<string>> {
  const rng = seededRandom(seed);
  const locale = pick(rng, flow.flow.locales);
  const callerNumber = pick(rng, ['', '+14155550142', '+82 10 5555 0199', '+1 000 000 0000']);
  const taken = new Set<string>();
  const record = (entries: readonly { from: string; nodeId?: string; port?: string }[]): void => {
    for (const e of entries) if (e.from === 'system' && e.nodeId && e.port) taken.add(`${e.nodeId} ${e.port}`);
  };
  const { session, turn } = await FlowSession.start(flow, {
    sessionId: `walk-${seed}`,
    channel,
    locale,
    // The caller's number and repeat count reach the flows as contact.callerNumber and contact.previousContacts.
    contact: callerNumber === '' ? {} : { callerNumber, previousContacts: pick(rng, [0, 0, 1, 3]) },
    secrets: setup.secrets,
    ...(setup.clock ? { clock: setup.clock } : {}),
  });
  record(turn.transcript);
  let waitingAt = turn.nodeId;
  for (let step = 0; step < 30 && session.status === 'active'; step++) {
    const input = next(rng, waitingAt);
    const result = await session.send(input);
    const context = `seed ${seed}, ${channel}, ${locale}, ${setup.name}, step ${step}, input ${JSON.stringify(input)}`;
    if (result.error !== undefined) throw new Error(`the session refused input (${result.error}): ${context}`);
    if (result.outputs.length === 0) throw new Error(`no reply: ${context}`);
    if (result.status === 'ended' && !result.outputs.some((o) => o.type === 'end'))
      throw new Error(`ended without an end event: ${context}`);
    record(result.transcript);
    waitingAt = result.nodeId;
  }
  return taken;
}

describe('example flows under random input', () => {
  it.each(exampleFlows.map((e) => [e.file, e.flow] as const))(
    '%s answers every random input of every kind in every channel without an exception',
    async (_file, flow) => {
      let turns = 0;
      for (const channel of CHANNELS) {
        for (let seed = 1; seed <= 12; seed++) {
          const setup = setupFor(seed);
          await converse(compiled(flow, setup.registry), setup, channel, seed * 7919, (rng) => {
            turns++;
            return randomInput(rng);
          });
        }
      }
      expect(turns).toBeGreaterThan(CHANNELS.length * 12);
    },
    60_000,
  );

  it.each(exampleFlows.map((e) => [e.file, e.flow] as const))(
    '%s has every edge walked by guided random conversations',
    async (_file, flow) => {
      const doc = compiled(flow, harness.registry).flow;
      const answers = ANSWERS[doc.id] ?? {};
      const taken = new Set<string>();
      // Runs of silence or of junk reach the no-input / no-match ports; otherwise mostly useful answers, some noise.
      let run: 'silence' | 'junk' | null = null;
      const guided = (rng: () => number, waitingAt: string | null): InputEvent => {
        const roll = rng();
        run = run !== null && roll < 0.6 ? run : roll < 0.1 ? 'silence' : roll < 0.2 ? 'junk' : null;
        if (run === 'silence') return { type: 'noInput' };
        if (run === 'junk') return { type: 'dtmf', digits: '12' };
        const options = answers[waitingAt ?? ''];
        return options && rng() < 0.85 ? { type: 'dtmf', digits: pick(rng, options) } : randomInput(rng);
      };
      for (let round = 0; round < 80 && !allWalked(doc, taken); round++) {
        for (const channel of CHANNELS) {
          const setup = setupFor(round);
          for (const pair of await converse(
            compiled(flow, setup.registry),
            setup,
            channel,
            1000 + round * 3 + CHANNELS.indexOf(channel),
            guided,
          )) {
            taken.add(pair);
          }
        }
      }
      expect(doc.edges.map((e) => `${e.source} ${e.port}`).filter((pair) => !taken.has(pair))).toEqual([]);
    },
    120_000,
  );
});

function allWalked(doc: FlowDocument, taken: ReadonlySet<string>): boolean {
  return doc.edges.every((e) => taken.has(`${e.source} ${e.port}`));
}
