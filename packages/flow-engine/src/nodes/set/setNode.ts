import { defineNodeType } from '../../nodeTypes/defineNodeType.ts';
import { setRuntime } from './setRuntime.ts';
import { setSpec } from './setSpec.ts';

/** `set` — assigns computed values to variables, in order. */
export const setNode = defineNodeType({ ...setSpec, runtime: setRuntime });
