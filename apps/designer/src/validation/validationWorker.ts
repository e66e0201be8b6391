/// <reference lib="webworker" />
import { validateFlow } from '@omniflow/flow-schema';
import { createCatalog } from '../core/nodeCatalog.ts';
import type { ValidationReply, ValidationRequest } from './validationMessages.ts';

// Validation of a large flow takes hundreds of milliseconds; here it never blocks the canvas.
// The page sends the specs only when its catalog changed (a fresh structured clone each time).
let catalog = createCatalog([]);

self.addEventListener('message', (event: MessageEvent<ValidationRequest>) => {
  const { seq, flow, specs } = event.data;
  if (specs) catalog = createCatalog(specs);
  const result = validateFlow(flow, catalog.validation);
  const reply: ValidationReply = { seq, issues: result.issues };
  // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a worker has no origin to name
  self.postMessage(reply);
});
