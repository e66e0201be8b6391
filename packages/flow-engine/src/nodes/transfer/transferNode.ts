import { defineNodeType } from '../../nodeTypes/defineNodeType.ts';
import { transferRuntime } from './transferRuntime.ts';
import { transferSpec } from './transferSpec.ts';

/** `transfer` — hands the caller to a queue or agent with the collected variables and the transcript. */
export const transferNode = defineNodeType({ ...transferSpec, runtime: transferRuntime });
