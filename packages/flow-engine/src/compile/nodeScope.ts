import type { Channel, FlowSettings, LocalizedText, Locale, Prompt } from '@omniflow/flow-schema';
import { isRecord } from '@omniflow/flow-schema';
import type { NodeScope, RenderedPrompt } from '../nodeTypes/nodeRuntime.ts';
import type { CompiledNode, CompiledTables, FlowInfo } from './compiledFlowTypes.ts';
import type { EngineState } from './engineContext.ts';

/** The mask shown in place of sensitive values. */
export const MASK = '****';

/**
 * Builds the scope a node runtime runs with, from the session's state and clock; `variables` stand in for the
 * state's when an entry has just changed them.
 */
export function createNodeScope(
  node: CompiledNode,
  state: EngineState,
  tables: CompiledTables,
  now: () => number,
  variables = state.variables,
): NodeScope {
  return new StateScope(node, state, tables, now, variables);
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
  #withImplicit: Readonly<Record<string, unknown>> | undefined;

  constructor(
    node: CompiledNode,
    state: EngineState,
    tables: CompiledTables,
    now: () => number,
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
    this.now = now;
    this.#tables = tables;
  }

  text(value: LocalizedText): string {
    return pickText(value, this.locale, this.defaultLocale);
  }

  prompt(prompt: Prompt): RenderedPrompt {
    const override = prompt.channels?.[this.channel];
    const rendered: RenderedPrompt = {
      text: this.#fill(this.text(override ? override.text : prompt.text)),
      locale: this.locale,
    };
    if (prompt.ssml) rendered.ssml = this.#fill(this.text(prompt.ssml));
    if (prompt.audio) rendered.audio = this.text(prompt.audio);
    return rendered;
  }

  evaluate(expression: string, extra?: Readonly<Record<string, unknown>>): unknown {
    return this.#tables.evaluate(expression, extra ? { ...this.#values(), ...extra } : this.#values(), this.now);
  }

  #fill(template: string): string {
    return template.includes('{{') ? fillTemplate(template, this.#values(), this.sensitive) : template;
  }

  /** The flow variables plus the implicit `channel` and `locale` (flow-schema's IMPLICIT_VARIABLES). */
  #values(): Readonly<Record<string, unknown>> {
    // TODO(#15): the full read-only contact (numbers, attributes, …) comes from the session; channel and locale are known here.
    this.#withImplicit ??= {
      channel: this.channel,
      locale: this.locale,
      contact: { channel: this.channel, locale: this.locale },
      ...this.variables,
    };
    return this.#withImplicit;
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

/** Text in `locale`, falling back to the default locale, then to any locale present. */
export function pickText(value: LocalizedText, locale: Locale, defaultLocale: Locale): string {
  return value[locale] ?? value[defaultLocale] ?? Object.values(value)[0] ?? '';
}

const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w.]*)\s*\}\}/g;

/** Replaces `{{name}}` (and `{{name.field}}`) with variable values; sensitive variables become `****`. */
export function fillTemplate(
  template: string,
  variables: Readonly<Record<string, unknown>>,
  sensitive: ReadonlySet<string>,
): string {
  if (!template.includes('{{')) return template;
  return template.replace(PLACEHOLDER, (_match, path: string) => {
    const [root = '', ...rest] = path.split('.');
    if (sensitive.has(root)) return MASK;
    let value: unknown = variables[root];
    for (const part of rest) value = isRecord(value) ? value[part] : undefined;
    return value === undefined || value === null
      ? ''
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  });
}
