import type { SubflowConfig } from './subflowSpec.ts';
import type { SubflowRuntime } from '../../nodeTypes/nodeRuntime.ts';

/** Names the child flow, evaluates its inputs in the caller's scope and maps its outputs back. */
export const subflowRuntime: SubflowRuntime<SubflowConfig> = {
  kind: 'subflow',
  flowId: (config) => config.flowId,
  inputs: (config, scope) => {
    const inputs: Record<string, unknown> = {};
    for (const [name, expression] of Object.entries(config.inputs ?? {})) inputs[name] = scope.evaluate(expression);
    return inputs;
  },
  outputs: (config) => config.outputs ?? {},
};
