import type { StartConfig } from '@omniflow/flow-schema';
import type { AutomaticRuntime } from '../../nodeTypes/nodeRuntime.ts';

/** Leaves the start node by `next`. */
export const startRuntime: AutomaticRuntime<StartConfig> = {
  kind: 'automatic',
  run: () => ({ port: 'next' }),
};
