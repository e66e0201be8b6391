import type { Channel, FlowDocument } from '@omniflow/flow-schema';
import { compileFlow, type CompileFlowOptions } from '../compile/compileFlow.ts';
import type { CompiledFlow } from '../compile/compiledFlowTypes.ts';
import { createBuiltInRegistry } from '../nodeTypes/createBuiltInRegistry.ts';
import type { NodeTypeRegistry } from '../nodeTypes/NodeTypeRegistry.ts';
import { FlowSession } from '../session/FlowSession.ts';
import type { EndReason, InputEvent, OutputEvent } from '../session/sessionEvents.ts';
import type { FlowSessionOptions, TurnResult } from '../session/sessionTypes.ts';
import { describeTurns, type ScriptedTurn } from './describeTurns.ts';

/** Options of {@link startTestSession}; anything a real session takes, plus the registry. */
export interface TestSessionOptions extends Partial<Omit<FlowSessionOptions, 'channel'>> {
  registry?: NodeTypeRegistry;
  resolveFlow?: CompileFlowOptions['resolveFlow'];
}

/** What a finished script hands back for further assertions. */
export interface TestSessionResult {
  session: FlowSession;
  compiled: CompiledFlow;
  turns: ScriptedTurn[];
  /** The last turn's result. */
  last: TurnResult;
}

type Matcher = string | RegExp;

/**
 * Starts a scripted conversation: chain inputs (`press`, `say`, `type`, `noInput`, `hangup`) and expectations
 * (`expectPrompt`, `expectNode`, `expectTransfer`, `expectEnd`, …) and `await` the chain. Expectations look
 * at the latest turn; a failure shows every input and output seen so far.
 */
export function startTestSession(
  flow: FlowDocument | unknown,
  channel: Channel,
  options: TestSessionOptions = {},
): TestSession {
  return new TestSession(flow, channel, options);
}

/** A chainable, awaitable scripted conversation (see {@link startTestSession}). */
export class TestSession implements PromiseLike<TestSessionResult> {
  #chain: Promise<TestSessionResult>;

  constructor(flow: unknown, channel: Channel, options: TestSessionOptions) {
    this.#chain = (async () => {
      const registry = options.registry ?? createBuiltInRegistry();
      const result = compileFlow(flow, registry, options.resolveFlow ? { resolveFlow: options.resolveFlow } : {});
      if (!result.ok)
        throw new Error(
          `startTestSession: the flow does not compile:\n${result.issues.map((i) => `  ${i.code} ${i.severity} ${i.pointer} ${i.message}`).join('\n')}`,
        );
      const { registry: _registry, resolveFlow: _resolve, ...sessionOptions } = options;
      const { session, turn } = await FlowSession.start(result.compiled, {
        sessionId: 'test-session',
        ...sessionOptions,
        channel,
      });
      return { session, compiled: result.compiled, turns: [{ input: null, result: turn }], last: turn };
    })();
  }

  /** Presses keys (DTMF); on chat they arrive as typed text. */
  press(digits: string): this {
    return this.send({ type: 'dtmf', digits });
  }

  /** Says something (speech with an optional recognizer confidence). */
  say(transcript: string, confidence?: number): this {
    return this.send(
      confidence === undefined ? { type: 'speech', transcript } : { type: 'speech', transcript, confidence },
    );
  }

  /** Types chat text (or a quick reply's value). */
  type(text: string): this {
    return this.send({ type: 'text', text });
  }

  /** Lets the no-input timeout pass. */
  noInput(): this {
    return this.send({ type: 'noInput' });
  }

  /** Hangs up. */
  hangup(): this {
    return this.send({ type: 'hangup' });
  }

  /** Sends any input event. */
  send(input: InputEvent): this {
    return this.#step(async (state) => {
      const result = await state.session.send(input);
      state.turns.push({ input, result });
      state.last = result;
    });
  }

  /** Expects the latest turn to have said (or shown) text matching `pattern`. */
  expectPrompt(pattern: Matcher): this {
    return this.#expect(`a prompt matching ${String(pattern)}`, (state) =>
      sayTexts(state.last.outputs).some((text) => matches(text, pattern)),
    );
  }

  /** Expects the latest turn NOT to have said text matching `pattern`. */
  expectNoPrompt(pattern: Matcher): this {
    return this.#expect(
      `no prompt matching ${String(pattern)}`,
      (state) => !sayTexts(state.last.outputs).some((text) => matches(text, pattern)),
    );
  }

  /** Expects the session to be waiting at this node. */
  expectNode(nodeId: string): this {
    return this.#expect(`to be at node "${nodeId}"`, (state) => state.last.nodeId === nodeId);
  }

  /** Expects the latest prompt to offer these chat quick-reply labels (in order). */
  expectChoices(labels: string[]): this {
    return this.#expect(`quick replies ${JSON.stringify(labels)}`, (state) =>
      state.last.outputs.some(
        (output) =>
          output.type === 'prompt' &&
          JSON.stringify(output.expect.choices?.map((c) => c.label)) === JSON.stringify(labels),
      ),
    );
  }

  /** Expects these (masked) variable values. */
  expectVariables(expected: Record<string, unknown>): this {
    return this.#expect(`variables ${JSON.stringify(expected)}`, (state) =>
      Object.entries(expected).every(
        ([name, value]) => JSON.stringify(state.last.variables[name]) === JSON.stringify(value),
      ),
    );
  }

  /** Expects a transfer in the latest turn, optionally to this queue. */
  expectTransfer(queue?: string): this {
    return this.#expect(queue ? `a transfer to queue "${queue}"` : 'a transfer', (state) =>
      state.last.outputs.some(
        (output) => output.type === 'transfer' && (queue === undefined || output.queue === queue),
      ),
    );
  }

  /** Expects the session to have ended in the latest turn, optionally for this reason. */
  expectEnd(reason?: EndReason): this {
    return this.#expect(
      reason ? `the session to end (${reason})` : 'the session to end',
      (state) =>
        state.last.status === 'ended' &&
        state.last.outputs.some(
          (output) => output.type === 'end' && (reason === undefined || output.reason === reason),
        ),
    );
  }

  /** Expects the session to still be active. */
  expectActive(): this {
    return this.#expect('the session to be active', (state) => state.last.status === 'active');
  }

  /** Runs any check on the state; return false or throw to fail. */
  check(description: string, predicate: (state: TestSessionResult) => boolean): this {
    return this.#expect(description, predicate);
  }

  /** Persists the session to JSON and resumes it on a freshly compiled flow, as another process would. */
  restart(options: TestSessionOptions = {}): this {
    return this.#step(async (state) => {
      const json = JSON.stringify(state.session.snapshot());
      const registry = options.registry ?? createBuiltInRegistry();
      const recompiled = compileFlow(JSON.parse(JSON.stringify(state.compiled.flow)), registry);
      if (!recompiled.ok) throw new Error('restart: the flow no longer compiles');
      const transcript = state.turns.flatMap((turn) => turn.result.transcript);
      state.session = FlowSession.restore(recompiled.compiled, JSON.parse(json), {
        sessionId: state.session.id,
        channel: 'chat',
        ...options,
        transcript,
      });
      state.compiled = recompiled.compiled;
    });
  }

  // oxlint-disable-next-line unicorn/no-thenable -- the scripted driver is awaited as one chain by design
  then<A = TestSessionResult, B = never>(
    onFulfilled?: ((value: TestSessionResult) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.#chain.then(onFulfilled, onRejected);
  }

  #step(run: (state: TestSessionResult) => Promise<void>): this {
    this.#chain = this.#chain.then(async (state) => {
      await run(state);
      return state;
    });
    return this;
  }

  #expect(description: string, predicate: (state: TestSessionResult) => boolean): this {
    // Captured here so the failure points at the test line that set the expectation.
    const origin = new Error(`Expected ${description}`);
    return this.#step(async (state) => {
      let passed = false;
      let thrown = '';
      try {
        passed = predicate(state);
      } catch (error) {
        thrown = ` (the check threw: ${String(error)})`;
      }
      if (passed) return;
      origin.message = `Expected ${description}${thrown}, but the latest turn did not match.\n\nConversation so far:\n${describeTurns(state.turns)}`;
      throw origin;
    });
  }
}

function sayTexts(outputs: readonly OutputEvent[]): string[] {
  return outputs.flatMap((output) => (output.type === 'say' ? [output.text] : []));
}

function matches(text: string, pattern: Matcher): boolean {
  return typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text);
}
