import { defineNodeType } from '../../nodeTypes/defineNodeType.ts';
import { menuRuntime } from './menuRuntime.ts';
import { menuSpec } from './menuSpec.ts';

/** `menu` — offers keyed options; ports: each option's key, `noInput`, `noMatch`. */
export const menuNode = defineNodeType({ ...menuSpec, runtime: menuRuntime });
