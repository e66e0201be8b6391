import { RE2JS } from 're2js';

/** A problem with one configured account-number pattern, with how to fix it. */
export interface AccountPatternIssue {
  readonly code: 'ACCOUNT001' | 'ACCOUNT002' | 'ACCOUNT003' | 'ACCOUNT004';
  readonly index: number;
  readonly pattern: string;
  readonly message: string;
}

/** Account-number patterns ready to run, and the issues of the ones that could not be used. */
export interface CompiledAccountPatterns {
  readonly matchers: readonly RE2JS[];
  readonly issues: readonly AccountPatternIssue[];
}

const MAX_PATTERNS = 20;
const MAX_PATTERN_LENGTH = 200;
const compiled = new Map<string, RE2JS | string>();

/**
 * Compiles account-number patterns from configuration with RE2 semantics (re2js): matching time is linear in the
 * text whatever the pattern, so a pattern from configuration cannot stall a turn; a pattern RE2 rejects is an issue.
 */
export function compileAccountPatterns(patterns: readonly string[]): CompiledAccountPatterns {
  const matchers: RE2JS[] = [];
  const issues: AccountPatternIssue[] = [];
  patterns.forEach((pattern, index) => {
    if (index >= MAX_PATTERNS) {
      issues.push({
        code: 'ACCOUNT001',
        index,
        pattern,
        message: `at most ${MAX_PATTERNS} account patterns are used; merge patterns with |`,
      });
      return;
    }
    if (pattern.length > MAX_PATTERN_LENGTH) {
      issues.push({
        code: 'ACCOUNT002',
        index,
        pattern,
        message: `the pattern is longer than ${MAX_PATTERN_LENGTH} characters`,
      });
      return;
    }
    const result = compileOne(pattern);
    if (typeof result === 'string') issues.push({ code: 'ACCOUNT003', index, pattern, message: result });
    else if (result.matches(''))
      issues.push({
        code: 'ACCOUNT004',
        index,
        pattern,
        message: 'the pattern matches empty text; require at least one character, e.g. \\d+ instead of \\d*',
      });
    else matchers.push(result);
  });
  return { matchers, issues };
}

function compileOne(pattern: string): RE2JS | string {
  const cached = compiled.get(pattern);
  if (cached !== undefined) return cached;
  let result: RE2JS | string;
  try {
    result = RE2JS.compile(pattern);
  } catch (error) {
    // RE2 has no backreferences or lookaround; its message names the construct to rewrite.
    result = `not a valid RE2 pattern: ${error instanceof Error ? error.message : String(error)}`;
  }
  // Patterns come from configuration, which changes rarely; the bound only guards against a caller feeding many.
  if (compiled.size >= 500) compiled.clear();
  compiled.set(pattern, result);
  return result;
}
