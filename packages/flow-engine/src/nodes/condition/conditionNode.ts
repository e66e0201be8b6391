import { defineNodeType } from '../../nodeTypes/defineNodeType.ts';
import { conditionRuntime } from './conditionRuntime.ts';
import { conditionSpec } from './conditionSpec.ts';

/** `condition` — takes the first case whose expression is true, else `default`. */
export const conditionNode = defineNodeType({ ...conditionSpec, runtime: conditionRuntime });
