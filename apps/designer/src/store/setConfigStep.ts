import { useFlowStore } from './useFlowStore.ts';

/**
 * Writes a node config value as its own undo step: adding, removing or reordering list items must never merge with
 * the previous edit of the same list, which `setConfig` groups by pointer so that typing in one field is one step.
 */
export function setConfigStep(nodeId: string, pointer: string, value: unknown): void {
  const store = useFlowStore.getState();
  store.endGesture();
  store.setConfig(nodeId, pointer, value);
  useFlowStore.getState().endGesture();
}
