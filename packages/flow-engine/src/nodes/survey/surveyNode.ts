import { defineNodeType } from '../../nodeTypes/defineNodeType.ts';
import { surveyRuntime } from './surveyRuntime.ts';
import { surveySpec } from './surveySpec.ts';

/** `survey` — one satisfaction question (1–5 rating, 0–10 NPS or a comment); ports `next`, `noInput`, `noMatch`. */
export const surveyNode = defineNodeType({ ...surveySpec, runtime: surveyRuntime });
