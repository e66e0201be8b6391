import { defineNodeType } from '../../nodeTypes/defineNodeType.ts';
import { startRuntime } from './startRuntime.ts';
import { startSpec } from './startSpec.ts';

/** `start` — the flow's entry point; leaves by `next` at once. */
export const startNode = defineNodeType({ ...startSpec, runtime: startRuntime });
