import type { FlowNode, JsonSchema, NodeTypeSpec } from '@omniflow/flow-schema';
import { isRecord } from '@omniflow/flow-schema';
import { getAtPointer } from './jsonPointer.ts';
import { resolveRef } from './formModel.ts';

/**
 * What a node's card shows of what the caller hears: the first line of the node's first prompt field in `locale`,
 * `''` when that locale has no text yet, and `null` when the node type has no prompt field at all.
 */
export function promptLine(node: FlowNode, spec: NodeTypeSpec | undefined, locale: string): string | null {
  const pointer = spec ? promptPointers(spec)[0] : undefined;
  if (pointer === undefined) return null;
  const prompt = getAtPointer(node.config, pointer);
  // A prompt is `{ text: { locale: … } }`; a bare localized map is accepted too, as the prompt widget does.
  const texts = isRecord(prompt) && isRecord(prompt.text) ? prompt.text : prompt;
  const text = isRecord(texts) ? texts[locale] : undefined;
  if (typeof text !== 'string') return '';
  return text.trim().split('\n', 1)[0]?.trim() ?? '';
}

const pointersBySpec = new WeakMap<NodeTypeSpec, string[]>();

/**
 * The config pointers of a spec's top-level prompt fields, in the inspector's order: marked by a `prompt` UI hint
 * or the schema's `x-kind: prompt`, so plugin node types get a prompt line without the canvas knowing them.
 */
export function promptPointers(spec: NodeTypeSpec): string[] {
  const cached = pointersBySpec.get(spec);
  if (cached) return cached;
  const root = spec.configSchema;
  const properties = resolveRef(root, root).properties;
  const found: { pointer: string; order: number; index: number }[] = [];
  if (isRecord(properties)) {
    Object.entries(properties).forEach(([key, raw], index) => {
      if (!isRecord(raw)) return;
      const pointer = `/${key}`;
      const hint = spec.ui?.[pointer];
      if (hint?.hidden) return;
      const schema: JsonSchema = resolveRef(raw, root);
      if (hint?.widget === 'prompt' || schema['x-kind'] === 'prompt')
        found.push({ pointer, order: hint?.order ?? 1000, index });
    });
  }
  const pointers = found.toSorted((a, b) => a.order - b.order || a.index - b.index).map((f) => f.pointer);
  pointersBySpec.set(spec, pointers);
  return pointers;
}
