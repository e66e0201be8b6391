import type { LocalizedText, Locale, Prompt } from '@omniflow/flow-schema';
import type { NodeScope, RenderedPrompt } from '../nodeTypes/nodeRuntime.ts';
import type { CompiledNode, CompiledTables, FlowInfo } from './compiledFlowTypes.ts';
import type { EngineContext } from './engineContext.ts';

/** The mask shown in place of sensitive values. */
export const MASK = '****';

/** Builds the scope a node runtime runs with, from the machine context and the session clock. */
export function createNodeScope(node: CompiledNode, context: EngineContext, tables: CompiledTables, now: () => number): NodeScope {
  const flow = node.flow;
  const locale = resolveLocale(flow, context.locale);
  const variables = context.variables;
  const text = (value: LocalizedText): string => pickText(value, locale, flow.defaultLocale);
  return {
    nodeId: node.node.id,
    channel: context.channel,
    locale,
    defaultLocale: flow.defaultLocale,
    variables,
    sensitive: flow.sensitive,
    settings: flow.settings,
    now,
    text,
    prompt: (prompt: Prompt): RenderedPrompt => {
      const fill = (template: string): string => fillTemplate(template, variables, flow.sensitive);
      const override = prompt.channels?.[context.channel];
      const rendered: RenderedPrompt = { text: fill(text(override ? override.text : prompt.text)), locale };
      if (prompt.ssml) rendered.ssml = fill(text(prompt.ssml));
      if (prompt.audio) rendered.audio = text(prompt.audio);
      return rendered;
    },
    evaluate: (expression, extra) => tables.evaluate(expression, extra ? { ...variables, ...extra } : variables),
  };
}

/** The session's locale if the flow has it (exactly, or by language), else the flow's default locale. */
export function resolveLocale(flow: Pick<FlowInfo, 'locales' | 'defaultLocale'>, requested: Locale | undefined): Locale {
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
export function fillTemplate(template: string, variables: Readonly<Record<string, unknown>>, sensitive: ReadonlySet<string>): string {
  if (!template.includes('{{')) return template;
  return template.replace(PLACEHOLDER, (_match, path: string) => {
    const [root = '', ...rest] = path.split('.');
    if (sensitive.has(root)) return MASK;
    let value: unknown = variables[root];
    for (const part of rest) value = isRecord(value) ? value[part] : undefined;
    return value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  });
}

/** Whether a value is a plain object (narrows `unknown` without casts). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
