import type { FlowDocument } from '@omniflow/flow-schema';
import { previewNodePrompts, type ChannelPreview } from '@omniflow/flow-engine/preview';

/** The inspector's preview of a node: one entry per channel, nothing for a node that asks nothing, or why it cannot render. */
export type NodePreview =
  { kind: 'channels'; channels: ChannelPreview[] } | { kind: 'none' } | { kind: 'unrenderable'; error: string };

/**
 * What the selected node will say per channel in `locale`, rendered by the engine's own node runtime (the browser-safe
 * `@omniflow/flow-engine/preview` entry), so what the analyst reads here is what the caller hears.
 */
export function nodePreview(flow: FlowDocument, nodeId: string, locale: string): NodePreview {
  const result = previewNodePrompts(flow, nodeId, { locale });
  if (result === null) return { kind: 'none' };
  return Array.isArray(result) ? { kind: 'channels', channels: result } : { kind: 'unrenderable', error: result.error };
}
