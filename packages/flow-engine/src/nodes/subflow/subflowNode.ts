import { defineNodeType } from '../../nodeTypes/defineNodeType.ts';
import { subflowRuntime } from './subflowRuntime.ts';
import { subflowSpec } from './subflowSpec.ts';

/** `subflow` — runs another flow (inlined at compile time) and returns; ports `next`, `error`. */
export const subflowNode = defineNodeType({ ...subflowSpec, runtime: subflowRuntime });
