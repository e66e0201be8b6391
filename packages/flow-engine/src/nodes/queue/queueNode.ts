import { defineNodeType } from '../../nodeTypes/defineNodeType.ts';
import { queueRuntime } from './queueRuntime.ts';
import { queueSpec } from './queueSpec.ts';

/** `queue` — puts the caller in an agent queue with a priority and a waiting treatment, with the whole context. */
export const queueNode = defineNodeType({ ...queueSpec, runtime: queueRuntime });
