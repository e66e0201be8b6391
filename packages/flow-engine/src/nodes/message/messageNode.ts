import { defineNodeType } from '../../nodeTypes/defineNodeType.ts';
import { messageRuntime } from './messageRuntime.ts';
import { messageSpec } from './messageSpec.ts';

/** `message` — says a prompt and moves on by `next`. */
export const messageNode = defineNodeType({ ...messageSpec, runtime: messageRuntime });
