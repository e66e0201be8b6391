import { isTruthy } from '@omniflow/flow-schema';
import type { ConditionConfig } from './conditionSpec.ts';
import type { AutomaticRuntime } from '../../nodeTypes/nodeRuntime.ts';

/** Leaves by the first case whose expression is truthy, else by `default`. */
export const conditionRuntime: AutomaticRuntime<ConditionConfig> = {
  kind: 'automatic',
  run: (config, scope) => ({
    port: config.cases.find((entry) => isTruthy(scope.evaluate(entry.when)))?.id ?? 'default',
  }),
};
