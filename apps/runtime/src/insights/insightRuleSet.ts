import { QA_CRITERIA, validateCategoryRules, type CategoryRule, type Scorecard } from '@omniflow/analytics';
import type { ApiProblem } from '../http/ApiError.ts';

/** The insights settings of one scope (a flow, or `*` for all): category rules, the QA scorecard, alert webhooks. */
export interface InsightRuleSet {
  rules: CategoryRule[];
  scorecard?: Scorecard;
  /** Alerts of these rules are POSTed to each URL (http or https). */
  webhooks?: string[];
}

const SCORECARD_LISTS = [
  'greetings',
  'compliancePhrases',
  'verificationNodes',
  'disclosureNodes',
  'resolvedOutcomes',
  'verificationPhrases',
  'disclosurePhrases',
];

/** Checks a rule set from a client: the rules against their schema, the scorecard's lists and the webhook URLs. */
export function checkInsightRuleSet(
  json: unknown,
): { ok: true; set: InsightRuleSet } | { ok: false; problems: ApiProblem[] } {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return fail('', 'Send { "rules": [...], "scorecard"?: {...}, "webhooks"?: ["https://..."] }.');
  const body: Record<string, unknown> = { ...json };
  const problems: ApiProblem[] = [];
  for (const key of Object.keys(body))
    if (!['rules', 'scorecard', 'webhooks'].includes(key))
      problems.push({
        code: 'RULES_UNKNOWN',
        message: `/${key} is not a known property; remove it.`,
        pointer: `/${key}`,
      });
  const checked = validateCategoryRules(body['rules'] ?? []);
  if (!checked.ok)
    for (const issue of checked.issues)
      problems.push({ code: issue.code, message: issue.message, pointer: `/rules${issue.pointer}` });
  const scorecard = body['scorecard'];
  if (scorecard !== undefined) {
    if (typeof scorecard !== 'object' || scorecard === null || Array.isArray(scorecard)) {
      problems.push({
        code: 'SCORECARD',
        message: 'scorecard must be an object of word lists.',
        pointer: '/scorecard',
      });
    } else {
      for (const [key, value] of Object.entries(scorecard)) {
        const good = Array.isArray(value) && value.every((item) => typeof item === 'string' && item.trim() !== '');
        if (!SCORECARD_LISTS.includes(key) || !good)
          problems.push({
            code: 'SCORECARD',
            message: SCORECARD_LISTS.includes(key)
              ? `/scorecard/${key} must be a list of non-empty strings.`
              : `/scorecard/${key} is not a scorecard setting; use ${SCORECARD_LISTS.join(', ')} (criteria: ${QA_CRITERIA.join(', ')}).`,
            pointer: `/scorecard/${key}`,
          });
      }
    }
  }
  const webhooks = body['webhooks'];
  if (webhooks !== undefined) {
    if (!Array.isArray(webhooks) || webhooks.length > 10)
      problems.push({ code: 'WEBHOOK', message: 'webhooks must be a list of at most 10 URLs.', pointer: '/webhooks' });
    else
      webhooks.forEach((url: unknown, index) => {
        if (!isHttpUrl(url))
          problems.push({
            code: 'WEBHOOK',
            message: `/webhooks/${index} must be an http or https URL.`,
            pointer: `/webhooks/${index}`,
          });
      });
  }
  if (problems.length > 0 || !checked.ok) return { ok: false, problems };
  return {
    ok: true,
    set: {
      rules: [...checked.rules],
      ...(scorecard === undefined ? {} : { scorecard: scorecard as Scorecard }),
      ...(Array.isArray(webhooks)
        ? { webhooks: webhooks.filter((url): url is string => typeof url === 'string') }
        : {}),
    },
  };
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function fail(pointer: string, message: string): { ok: false; problems: ApiProblem[] } {
  return { ok: false, problems: [{ code: 'RULES_SHAPE', message, pointer }] };
}
