import type { Channel, FlowSettings, LocalizedText, Locale, Prompt } from '@omniflow/flow-schema';
import type { EndReason, InputEvent, OutputEvent, TransferRouting } from '../session/sessionEvents.ts';
import type { HandlerResult, NodeHandler } from './handlerTypes.ts';

/** A prompt resolved for one channel and locale, with `{{variables}}` filled in (sensitive ones masked). */
export interface RenderedPrompt {
  text: string;
  ssml?: string;
  audio?: string;
  locale: Locale;
}

/** What a built-in node runtime sees of the session while it runs: synchronous, side-effect free. */
export interface NodeScope {
  nodeId: string;
  channel: Channel;
  /** The session's locale after fallback to the flow's default. */
  locale: Locale;
  defaultLocale: Locale;
  variables: Readonly<Record<string, unknown>>;
  /** Names of the flow's sensitive variables. */
  sensitive: ReadonlySet<string>;
  settings: FlowSettings;
  /** Milliseconds since the epoch, from the session's injected clock. */
  now(): number;
  /** Resolves a prompt for this channel and locale (channel override, locale fallback, masked templates). */
  prompt(prompt: Prompt): RenderedPrompt;
  /** Picks the text of this locale, falling back to the flow's default locale. */
  text(text: LocalizedText): string;
  /** Evaluates a safe expression over the flow variables (plus `extra`); a broken expression yields `null`. */
  evaluate(expression: string, extra?: Readonly<Record<string, unknown>>): unknown;
}

/** Why an interactive node is (re)asking. */
export interface PromptRequest {
  reason: 'enter' | 'repeat' | 'noInput' | 'noMatch' | 'invalid';
  /** 0 on entry, then 1, 2, … for successive retries. */
  attempt: number;
  /** The retry policy's reprompt for this attempt, if any; it replaces the node's own prompt text. */
  reprompt?: Prompt;
}

/** Caller input that an interactive node interprets (`noInput` and `hangup` are handled by the engine). */
export type CallerInput = Extract<InputEvent, { type: 'dtmf' | 'speech' | 'text' }>;

/** How an interactive node understood one input. */
export type InputOutcome =
  /**
   * Leave by `port`, optionally setting variables and saying something first. `locale` switches the session's
   * locale (a language menu): every later prompt, match and handler call uses it.
   */
  | { type: 'port'; port: string; variables?: Record<string, unknown>; outputs?: OutputEvent[]; locale?: Locale }
  /** Not understood: the engine applies the node's no-match retry policy. */
  | { type: 'noMatch' }
  /** Understood but invalid (e.g. a date in the past): like no-match, after `outputs` (the invalid prompt). */
  | { type: 'invalid'; outputs: OutputEvent[] }
  /** The caller asked to hear the prompt again; does not count as a retry. */
  | { type: 'repeat' }
  /**
   * No answer at all (a lone `#`, typed ahead after a fixed-length entry completed): the node keeps listening without
   * a word and without counting a retry, so a stray key never makes a menu repeat itself.
   */
  | { type: 'ignore' }
  /** Heard with low confidence: the engine asks "Did you say <heard>?" and takes `port` (setting `variables`) on yes. */
  | { type: 'confirm'; port: string; heard: string; variables?: Record<string, unknown> };

/** What an automatic node decides. */
export interface AutomaticResult {
  port: string;
  variables?: Record<string, unknown>;
  outputs?: OutputEvent[];
}

/** How a terminal node ends the session; `transfer` makes the engine add a transfer output with context. */
export interface TerminalResult {
  outputs: OutputEvent[];
  end: { reason: EndReason; outcome?: string };
  transfer?: { queue?: string; agent?: string; reason?: string; routing?: TransferRouting };
}

/** Finds a handler registered by name (transaction nodes). */
export type HandlerLookup = (name: string) => NodeHandler | undefined;

/** Runs immediately and leaves by one port (start, message, condition, set, hours). */
export interface AutomaticRuntime<Config> {
  kind: 'automatic';
  run(config: Config, scope: NodeScope): AutomaticResult;
}

/** Renders a prompt and maps caller input to a port (menu, ask). */
export interface InteractiveRuntime<Config> {
  kind: 'interactive';
  render(config: Config, scope: NodeScope, request: PromptRequest): readonly OutputEvent[];
  onInput(config: Config, input: CallerInput, scope: NodeScope): InputOutcome;
  /** Whether any text is an answer here (free text): global intents are then checked before the node. */
  freeForm?(config: Config): boolean;
  /** Whether caller input at this node is sensitive (masked as `****` wherever echoed). */
  sensitive?(config: Config, sensitiveVariables: ReadonlySet<string>): boolean;
}

/** Ends the session (end, transfer). */
export interface TerminalRuntime<Config> {
  kind: 'terminal';
  run(config: Config, scope: NodeScope): TerminalResult;
}

/** Adapts an async node: which handler to call, with which args, and how its result maps to variables. */
export interface AsyncRuntime<Config> {
  kind: 'async';
  /** The handler to call; `undefined` sends the node down its `error` port with a log line. */
  handler(config: Config, handlers: HandlerLookup): NodeHandler | undefined;
  args?(config: Config, scope: NodeScope): Record<string, unknown>;
  /** Maps the handler's result variables to flow variables (default: as returned). */
  results?(config: Config, result: HandlerResult): Record<string, unknown>;
  /** Extra ports the handler may return besides the spec's (e.g. a transaction's `outcomes`). */
  ports?(config: Config): string[];
}

/** Marks a node that calls another flow; the compiler inlines the child flow. */
export interface SubflowRuntime<Config> {
  kind: 'subflow';
  flowId(config: Config): string;
  /** Child variables on entry, evaluated in the parent scope. */
  inputs(config: Config, scope: NodeScope): Record<string, unknown>;
  /** Parent variable ← child variable, copied when the child flow ends. */
  outputs(config: Config): Record<string, string>;
}

/** The synchronous runtime contract of built-in node types. */
export type NodeRuntime<Config = Record<string, unknown>> =
  | AutomaticRuntime<Config>
  | InteractiveRuntime<Config>
  | TerminalRuntime<Config>
  | AsyncRuntime<Config>
  | SubflowRuntime<Config>;
