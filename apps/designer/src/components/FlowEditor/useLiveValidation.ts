import { useEffect, useRef } from 'react';
import { validateFlow } from '@omniflow/flow-schema';
import { useFlowStore } from '../../store/useFlowStore.ts';
import type { ValidationReply, ValidationRequest } from '../../validation/validationMessages.ts';

/**
 * Revalidates the flow against the runtime's catalog shortly after each edit and stores the issues. The work runs
 * in a web worker; replies to superseded requests are dropped.
 */
export function useLiveValidation(delayMs = 150): void {
  const flow = useFlowStore((s) => s.flow);
  const catalog = useFlowStore((s) => s.catalog);
  const worker = useRef<Worker | null>(null);
  const seq = useRef(0);
  const sentCatalog = useRef<unknown>(null);

  useEffect(() => {
    if (typeof Worker === 'undefined') return;
    const w = new Worker(new URL('../../validation/validationWorker.ts', import.meta.url), { type: 'module' });
    w.addEventListener('message', (event: MessageEvent<ValidationReply>) => {
      if (event.data.seq === seq.current) useFlowStore.getState().setIssues(event.data.issues);
    });
    worker.current = w;
    return () => {
      w.terminate();
      worker.current = null;
      sentCatalog.current = null;
    };
  }, []);

  useEffect(() => {
    if (!flow) return;
    const timer = setTimeout(() => {
      seq.current += 1;
      const w = worker.current;
      if (!w) {
        useFlowStore.getState().setIssues(validateFlow(flow, catalog.validation).issues);
        return;
      }
      const request: ValidationRequest = { seq: seq.current, flow };
      if (sentCatalog.current !== catalog) {
        request.specs = catalog.specs;
        sentCatalog.current = catalog;
      }
      // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a worker has no origin to name
      w.postMessage(request);
    }, delayMs);
    return () => clearTimeout(timer);
  }, [flow, catalog, delayMs]);
}
