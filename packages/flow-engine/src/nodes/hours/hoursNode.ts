import { defineNodeType } from '../../nodeTypes/defineNodeType.ts';
import { hoursRuntime } from './hoursRuntime.ts';
import { hoursSpec } from './hoursSpec.ts';

/** `hours` — checks a business calendar in its time zone; ports `open`, `closed`, `holiday`. */
export const hoursNode = defineNodeType({ ...hoursSpec, runtime: hoursRuntime });
