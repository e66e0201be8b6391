import type { FlowMigration } from './flowMigration.ts';
import { isRecord } from '../isRecord.ts';

/**
 * The pre-release (v0) flow shape, as exported by early designer builds: one `locale` string instead of
 * `locales` + `defaultLocale`, edges as `{ from, outcome, to }`, prompts (and menu/choice labels, synonyms and
 * global intent phrases) as plain strings in that one locale.
 */
export interface FlowV0 {
  id: string;
  name: string;
  schemaVersion: 0;
  locale: string;
  variables: unknown[];
  start: string;
  nodes: {
    id: string;
    type: string;
    label?: string;
    position?: { x: number; y: number };
    config: Record<string, unknown>;
  }[];
  edges: { from: string; outcome: string; to: string }[];
  globalIntents?: { id: string; phrases: string[]; dtmf?: string; target: string }[];
}

// Config fields that held a prompt string in v0 (v0 had only the built-in node types).
const PROMPT_FIELDS = ['prompt', 'invalidPrompt'];
const POLICY_FIELDS = ['noInput', 'noMatch'];
// Arrays of labelled items: menu options and ask choices.
const LABELLED_LISTS: readonly (readonly string[])[] = [['options'], ['slot', 'choices']];

/** v0 → v1: per-locale text everywhere and `source`/`port`/`target` edges. `down` keeps only the default locale. */
export const migrateV0ToV1: FlowMigration = {
  version: 1,
  description: 'localized prompts, locales + defaultLocale, edges as source/port/target',
  up(flow) {
    const locale = typeof flow['locale'] === 'string' ? flow['locale'] : 'en-US';
    const { locale: _locale, ...rest } = flow;
    const localize = (value: unknown): unknown => (typeof value === 'string' ? { [locale]: value } : value);
    const toPrompt = (value: unknown): unknown => (typeof value === 'string' ? { text: { [locale]: value } } : value);
    return {
      ...rest,
      schemaVersion: 1,
      locales: [locale],
      defaultLocale: locale,
      nodes: mapArray(flow['nodes'], (node) =>
        mapConfig(node, (config) =>
          convertConfig(config, toPrompt, localize, (list) => (Array.isArray(list) ? { [locale]: list } : list)),
        ),
      ),
      edges: mapArray(flow['edges'], (edge) => {
        const { from, outcome, to, ...other } = edge;
        return { ...other, source: from, port: outcome, target: to };
      }),
      ...(Array.isArray(flow['globalIntents'])
        ? {
            globalIntents: mapArray(flow['globalIntents'], (intent) => ({
              ...intent,
              phrases: Array.isArray(intent['phrases']) ? { [locale]: intent['phrases'] } : intent['phrases'],
            })),
          }
        : {}),
    };
  },
  down(flow) {
    const locale = typeof flow['defaultLocale'] === 'string' ? flow['defaultLocale'] : 'en-US';
    const { locales: _locales, defaultLocale: _default, ...rest } = flow;
    const pick = (value: unknown): unknown =>
      isRecord(value) && typeof value[locale] === 'string' ? value[locale] : value;
    const fromPrompt = (value: unknown): unknown =>
      isRecord(value) && isRecord(value['text']) ? pick(value['text']) : value;
    const pickList = (value: unknown): unknown =>
      isRecord(value) && Array.isArray(value[locale]) ? value[locale] : value;
    return {
      ...rest,
      schemaVersion: 0,
      locale,
      nodes: mapArray(flow['nodes'], (node) =>
        mapConfig(node, (config) => convertConfig(config, fromPrompt, pick, pickList)),
      ),
      edges: mapArray(flow['edges'], (edge) => ({ from: edge['source'], outcome: edge['port'], to: edge['target'] })),
      ...(Array.isArray(flow['globalIntents'])
        ? {
            globalIntents: mapArray(flow['globalIntents'], (intent) => ({
              ...intent,
              phrases: pickList(intent['phrases']),
            })),
          }
        : {}),
    };
  },
};

type Convert = (value: unknown) => unknown;

function convertConfig(
  config: Record<string, unknown>,
  prompt: Convert,
  label: Convert,
  synonyms: Convert,
): Record<string, unknown> {
  const result: Record<string, unknown> = { ...config };
  for (const field of PROMPT_FIELDS) if (field in result) result[field] = prompt(result[field]);
  for (const field of POLICY_FIELDS) {
    const policy = result[field];
    if (isRecord(policy) && Array.isArray(policy['reprompts']))
      result[field] = { ...policy, reprompts: policy['reprompts'].map(prompt) };
  }
  for (const path of LABELLED_LISTS) {
    const [outer, inner] = path;
    if (outer === undefined) continue;
    const convert = (list: unknown): unknown => mapArray(list, (item) => convertLabelled(item, label, synonyms));
    const holder = result[outer];
    if (inner === undefined) {
      if (Array.isArray(holder)) result[outer] = convert(holder);
    } else if (isRecord(holder) && Array.isArray(holder[inner])) {
      result[outer] = { ...holder, [inner]: convert(holder[inner]) };
    }
  }
  return result;
}

function convertLabelled(item: Record<string, unknown>, label: Convert, synonyms: Convert): Record<string, unknown> {
  const result: Record<string, unknown> = { ...item };
  if ('label' in result) result['label'] = label(result['label']);
  if ('synonyms' in result) result['synonyms'] = synonyms(result['synonyms']);
  return result;
}

function mapConfig(
  node: Record<string, unknown>,
  convert: (config: Record<string, unknown>) => Record<string, unknown>,
): Record<string, unknown> {
  return isRecord(node['config']) ? { ...node, config: convert(node['config']) } : node;
}

/** Maps the object items of an array, leaving other items alone; a non-array comes back unchanged. */
function mapArray(value: unknown, f: (item: Record<string, unknown>) => unknown): unknown {
  return Array.isArray(value) ? value.map((item) => (isRecord(item) ? f(item) : item)) : value;
}
