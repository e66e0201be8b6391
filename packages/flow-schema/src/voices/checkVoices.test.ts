import { describe, expect, it } from 'vitest';
import { issuesWithCode } from '../validation/validationFixtures.ts';

describe('checkVoices (FLOW061)', () => {
  it('names the allowed voices when a locale gets a voice its language does not have', () => {
    const issues = issuesWithCode('FLOW061', (flow) => {
      flow.settings = { voices: { 'en-US': { twilio: 'Polly.Seoyeon', local: 'flite/kal16' } } };
    });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.pointer).toBe('/settings/voices/en-US/twilio');
    expect(issues[0]?.message).toContain('Polly.Joanna');
    expect(issues[0]?.message).toContain('"Polly.Seoyeon" is not a Twilio voice for en-US');
  });

  it('accepts the catalog voices of each declared locale', () => {
    expect(
      issuesWithCode('FLOW061', (flow) => {
        flow.settings = { voices: { 'en-US': { twilio: 'Polly.Matthew', local: 'espeak-ng/en-gb' } } };
      }),
    ).toEqual([]);
  });

  it('refuses a local voice of another engine name', () => {
    const issues = issuesWithCode('FLOW061', (flow) => {
      flow.settings = { voices: { 'en-US': { local: 'slt' } } };
    });
    expect(issues.map((issue) => issue.pointer)).toEqual(['/settings/voices/en-US/local']);
    expect(issues[0]?.message).toContain('flite/slt');
  });
});
