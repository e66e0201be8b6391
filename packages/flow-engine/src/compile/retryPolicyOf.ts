import type { RetryPolicy } from '@omniflow/flow-schema';
import { isRecord } from '@omniflow/flow-schema';
import type { CompiledNode } from './compiledFlowTypes.ts';

const DEFAULT_POLICY: RetryPolicy = { maxRetries: 2 };

/** The no-input / no-match policy of an interactive node: its own, else the flow's default, else 2 retries. */
export function retryPolicyOf(node: CompiledNode, kind: 'noInput' | 'noMatch'): RetryPolicy {
  const own = node.node.config[kind];
  if (isRetryPolicy(own)) return own;
  return node.flow.settings[kind] ?? DEFAULT_POLICY;
}

function isRetryPolicy(value: unknown): value is RetryPolicy {
  return (
    isRecord(value) &&
    typeof value.maxRetries === 'number' &&
    (value.reprompts === undefined || Array.isArray(value.reprompts))
  );
}
