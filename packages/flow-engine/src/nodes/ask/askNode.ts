import { defineNodeType } from '../../nodeTypes/defineNodeType.ts';
import { askRuntime } from './askRuntime.ts';
import { askSpec } from './askSpec.ts';

/** `ask` — collects one typed value into a variable; ports `next`, `noInput`, `noMatch`. */
export const askNode = defineNodeType({ ...askSpec, runtime: askRuntime });
