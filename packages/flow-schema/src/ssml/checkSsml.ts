import type { ValidationContext } from '../validation/validationContext.ts';
import { jsonPointer } from '../jsonPointer.ts';
import { validateSsml } from './validateSsml.ts';

/** At most this many SSML problems are reported per locale: fixing the first often fixes the rest. */
const PER_LOCALE = 3;

/** Reports FLOW060 for each locale of a prompt's `ssml` that is not well-formed or leaves the supported subset. */
export function checkSsml(context: ValidationContext, ssml: unknown, pointer: string, nodeId?: string): void {
  if (typeof ssml !== 'object' || ssml === null) return;
  for (const [locale, text] of Object.entries(ssml)) {
    if (typeof text !== 'string') continue;
    for (const problem of validateSsml(text).slice(0, PER_LOCALE)) {
      const params: Record<string, string | number> = { code: problem.code, at: problem.at };
      if (problem.tag !== undefined) params['tag'] = problem.tag;
      if (problem.attribute !== undefined) params['attribute'] = problem.attribute;
      context.report('FLOW060', `${pointer}${jsonPointer(locale)}`, `SSML (${locale}): ${problem.message}`, nodeId, {
        keyword: 'ssml',
        params,
      });
    }
  }
}
