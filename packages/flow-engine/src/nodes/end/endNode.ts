import { defineNodeType } from '../../nodeTypes/defineNodeType.ts';
import { endRuntime } from './endRuntime.ts';
import { endSpec } from './endSpec.ts';

/** `end` — says an optional goodbye and ends the session with an outcome. */
export const endNode = defineNodeType({ ...endSpec, runtime: endRuntime });
