import type { Channel, FlowSettings, LocalizedText, Locale, Prompt } from '@omniflow/flow-schema';
import { CONTACT_ROOT, DEFAULT_SENSITIVE_CONTACT_FIELDS, isRecord } from '@omniflow/flow-schema';
import type { NodeScope, RenderedPrompt } from '../nodeTypes/nodeRuntime.ts';
import type { CompiledNode, CompiledTables, FlowInfo } from './compiledFlowTypes.ts';
import type { EngineState } from './engineContext.ts';
import { isUpset } from '../escalation/callerMood.ts';
import { contactValue } from './contactState.ts';
import { MASK } from './maskValue.ts';
import { pickText, promptWording } from '../prompt/promptWording.ts';

/**
 * What a scope needs from its session besides the state: the clock and the contact fields shown masked. A session's
 * host is one; a machine run without a session (a graph walk) uses {@link DETACHED_SCOPE_ENV}.
 */
export interface ScopeEnv {
  readonly now: () => number;
  /** Contact fields read as `****` in prompts and wherever values are shown (callerNumber, dialedNumber, customerId). */
  readonly contactMask: ReadonlySet<string>;
}

export { MASK } from './maskValue.ts';

/**
 * Builds the scope a node runtime runs with, from the session's state and clock; `variables` stand in for the
 * state's when an entry has just changed them.
 */
export function createNodeScope(
  node: CompiledNode,
  state: EngineState,
  tables: CompiledTables,
  env: ScopeEnv,
  variables = state.variables,
): NodeScope {
  return new StateScope(node, state, tables, env, variables);
}

/** A NodeScope over one engine state; methods live on the prototype because a scope is built per node entry. */
class StateScope implements NodeScope {
  readonly nodeId: string;
  readonly channel: Channel;
  readonly locale: Locale;
  readonly defaultLocale: Locale;
  readonly variables: Readonly<Record<string, unknown>>;
  readonly sensitive: ReadonlySet<string>;
  readonly settings: FlowSettings;
  readonly now: () => number;
  readonly #tables: CompiledTables;
  readonly #upset: boolean;
  readonly #state: EngineState;
  readonly #env: ScopeEnv;
  #withImplicit: Readonly<Record<string, unknown>> | undefined;
  #withContactValues: Readonly<Record<string, unknown>> | undefined;
  #shown: Readonly<Record<string, unknown>> | undefined;

  constructor(
    node: CompiledNode,
    state: EngineState,
    tables: CompiledTables,
    env: ScopeEnv,
    variables: Readonly<Record<string, unknown>>,
  ) {
    const flow = node.flow;
    this.nodeId = node.node.id;
    this.channel = state.channel;
    this.locale = resolveLocale(flow, state.locale);
    this.defaultLocale = flow.defaultLocale;
    this.variables = variables;
    this.sensitive = flow.sensitive;
    this.settings = flow.settings;
    this.now = env.now;
    this.#tables = tables;
    // A snapshot stored before moods were kept has none: such a caller reads as calm.
    this.#upset = state.mood !== undefined && isUpset(state.mood, flow.upsetAtMost);
    this.#state = state;
    this.#env = env;
  }

  text(value: LocalizedText): string {
    return pickText(value, this.locale, this.defaultLocale);
  }

  prompt(prompt: Prompt): RenderedPrompt {
    const empathetic = this.#upset ? prompt.empathetic?.[this.locale] : undefined;
    // The empathetic wording replaces the channel wording, SSML and recording alike: they say the calm version.
    if (empathetic !== undefined && empathetic !== '') return { text: this.#fill(empathetic), locale: this.locale };
    const wording = promptWording(prompt, this.channel, this.locale, this.defaultLocale);
    const rendered: RenderedPrompt = { text: this.#fill(wording.text), locale: this.locale };
    // A value such as "Tom & Jerry" must stay text inside the SSML, not break its XML (Twilio refuses the TwiML).
    if (wording.ssml !== undefined) rendered.ssml = this.#fill(wording.ssml, escapeXmlText);
    if (wording.audio !== undefined) rendered.audio = wording.audio;
    return rendered;
  }

  evaluate(expression: string, extra?: Readonly<Record<string, unknown>>): unknown {
    // The contact is built only for expressions that can read it (most conditions test flow variables).
    const values = expression.includes(CONTACT_ROOT) ? this.#withContact() : this.#values();
    return this.#tables.evaluate(expression, extra ? { ...values, ...extra } : values, this.now);
  }

  #fill(template: string, escape?: (value: string) => string): string {
    if (!template.includes('{{')) return template;
    // Prompts are spoken and recorded: the contact's sensitive fields read masked there.
    let values = this.#values();
    if (template.includes(CONTACT_ROOT)) {
      this.#shown ??= { ...values, contact: contactValue(this.#state, this.locale, this.#env.contactMask) };
      values = this.#shown;
    }
    return fillTemplate(template, values, this.sensitive, escape);
  }

  /** The flow variables plus the implicit `channel` and `locale` (flow-schema's IMPLICIT_VARIABLES). */
  #values(): Readonly<Record<string, unknown>> {
    this.#withImplicit ??= { channel: this.channel, locale: this.locale, ...this.variables };
    return this.#withImplicit;
  }

  /** The values plus the read-only `contact`; a flow cannot declare `contact`, so its variables never hide it. */
  #withContact(): Readonly<Record<string, unknown>> {
    this.#withContactValues ??= { ...this.#values(), contact: contactValue(this.#state, this.locale, null) };
    return this.#withContactValues;
  }
}

/** The session's locale if the flow has it (exactly, or by language), else the flow's default locale. */
export function resolveLocale(
  flow: Pick<FlowInfo, 'locales' | 'defaultLocale'>,
  requested: Locale | undefined,
): Locale {
  if (!requested) return flow.defaultLocale;
  if (flow.locales.includes(requested)) return requested;
  const language = requested.split('-')[0]?.toLowerCase();
  return flow.locales.find((locale) => locale.split('-')[0]?.toLowerCase() === language) ?? flow.defaultLocale;
}

/** The scope environment of a machine run without a session: the system clock and the default contact mask. */
export const DETACHED_SCOPE_ENV: ScopeEnv = {
  now: () => Date.now(),
  contactMask: new Set(DEFAULT_SENSITIVE_CONTACT_FIELDS),
};

const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w.]*)\s*\}\}/g;

/** Replaces `{{name}}` (and `{{name.field}}`) with variable values; sensitive variables become `****`. */
export function fillTemplate(
  template: string,
  variables: Readonly<Record<string, unknown>>,
  sensitive: ReadonlySet<string>,
  escape: (value: string) => string = (value) => value,
): string {
  if (!template.includes('{{')) return template;
  return template.replace(PLACEHOLDER, (_match, path: string) => escape(placeholderValue(path, variables, sensitive)));
}

/** The text a `{{path}}` placeholder reads: masked when sensitive, empty when unset, JSON for an object. */
function placeholderValue(
  path: string,
  variables: Readonly<Record<string, unknown>>,
  sensitive: ReadonlySet<string>,
): string {
  const [root = '', ...rest] = path.split('.');
  if (sensitive.has(root)) return MASK;
  let value: unknown = variables[root];
  for (const part of rest) value = isRecord(value) ? value[part] : undefined;
  return value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Text made safe inside XML (SSML): the five characters XML reserves, as entities. */
export function escapeXmlText(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );
}
