import { defineNodeType } from '../../nodeTypes/defineNodeType.ts';
import { languageRuntime } from './languageRuntime.ts';
import { languageSpec } from './languageSpec.ts';

/** `language` — the caller picks a language; the session's locale switches and the flow goes on by `next`. */
export const languageNode = defineNodeType({ ...languageSpec, runtime: languageRuntime });
