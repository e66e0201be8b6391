import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './loadConfig.ts';

const base = { DATA_DIR: '/tmp/omniflow-redaction-config' };

describe('redaction settings (#17)', () => {
  it('redacts by default with no account patterns, and is turned off by OMNIFLOW_REDACTION=off', () => {
    expect(loadConfig(base).redaction).toEqual({ enabled: true, accountPatterns: [] });
    expect(loadConfig({ ...base, OMNIFLOW_REDACTION: 'off' }).redaction.enabled).toBe(false);
  });

  it('reads account patterns as a JSON array of RE2 patterns', () => {
    const config = loadConfig({ ...base, OMNIFLOW_REDACTION_ACCOUNT_PATTERNS: '["\\\\bACC-\\\\d{8}\\\\b"]' });
    expect(config.redaction.accountPatterns).toEqual(['\\bACC-\\d{8}\\b']);
  });

  it('refuses to start with a pattern RE2 cannot run, naming the pattern and the issue', () => {
    const start = () => loadConfig({ ...base, OMNIFLOW_REDACTION_ACCOUNT_PATTERNS: '["(\\\\d)\\\\1{5}"]' });
    expect(start).toThrow(ConfigError);
    expect(start).toThrow(/OMNIFLOW_REDACTION_ACCOUNT_PATTERNS .*pattern 0 .*ACCOUNT003/);
  });

  it('refuses a value that is not a JSON array of strings, with an example of one', () => {
    expect(() => loadConfig({ ...base, OMNIFLOW_REDACTION_ACCOUNT_PATTERNS: '\\d{8}' })).toThrow(
      /JSON array of RE2 pattern strings/,
    );
    expect(() => loadConfig({ ...base, OMNIFLOW_REDACTION_ACCOUNT_PATTERNS: '[8]' })).toThrow(
      /JSON array of RE2 pattern strings/,
    );
  });
});
