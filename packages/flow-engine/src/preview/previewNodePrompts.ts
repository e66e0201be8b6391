import { CHANNELS, type Channel, type FlowDocument, type LocalizedText, type Prompt } from '@omniflow/flow-schema';
import { createBuiltInRegistry } from '../nodeTypes/createBuiltInRegistry.ts';
import type { NodeTypeRegistry } from '../nodeTypes/NodeTypeRegistry.ts';
import type { NodeScope } from '../nodeTypes/nodeRuntime.ts';
import { pickText, promptWording } from '../prompt/promptWording.ts';

/** What one channel says or shows when a node first asks: the spoken or shown text and chat's quick replies. */
export interface ChannelPreview {
  channel: Channel;
  text: string;
  choices: string[];
}

/** Options of previewNodePrompts. */
export interface PreviewOptions {
  /** The locale to preview; the flow's default locale when omitted. */
  locale?: string;
  /** Where node types come from: the built-ins by default, plus any plugin packs the caller registered. */
  registry?: NodeTypeRegistry;
}

/**
 * What an interactive node will say in each channel on entry, rendered by the node type's own runtime — the
 * function a call runs — so the designer's preview cannot drift from the call. `{{templates}}` stay as written.
 * Returns null for a node that asks nothing (not interactive, unknown type) and an `error` when its config cannot
 * be rendered yet (a half-edited form).
 */
export function previewNodePrompts(
  flow: FlowDocument,
  nodeId: string,
  options: PreviewOptions = {},
): ChannelPreview[] | { error: string } | null {
  const node = flow.nodes.find((candidate) => candidate.id === nodeId);
  const runtime = node ? (options.registry ?? builtIns()).get(node.type)?.runtime : undefined;
  if (!node || runtime?.kind !== 'interactive') return null;
  const locale =
    options.locale !== undefined && flow.locales.includes(options.locale) ? options.locale : flow.defaultLocale;
  try {
    return CHANNELS.map((channel) => {
      const outputs = runtime.render(node.config, previewScope(flow, nodeId, channel, locale), {
        reason: 'enter',
        attempt: 0,
      });
      const text = outputs.flatMap((output) => (output.type === 'say' ? [output.text] : [])).join(' ');
      const choices = outputs.flatMap((output) =>
        output.type === 'prompt' ? (output.expect.choices ?? []).map((choice) => choice.label) : [],
      );
      return { channel, text, choices };
    });
  } catch (error) {
    // A config mid-edit may lack what the runtime reads; the validator reports it on the field, the preview waits.
    return { error: String(error) };
  }
}

let registry: NodeTypeRegistry | null = null;

function builtIns(): NodeTypeRegistry {
  registry ??= createBuiltInRegistry();
  return registry;
}

/** A scope with no caller yet: no variables, templates left as written, the flow's settings. */
function previewScope(flow: FlowDocument, nodeId: string, channel: Channel, locale: string): NodeScope {
  const text = (localized: LocalizedText): string => pickText(localized, locale, flow.defaultLocale);
  return {
    nodeId,
    channel,
    locale,
    defaultLocale: flow.defaultLocale,
    variables: {},
    sensitive: new Set(
      flow.variables.filter((variable) => variable.sensitive === true).map((variable) => variable.name),
    ),
    settings: flow.settings ?? {},
    now: () => 0,
    text,
    prompt: (prompt: Prompt) => ({ ...promptWording(prompt, channel, locale, flow.defaultLocale), locale }),
    evaluate: () => null,
  };
}
