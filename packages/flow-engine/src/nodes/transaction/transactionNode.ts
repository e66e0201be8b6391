import { defineNodeType } from '../../nodeTypes/defineNodeType.ts';
import { transactionRuntime } from './transactionRuntime.ts';
import { transactionSpec } from './transactionSpec.ts';

/** `transaction` — runs a handler registered by name with a timeout; ports `success`, `error`, `timeout` and each outcome. */
export const transactionNode = defineNodeType({ ...transactionSpec, runtime: transactionRuntime });
