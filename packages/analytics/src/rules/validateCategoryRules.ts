import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { categoryRulesJsonSchema, RULE_CONDITION_KINDS, type CategoryRule } from './categoryRule.ts';

/** A problem in a list of category rules: a stable code, a JSON pointer into the list and how to fix it. */
export interface CategoryRuleIssue {
  readonly code: 'RULE001' | 'RULE002' | 'RULE003' | 'RULE004';
  readonly pointer: string;
  readonly message: string;
}

/** The checked rules, or the issues that keep them from being used. */
export type CategoryRulesValidation =
  | { readonly ok: true; readonly rules: readonly CategoryRule[] }
  | { readonly ok: false; readonly issues: readonly CategoryRuleIssue[] };

let validator: ValidateFunction<CategoryRule[]> | undefined;

/** Checks rules from configuration against {@link categoryRulesJsonSchema} and for clashes the schema cannot see. */
export function validateCategoryRules(json: unknown): CategoryRulesValidation {
  validator ??= new Ajv2020({
    allErrors: true,
    strict: true,
    strictRequired: false,
    strictTypes: false,
    discriminator: true,
  }).compile<CategoryRule[]>(categoryRulesJsonSchema);
  if (!validator(json)) {
    const errors = validator.errors ?? [];
    return {
      ok: false,
      issues: errors.map((error) => ({ code: 'RULE001', pointer: error.instancePath, message: describe(error) })),
    };
  }
  const issues: CategoryRuleIssue[] = [];
  const seen = new Set<string>();
  json.forEach((rule, index) => {
    if (seen.has(rule.id))
      issues.push({
        code: 'RULE002',
        pointer: `/${index}/id`,
        message: `rule id "${rule.id}" is used twice; give each rule its own id`,
      });
    seen.add(rule.id);
    rule.conditions.forEach((condition, at) => {
      const pointer = `/${index}/conditions/${at}`;
      if (
        condition.kind === 'duration' &&
        condition.minSeconds !== undefined &&
        condition.maxSeconds !== undefined &&
        condition.minSeconds > condition.maxSeconds
      ) {
        issues.push({
          code: 'RULE003',
          pointer,
          message: `minSeconds ${condition.minSeconds} is above maxSeconds ${condition.maxSeconds}; no contact can match`,
        });
      }
      if (
        condition.kind === 'sentiment' &&
        condition.atLeast !== undefined &&
        condition.atMost !== undefined &&
        condition.atLeast > condition.atMost
      ) {
        issues.push({
          code: 'RULE004',
          pointer,
          message: `atLeast ${condition.atLeast} is above atMost ${condition.atMost}; no score can match`,
        });
      }
    });
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, rules: json };
}

function describe(error: ErrorObject): string {
  const where = error.instancePath === '' ? 'the rule list' : error.instancePath;
  if (error.keyword === 'discriminator') {
    return `${where} has kind ${JSON.stringify(Reflect.get(error.params, 'tagValue'))}; use one of ${RULE_CONDITION_KINDS.join(', ')}`;
  }
  const extra = Reflect.get(error.params, 'additionalProperty') ?? Reflect.get(error.params, 'allowedValues');
  const detail = extra === undefined ? '' : ` (${JSON.stringify(extra)})`;
  return `${where} ${error.message ?? 'is invalid'}${detail}`;
}
