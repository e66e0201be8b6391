import { compileAccountPatterns } from '@omniflow/analytics';
import { ConfigError } from './loadConfig.ts';

/** How caller free text is redacted before it is stored or forwarded (issue 17). */
export interface RedactionSettings {
  /** On unless `OMNIFLOW_REDACTION=off`. */
  enabled: boolean;
  /** RE2 patterns of the organization's account numbers, redacted as `[ACCOUNT]`. */
  accountPatterns: string[];
}

/**
 * Reads `OMNIFLOW_REDACTION` and `OMNIFLOW_REDACTION_ACCOUNT_PATTERNS` (a JSON array of RE2 patterns) or their
 * config-file fields; a pattern that cannot be used stops start-up, since a silently skipped pattern leaks accounts.
 */
export function redactionSettings(enabled: boolean, patternsValue: unknown): RedactionSettings {
  const accountPatterns = patternList(patternsValue);
  const { issues } = compileAccountPatterns(accountPatterns);
  if (issues.length > 0) {
    const problems = issues
      .map((issue) => `pattern ${issue.index} ${JSON.stringify(issue.pattern)}: ${issue.code} ${issue.message}`)
      .join('; ');
    throw new ConfigError(
      `OMNIFLOW_REDACTION_ACCOUNT_PATTERNS has patterns that cannot be used (${problems}); fix or remove them.`,
    );
  }
  return { enabled, accountPatterns };
}

function patternList(value: unknown): string[] {
  if (value === undefined || value === '') return [];
  let parsed: unknown = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch (error) {
      throw new ConfigError(
        `OMNIFLOW_REDACTION_ACCOUNT_PATTERNS must be a JSON array of RE2 pattern strings, e.g. ["\\\\b62\\\\d{10}\\\\b"]: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  if (!Array.isArray(parsed) || !parsed.every((p): p is string => typeof p === 'string')) {
    throw new ConfigError(
      'OMNIFLOW_REDACTION_ACCOUNT_PATTERNS must be a JSON array of RE2 pattern strings, e.g. ["\\\\b62\\\\d{10}\\\\b"].',
    );
  }
  return parsed;
}
