import type { StartConfig } from './startSpec.ts';
import type { AutomaticRuntime } from '../../nodeTypes/nodeRuntime.ts';

/** Leaves the start node by `next`. */
export const startRuntime: AutomaticRuntime<StartConfig> = {
  kind: 'automatic',
  run: () => ({ port: 'next' }),
};
