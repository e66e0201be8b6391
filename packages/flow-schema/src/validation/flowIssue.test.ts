import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FLOW_ISSUE_CODES } from './flowIssue.ts';

describe('FLOW_ISSUE_CODES', () => {
  it('matches docs/validation-codes.md code for code and severity', () => {
    const docs = readFileSync(new URL('../../../../docs/validation-codes.md', import.meta.url), 'utf8');
    const documented = [...docs.matchAll(/^\|\s*(FLOW\d{3})\s*\|\s*(error|warning)\s*\|/gm)].map((match) => [
      match[1],
      match[2],
    ]);
    expect(documented).toEqual(Object.entries(FLOW_ISSUE_CODES).map(([code, { severity }]) => [code, severity]));
  });
});
