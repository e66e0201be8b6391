import { isRecord } from '@omniflow/flow-schema';
import { getAtPointer } from '../../core/jsonPointer.ts';
import { useFlowStore } from '../../store/useFlowStore.ts';

/**
 * Sets one locale of an optional localized text (a prompt's SSML or empathetic wording); clearing the last locale
 * removes the map, so the prompt stays as it was without it.
 */
export function setLocalizedText(
  nodeId: string,
  config: Record<string, unknown>,
  pointer: string,
  locale: string,
  text: string,
): void {
  const current = getAtPointer(config, pointer);
  const next: Record<string, unknown> = { ...(isRecord(current) ? current : {}) };
  if (text === '') delete next[locale];
  else next[locale] = text;
  useFlowStore.getState().setConfig(nodeId, pointer, Object.keys(next).length === 0 ? undefined : next);
}
