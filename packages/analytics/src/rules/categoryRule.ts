/** A rule that tags a contact with a category when its conditions hold; `alert` rules also raise a real-time alert. */
export interface CategoryRule {
  readonly id: string;
  readonly category: string;
  readonly alert?: boolean;
  /** `all` (the default) needs every condition, `any` one of them. */
  readonly match?: 'all' | 'any';
  readonly conditions: readonly RuleCondition[];
}

/** Which speakers a phrase condition listens to; `any` by default. */
export type PhraseRole = 'caller' | 'agent' | 'bot' | 'any';

/** One test a rule makes of a contact. */
export type RuleCondition =
  | { readonly kind: 'phrase'; readonly phrases: readonly string[]; readonly role?: PhraseRole }
  | { readonly kind: 'phraseMissing'; readonly phrases: readonly string[]; readonly role?: PhraseRole }
  | {
      readonly kind: 'sentiment';
      readonly atMost?: number;
      readonly atLeast?: number;
      /** With it, the bound must hold for this many caller turns in a row; without it, for `of` (the average by default). */
      readonly consecutiveTurns?: number;
      readonly of?: 'average' | 'last' | 'min';
    }
  | { readonly kind: 'sentimentTrend'; readonly direction: 'improving' | 'worsening' | 'stable' }
  | { readonly kind: 'outcome'; readonly anyOf: readonly string[] }
  | { readonly kind: 'duration'; readonly minSeconds?: number; readonly maxSeconds?: number }
  | { readonly kind: 'silence'; readonly minSeconds: number }
  | { readonly kind: 'noMatchStreak'; readonly atLeast: number };

/** The condition kinds, in the order the schema lists them. */
export const RULE_CONDITION_KINDS: readonly RuleCondition['kind'][] = [
  'phrase',
  'phraseMissing',
  'sentiment',
  'sentimentTrend',
  'outcome',
  'duration',
  'silence',
  'noMatchStreak',
];

const phrases = {
  type: 'array',
  minItems: 1,
  maxItems: 200,
  items: { type: 'string', minLength: 1, maxLength: 200 },
} as const;
const role = { enum: ['caller', 'agent', 'bot', 'any'] } as const;
const score = { type: 'number', minimum: -1, maximum: 1 } as const;
const seconds = { type: 'number', minimum: 0 } as const;

/** The JSON Schema (draft 2020-12) of a list of category rules, for the designer's rule editor and for validation. */
export const categoryRulesJsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://omniflow.dev/schemas/category-rules.json',
  type: 'array',
  items: {
    type: 'object',
    required: ['id', 'category', 'conditions'],
    additionalProperties: false,
    properties: {
      id: { type: 'string', minLength: 1, maxLength: 100 },
      category: { type: 'string', minLength: 1, maxLength: 100 },
      alert: { type: 'boolean' },
      match: { enum: ['all', 'any'] },
      conditions: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          required: ['kind'],
          // ajv's discriminator reports the errors of the branch `kind` names, not of all eight.
          discriminator: { propertyName: 'kind' },
          oneOf: [
            condition('phrase', { phrases, role }, ['phrases']),
            condition('phraseMissing', { phrases, role }, ['phrases']),
            condition(
              'sentiment',
              {
                atMost: score,
                atLeast: score,
                consecutiveTurns: { type: 'integer', minimum: 1, maximum: 100 },
                of: { enum: ['average', 'last', 'min'] },
              },
              [],
              [{ required: ['atMost'] }, { required: ['atLeast'] }],
            ),
            condition('sentimentTrend', { direction: { enum: ['improving', 'worsening', 'stable'] } }, ['direction']),
            condition('outcome', { anyOf: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } } }, [
              'anyOf',
            ]),
            condition(
              'duration',
              { minSeconds: seconds, maxSeconds: seconds },
              [],
              [{ required: ['minSeconds'] }, { required: ['maxSeconds'] }],
            ),
            condition('silence', { minSeconds: seconds }, ['minSeconds']),
            condition('noMatchStreak', { atLeast: { type: 'integer', minimum: 1, maximum: 100 } }, ['atLeast']),
          ],
        },
      },
    },
  },
} as const;

/** The schema branch of one condition kind: its own properties only, and the ones it requires. */
function condition(
  kind: string,
  properties: Record<string, unknown>,
  required: readonly string[],
  anyOf?: readonly Record<string, unknown>[],
): Record<string, unknown> {
  const branch: Record<string, unknown> = {
    properties: { kind: { const: kind }, ...properties },
    additionalProperties: false,
    required: ['kind', ...required],
  };
  if (anyOf !== undefined) branch['anyOf'] = anyOf;
  return branch;
}
