import { defineNodeType } from '../../nodeTypes/defineNodeType.ts';
import { promiseRuntime } from './promiseRuntime.ts';
import { promiseSpec } from './promiseSpec.ts';

/** `promise` — a promise to pay: amount and date in one answer; ports `next`, `noInput`, `noMatch`. */
export const promiseNode = defineNodeType({ ...promiseSpec, runtime: promiseRuntime });
