import { useCallback, useEffect, useRef } from 'react';
import { ApiError, runtimeClient } from '../../api/runtimeClient.ts';
import { useFlowStore } from '../../store/useFlowStore.ts';

/** How long edits settle before the draft is saved. */
const AUTOSAVE_DELAY_MS = 700;

/**
 * Autosaves the draft with its revision. A 409 puts the store in `conflict` and stops saving until the user
 * reloads theirs or overwrites with theirs' revision — a newer draft is never overwritten silently.
 */
export function useAutosave(flowId: string) {
  const editCount = useFlowStore((s) => s.editCount);
  const savedEditCount = useFlowStore((s) => s.savedEditCount);
  const saveStatus = useFlowStore((s) => s.saveStatus);
  const inFlight = useRef<Promise<void> | null>(null);

  const save = useCallback(async (): Promise<void> => {
    if (inFlight.current) await inFlight.current;
    const state = useFlowStore.getState();
    if (
      !state.flow ||
      state.revision === null ||
      state.saveStatus === 'conflict' ||
      state.editCount === state.savedEditCount
    )
      return;
    const count = state.editCount;
    const flow = state.flow;
    const revision = state.revision;
    state.setSaveStatus('saving');
    const attempt = runtimeClient
      .updateFlow(flowId, flow, revision)
      .then((stored) => useFlowStore.getState().markSaved(stored.revision, count))
      .catch((e: unknown) => {
        useFlowStore.getState().setSaveStatus(e instanceof ApiError && e.status === 409 ? 'conflict' : 'error');
      })
      .finally(() => {
        inFlight.current = null;
      });
    inFlight.current = attempt;
    await attempt;
  }, [flowId]);

  useEffect(() => {
    if (editCount === savedEditCount || saveStatus === 'conflict') return;
    const timer = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [editCount, savedEditCount, saveStatus, save]);

  useEffect(
    () => () => {
      // Leaving the editor (back to the flow list) must not drop the last edits still waiting for the timer.
      const s = useFlowStore.getState();
      if (!s.flow || s.revision === null || s.saveStatus === 'conflict' || s.editCount === s.savedEditCount) return;
      runtimeClient
        .updateFlow(flowId, s.flow, s.revision)
        .catch((e: unknown) => console.warn(`Could not save "${flowId}" on leaving the editor`, e));
    },
    [flowId],
  );

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      const s = useFlowStore.getState();
      if (s.editCount !== s.savedEditCount) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  const reloadTheirs = useCallback(async () => {
    const stored = await runtimeClient.getFlow(flowId);
    useFlowStore.getState().loadFlow(stored.flow, stored.revision);
  }, [flowId]);

  const overwrite = useCallback(async () => {
    const theirs = await runtimeClient.getFlow(flowId);
    const state = useFlowStore.getState();
    if (!state.flow) return;
    const count = state.editCount;
    const stored = await runtimeClient.updateFlow(flowId, state.flow, theirs.revision);
    useFlowStore.getState().markSaved(stored.revision, count);
  }, [flowId]);

  /** Saves now and waits; used before publish and before a simulator run of the draft. */
  const flush = useCallback(async () => {
    await save();
    const s = useFlowStore.getState();
    if (s.saveStatus === 'conflict') throw new Error('The draft has a save conflict; resolve it first.');
    if (s.saveStatus === 'error') throw new Error('The draft could not be saved.');
  }, [save]);

  return { flush, reloadTheirs, overwrite };
}
