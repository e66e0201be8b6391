/** How a call attempt ended. */
export type CallResult = 'completed' | 'busy' | 'noAnswer' | 'failed' | 'machine';

/** The results that can be retried. */
export type RetryableResult = Exclude<CallResult, 'completed'>;

/** What to do after one kind of unsuccessful result. */
export interface ResultRule {
  /** Minutes before the next attempt. */
  retryAfterMinutes: number;
  /** Attempts in all (the first call included) before giving up. */
  maxAttempts: number;
  /** Send the campaign's text message once the attempts are used up. */
  smsFallback: boolean;
}

/** The campaign's strategy: one rule per retryable result, and the fallback text per locale (with `{{field}}`s). */
export interface CampaignStrategy {
  rules: Record<RetryableResult, ResultRule>;
  smsTemplate?: Record<string, string>;
}

/** The next step for a contact after an attempt. */
export type NextStep = { kind: 'done' } | { kind: 'retry'; at: number } | { kind: 'sms' };

/** Decides, after attempt number `attempts` ended with `result` at `now` (ms), whether to retry, text or stop. */
export function retryDecision(strategy: CampaignStrategy, result: CallResult, attempts: number, now: number): NextStep {
  if (result === 'completed') return { kind: 'done' };
  const rule = strategy.rules[result];
  if (attempts < rule.maxAttempts) return { kind: 'retry', at: now + rule.retryAfterMinutes * 60_000 };
  return rule.smsFallback && strategy.smsTemplate ? { kind: 'sms' } : { kind: 'done' };
}

/** Fills `{{name}}` placeholders from a contact's fields; unknown names are left empty. */
export function fillTemplate(template: string, fields: Record<string, string>): string {
  return template.replace(/\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (_match, name: string) => fields[name] ?? '');
}

/** A strategy that retries busy and unanswered calls twice after 30 minutes and gives up on failures. */
export const DEFAULT_STRATEGY: CampaignStrategy = {
  rules: {
    busy: { retryAfterMinutes: 30, maxAttempts: 3, smsFallback: false },
    noAnswer: { retryAfterMinutes: 30, maxAttempts: 3, smsFallback: false },
    failed: { retryAfterMinutes: 60, maxAttempts: 1, smsFallback: false },
    machine: { retryAfterMinutes: 120, maxAttempts: 2, smsFallback: false },
  },
};
