import { defineNodeType } from '../../nodeTypes/defineNodeType.ts';
import { runHttpRequest } from './httpRuntime.ts';
import { httpSpec } from './httpSpec.ts';

/** `http` — calls an HTTP API; ports `success` (2xx), `error`, `timeout`. */
export const httpNode = defineNodeType({ ...httpSpec, handler: runHttpRequest });
