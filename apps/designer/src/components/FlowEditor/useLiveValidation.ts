import { useEffect } from 'react';
import { validateFlow } from '@omniflow/flow-schema';
import { useFlowStore } from '../../store/useFlowStore.ts';

/** Revalidates the flow against the runtime's catalog shortly after each edit and stores the issues. */
export function useLiveValidation(delayMs = 200): void {
  const flow = useFlowStore((s) => s.flow);
  const catalog = useFlowStore((s) => s.catalog);
  useEffect(() => {
    if (!flow) return;
    const timer = setTimeout(() => {
      const result = validateFlow(flow, catalog.validation);
      useFlowStore.getState().setIssues(result.issues);
    }, delayMs);
    return () => clearTimeout(timer);
  }, [flow, catalog, delayMs]);
}
